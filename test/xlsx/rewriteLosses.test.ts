/**
 * The experiment behind partsLostOnRewrite: each feature of LOSS_FEATURES is added to a plan that
 * `jointplan new` writes, the file goes through ExcelJS (load, write), and the feature's markup is
 * looked for in the result. partsLostOnRewrite must list exactly the features ExcelJS dropped.
 * The rewrite is rewriteWorkbook's: ExcelJS with the two repairs it needs (calculated columns
 * taken out before ExcelJS loads the file and put back after, defined names written back).
 */
import { partsLostOnRewrite } from "../../src/xlsx/packageInventory";
import { lossSummary } from "../../src/xlsx/rewriteLosses";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { sampleFile } from "./fixtures";
import { LOSS_FEATURES } from "./lossFixtures";
import { addToPackage, packageParts, sheetPartName } from "./rawPackage";

/** ExcelJS's read-and-write, with what rewriteWorkbook restores (names, calculated columns). */
const throughExcelJs = (bytes: Buffer): Promise<Buffer> => rewriteWorkbook(bytes);
const text = async (bytes: Buffer): Promise<string> => Object.values(await packageParts(bytes)).join("\n");

let base: Buffer;
let sheet: string;
beforeAll(async () => {
  base = await sampleFile();
  sheet = sheetPartName(await packageParts(base), "JAP");
});

describe("partsLostOnRewrite lists what ExcelJS 4.4 really drops", () => {
  it("lists nothing for a plan written by jointplan new", async () => {
    expect(await partsLostOnRewrite(base)).toEqual([]);
  });

  it("lists nothing for the empty custom properties part LibreOffice writes", async () => {
    const bytes = await addToPackage(base, {
      parts: { "docProps/custom.xml": '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"></Properties>' },
      overrides: { "docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml" },
      rels: [{ from: "", id: "rIdLo", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties", target: "docProps/custom.xml" }],
    });
    expect(await partsLostOnRewrite(bytes)).toEqual([]);
  });

  const kept: string[] = [];
  const dropped: string[] = [];
  afterAll(() => {
    // The record of the experiment, as rewriteLosses.ts's comment states it.
    expect(kept.sort()).toEqual(["dataBars", "image", "notes"]);
    expect(dropped).toHaveLength(LOSS_FEATURES.length - 3);
  });

  it.each(LOSS_FEATURES.map((f) => [f.key, f] as const))("%s", async (_key, feature) => {
    const bytes = await addToPackage(base, feature.add(sheet));
    expect(feature.marker.test(await text(bytes))).toBe(true);
    const survives = feature.marker.test(await text(await throughExcelJs(bytes)));
    (survives ? kept : dropped).push(feature.key);
    const lost = await partsLostOnRewrite(bytes);
    if (survives) expect(lost).toEqual([]);
    else expect(lost.map((l) => l.what)).toContain(feature.what);
  });
});

describe("the one-line message", () => {
  it("counts each feature once, support parts only when alone", () => {
    expect(
      lossSummary([
        { part: "xl/charts/chart1.xml", what: "chart" },
        { part: "xl/charts/chart2.xml", what: "chart" },
        { part: "xl/pivotTables/pivotTable1.xml", what: "pivot table" },
        { part: "xl/pivotCache/pivotCacheDefinition1.xml", what: "pivot table", support: true },
        { part: "xl/persons/person.xml", what: "threaded comments", support: true },
        { part: "xl/worksheets/sheet1.xml", what: "sparklines" },
      ]),
    ).toBe("charts (2), pivot tables (1), sparklines (1), threaded comments (1) would be lost");
  });
});
