/**
 * Which charts are jointplan's own: the RAG Summary's two, on the sheet JP_SummarySheet marks,
 * named JP_RagChart and JP_TrendChart, alone in their drawing. Those a rewrite writes again, so
 * they are no loss; anything that makes the drawing not ours alone makes all of its charts a loss,
 * and a user's chart on another sheet stays one.
 */
import { partsLostOnRewrite } from "../../src/xlsx/packageInventory";
import { lossSummary } from "../../src/xlsx/rewriteLosses";
import { sampleFile } from "./fixtures";
import { LOSS_FEATURES } from "./lossFixtures";
import { addToPackage, editPackage, packageParts, sheetPartName } from "./rawPackage";

let sample: Buffer;
beforeAll(async () => {
  sample = await sampleFile();
});

const lost = async (bytes: Buffer): Promise<string> => {
  const losses = await partsLostOnRewrite(bytes);
  return losses.length === 0 ? "" : lossSummary(losses);
};
const drawing = "xl/drawings/drawing1.xml";

describe("the summary's own charts", () => {
  it("are no loss in a file jointplan wrote", async () => {
    expect((await packageParts(sample))[drawing]).toContain('name="JP_TrendChart"');
    expect(await lost(sample)).toBe("");
  });

  it("are a loss when a frame is not one of ours, a name comes twice, or the drawing holds a shape", async () => {
    expect(await lost(await editPackage(sample, { [drawing]: (x) => x!.replace('name="JP_TrendChart"', 'name="Chart 2"') }))).toBe("charts (2) would be lost");
    expect(await lost(await editPackage(sample, { [drawing]: (x) => x!.replace('name="JP_TrendChart"', 'name="JP_RagChart"') }))).toBe("charts (2) would be lost");
    const shape = '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="1" cy="1"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="TextBox 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>';
    expect(await lost(await editPackage(sample, { [drawing]: (x) => x!.replace("</xdr:wsDr>", `${shape}</xdr:wsDr>`) }))).toBe("charts (2), shapes or text boxes (1) would be lost");
  });

  it("are a loss on a sheet the summary mark does not name", async () => {
    const unmarked = await editPackage(sample, { "xl/workbook.xml": (x) => x!.replace(/<definedName name="JP_SummarySheet"[^>]*>[^<]*<\/definedName>/, "") });
    expect((await packageParts(unmarked))["xl/workbook.xml"]).not.toContain("JP_SummarySheet");
    expect(await lost(unmarked)).toBe("charts (2) would be lost");
  });

  it("leave a user's chart on another sheet a loss, and only it", async () => {
    const chart = LOSS_FEATURES.find((f) => f.key === "chart")!;
    const bytes = await addToPackage(sample, chart.add(sheetPartName(await packageParts(sample), "JAP")));
    expect((await partsLostOnRewrite(bytes)).map((l) => l.part)).toEqual(["xl/charts/chart91.xml"]);
  });
});
