/**
 * The print setup as the .xlsx writer puts it in the package (issue 14), and what of it survives a
 * rewrite by ExcelJS (src/xlsx/rewriteWorkbook.ts), which `next-month` and the repairs go through.
 */
import { columnIndex, JAP } from "../../src/plan/layouts";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { sampleFile } from "./fixtures";
import { packageParts, sheetPartName } from "./rawPackage";

const firstDetail = JAP.columns.findIndex((c) => c.detail) + 1; // 1-based, as <col min>

function japSetup(parts: Record<string, string>) {
  const xml = parts[sheetPartName(parts, "JAP")];
  const workbook = parts["xl/workbook.xml"];
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const japIndex = sheets.indexOf("JAP");
  const name = (n: string) => new RegExp(`<definedName name="_xlnm\\.${n}" localSheetId="${japIndex}">([^<]*)</definedName>`).exec(workbook)?.[1];
  const attr = (el: string, a: string) => new RegExp(`<${el}\\b[^>]*\\s${a}="([^"]*)"`).exec(xml)?.[1];
  return {
    fitToPage: attr("pageSetUpPr", "fitToPage"),
    orientation: attr("pageSetup", "orientation"),
    fitToWidth: attr("pageSetup", "fitToWidth"),
    fitToHeight: attr("pageSetup", "fitToHeight"),
    margins: [attr("pageMargins", "left"), attr("pageMargins", "top")],
    pane: [attr("pane", "xSplit"), attr("pane", "ySplit"), attr("pane", "state")],
    header: /<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1],
    footer: /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1],
    printArea: name("Print_Area"),
    printTitles: name("Print_Titles"),
    detailCol: new RegExp(`<col [^>]*min="${firstDetail}"[^>]*/>`).exec(xml)?.[0],
    meetingCol: /<col [^>]*min="1"[^>]*\/>/.exec(xml)?.[0],
    outlineLevelCol: attr("sheetFormatPr", "outlineLevelCol"),
  };
}

describe("print setup in the package", () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    parts = await packageParts(await sampleFile());
  });

  it("sets the JAP landscape, fitted one page wide, with print area, print titles, margins and panes", () => {
    const s = japSetup(parts);
    expect(s).toMatchObject({ fitToPage: "1", orientation: "landscape", fitToWidth: "1", fitToHeight: "0", margins: ["0.4", "0.6"], pane: ["2", "7", "frozen"] });
    expect(s.printArea).toBe("&apos;JAP&apos;!$A:$J");
    expect(s.printTitles).toBe("&apos;JAP&apos;!$7:$7");
    expect(columnIndex(JAP, "priority")).toBe(9); // the print area's last column, J
  });

  it("writes a header with the distributor and the month, a footer with the sheet and the page number", () => {
    const s = japSetup(parts);
    expect(s.header).toBe("&amp;LAndes Distribución S.A.&amp;CJoint Action Plan · March 2026&amp;RPage &amp;P of &amp;N");
    expect(s.footer).toBe("&amp;L&amp;A&amp;C&amp;RJointPlan · printed &amp;D");
  });

  it("groups the less used columns in an open outline", () => {
    const s = japSetup(parts);
    expect(s.outlineLevelCol).toBe("1");
    expect(s.detailCol).toMatch(/outlineLevel="1"/);
    expect(s.detailCol).not.toMatch(/collapsed="1"|hidden="1"/);
    expect(s.meetingCol).not.toMatch(/outlineLevel/);
  });

  it("gives every sheet a landscape page fitted to its width", () => {
    for (const sheet of ["Roster", "Settings", "JBP", "JAP", "RAG Summary", "Review Log"]) {
      const xml = parts[sheetPartName(parts, sheet)];
      expect({ sheet, landscape: /<pageSetup\b[^>]*orientation="landscape"/.test(xml), fit: /<pageSetUpPr fitToPage="1"/.test(xml) }).toEqual({ sheet, landscape: true, fit: true });
    }
  });

  it("survives a rewrite: page setup, header, panes, outline and the print names", async () => {
    const again = japSetup(await packageParts(await rewriteWorkbook(await sampleFile())));
    const before = japSetup(parts);
    // ExcelJS gives the print area back in its own form ($A:$J as written by it again).
    expect(again).toEqual(before);
  });
});
