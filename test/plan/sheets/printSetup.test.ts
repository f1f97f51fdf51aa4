import { columnLetters, DEFAULT_SETTINGS, serialFromYmd } from "../../../src/plan/model";
import { headerFooterText, JAP, JBP, PRINT_LAYOUT, REVIEW_LOG, ROSTER, tableHeaderRow } from "../../../src/plan/layouts";
import { buildTableSheetSpec, monthTitle, printSetup } from "../../../src/plan/sheets/sheetSpec";
import { buildRosterSheetSpec, buildSettingsSheetSpec } from "../../../src/plan/sheets/supportSheetSpecs";

describe("print setup of the sheets", () => {
  const jap = buildTableSheetSpec(JAP, { sheetName: "JAP 2026-03", tableName: "T", header: { distributor: "Smith & Sons", month: serialFromYmd(2026, 3, 1) } });

  it("prints a JAP landscape, one page wide, the meeting columns only, with its header row on every page", () => {
    const meeting = JAP.columns.findIndex((c) => c.detail);
    expect(jap.print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, fitToPagesTall: 0, printArea: `A:${columnLetters(meeting - 1)}`, titleRows: { first: tableHeaderRow(JAP), last: tableHeaderRow(JAP) } });
    expect(jap.print!.printArea).toBe("A:J");
    expect(jap.print!.margins).toEqual(PRINT_LAYOUT.margins);
  });

  it("names the distributor and the month in the header, the page in Excel's codes, an & as &&", () => {
    expect(jap.print!.header).toEqual({ left: "Smith && Sons", center: "Joint Action Plan · March 2026", right: "Page &P of &N" });
    expect(jap.print!.footer.left).toBe("&A");
    const jbp = buildTableSheetSpec(JBP, { sheetName: "JBP 2026", tableName: "T", header: { distributor: "Andes", year: 2026 } });
    expect(jbp.print!.header).toMatchObject({ left: "Andes", center: "Joint Business Plan · 2026" });
    expect(jbp.print!.printArea).toBe(`A:${columnLetters(JBP.columns.findIndex((c) => c.detail) - 1)}`);
  });

  it("keeps the header rows and ID + Action in view, and groups the less used columns", () => {
    expect(jap).toMatchObject({ freezeRows: tableHeaderRow(JAP) + 1, freezeColumns: 2 });
    expect(JAP.columns.slice(0, 2).map((c) => c.key)).toEqual(["id", "action"]);
    expect(jap.outlineColumns).toEqual(JAP.columns.flatMap((c, i) => (c.detail ? [i] : [])));
    expect(jap.outlineColumns[0]).toBe(JAP.columns.findIndex((c) => c.key === "party"));
  });

  it("gives the Roster, Settings and Review Log the same setup over all their columns", () => {
    const roster = buildRosterSheetSpec([]);
    expect(roster.print).toMatchObject({ orientation: "landscape", printArea: `A:${columnLetters(ROSTER.columns.length - 1)}`, titleRows: { first: 0, last: 0 } });
    expect(roster.print!.header.center).toBe("Roster");
    expect(buildSettingsSheetSpec(DEFAULT_SETTINGS).print).toMatchObject({ printArea: "A:C", fitToPagesWide: 1 });
    const log = buildTableSheetSpec(REVIEW_LOG, { sheetName: "Review Log", tableName: "T" });
    expect(log).toMatchObject({ freezeRows: 1, freezeColumns: 3, print: { printArea: `A:${columnLetters(REVIEW_LOG.columns.length - 1)}` } });
  });

  it("writes header text that Excel cannot misread: no line breaks, cut to fit a section", () => {
    expect(headerFooterText("A\nB & C")).toBe("A B && C");
    expect(headerFooterText("x".repeat(300))).toHaveLength(80);
    expect(monthTitle("2026-03")).toBe("");
    expect(printSetup(null, null, { what: "RAG Summary" })).toMatchObject({ printArea: null, titleRows: null, header: { left: "", center: "RAG Summary" } });
  });
});
