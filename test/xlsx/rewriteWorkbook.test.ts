/**
 * A plan written by `jointplan new` goes through a rewrite (ExcelJS load and write, with the
 * repairs rewriteWorkbook makes) without losing anything the plan depends on: cells and cached
 * values, defined names, calculated columns, validation rules cell by cell, conditional formats.
 */
import { parseRangeA1 } from "../../src/plan/model";
import { JAP } from "../../src/plan/layouts";
import { calculatedColumnsIn } from "../../src/xlsx/calculatedColumns";
import { partsLostOnRewrite } from "../../src/xlsx/packageInventory";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { loadWorkbook, rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { sampleFile } from "./fixtures";
import { editPackage, packageParts } from "./rawPackage";

const names = (parts: Record<string, string>): string[] => [...parts["xl/workbook.xml"].matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]).sort();
const tables = (parts: Record<string, string>) => calculatedColumnsIn(Object.entries(parts).filter(([n]) => n.startsWith("xl/tables/")).map(([, x]) => x));
const sheets = (parts: Record<string, string>): string[] => Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();

/** Each cell's validation rule (everything but the sqref), the first rule listed winning as in Excel. */
function validationByCell(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<dataValidation ([^>]*)sqref="([^"]+)"([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    const rule = `${m[1]}${m[3]}|${m[4]}`;
    for (const ref of m[2].split(" ")) {
      const r = parseRangeA1(ref)!;
      for (let row = r.row; row <= r.lastRow; row++) for (let col = r.col; col <= r.lastCol; col++) if (!out.has(`${row},${col}`)) out.set(`${row},${col}`, rule);
    }
  }
  return out;
}
const conditionalFormats = (xml: string): string[] => [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">[\s\S]*?<formula>([\s\S]*?)<\/formula>/g)].map((m) => `${m[1]} ${m[2]}`).sort();

describe("rewriteWorkbook on a plan that jointplan new wrote", () => {
  let before: Buffer;
  let after: Buffer;
  beforeAll(async () => {
    before = await sampleFile();
    after = await rewriteWorkbook(before);
  });

  it("loses no part", async () => {
    expect(await partsLostOnRewrite(before)).toEqual([]);
    const a = await packageParts(before);
    const b = await packageParts(after);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  });

  it("asks Excel and LibreOffice to compute every formula on open, even when the input did not", async () => {
    const stripped = await editPackage(before, { "xl/workbook.xml": (xml) => xml!.replace(/<calcPr[^>]*\/>/, '<calcPr calcId="171027"/>') });
    expect((await packageParts(stripped))["xl/workbook.xml"]).not.toMatch(/fullCalcOnLoad/);
    const parts = await packageParts(await rewriteWorkbook(stripped));
    expect(parts["xl/workbook.xml"]).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("keeps every cell's value, the defined names and the calculated columns", async () => {
    expect(await readXlsx(after)).toEqual(await readXlsx(before));
    const a = await packageParts(before);
    const b = await packageParts(after);
    expect(names(b)).toEqual(names(a));
    expect(names(a).join("")).toContain("IF(ISNUMBER(Settings!$B$2),Settings!$B$2,TODAY())");
    expect(tables(b)).toEqual(tables(a));
    expect(Object.keys(tables(a).JP_Actions)).toEqual(JAP.columns.filter((c) => c.owner === "formula").map((c) => c.header));
  });

  it("keeps each cell's validation rule and every conditional format", async () => {
    const a = await packageParts(before);
    const b = await packageParts(after);
    for (const sheet of sheets(a)) {
      expect(validationByCell(b[sheet])).toEqual(validationByCell(a[sheet]));
      expect(conditionalFormats(b[sheet])).toEqual(conditionalFormats(a[sheet]));
    }
  });

  it("lets an edit through, and drops the calculated columns of a table the edit removed", async () => {
    const edited = await rewriteWorkbook(before, (wb) => {
      wb.getWorksheet("JAP")!.getCell("D8").value = "Renamed action";
      wb.removeWorksheet(wb.getWorksheet("JBP")!.id);
    });
    const grids = await readXlsx(edited);
    expect(grids.find((g) => g.name === "JAP")!.values[7][3]).toBe("Renamed action");
    const cc = tables(await packageParts(edited));
    expect(Object.keys(cc).sort()).toEqual(Object.keys(tables(await packageParts(before))).filter((t) => t !== "JP_Objectives").sort());
  });

  it("loads into ExcelJS, which fails on calculated columns by itself", async () => {
    const ExcelJS = (await import("exceljs")).default;
    await expect(new ExcelJS.Workbook().xlsx.load(before as unknown as ArrayBuffer)).rejects.toThrow("Cannot set properties of undefined (setting 'filterButton')");
    expect((await loadWorkbook(before)).worksheets.map((w) => w.name)).toContain("JAP");
  });
});

describe("rewriteWorkbook on tables that leave their header row unsaid, as Excel saves them", () => {
  it("keeps every table's header row (the schema's default is one)", async () => {
    const before = await sampleFile();
    const parts = await packageParts(before);
    const tableNames = Object.keys(parts).filter((n) => n.startsWith("xl/tables/"));
    expect(tableNames.length).toBeGreaterThan(3);
    const edits = Object.fromEntries(tableNames.map((n) => [n, (xml: string | null) => (xml as string).replace(/\sheaderRowCount="1"/, "")]));
    const asExcelSaves = await editPackage(before, edits);
    for (const n of tableNames) expect((await packageParts(asExcelSaves))[n]).not.toContain("headerRowCount");
    const after = await rewriteWorkbook(asExcelSaves);
    const written = await packageParts(after);
    for (const n of Object.keys(written).filter((k) => k.startsWith("xl/tables/"))) expect(written[n]).toMatch(/<table\b[^>]*\sheaderRowCount="1"/);
    expect(await readXlsx(after)).toEqual(await readXlsx(before));
  });
});
