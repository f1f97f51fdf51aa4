import type ExcelJS from "exceljs";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { cellA1, parseRangeA1, serialFromIso } from "../../src/plan/model";
import type { SheetSpec } from "../../src/plan/sheets";
import { newWorkbookSpecs } from "../../src/plan/workbook";
import { fileFormula } from "../../src/xlsx/fileFormula";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { SharedFormulaRuns } from "../../src/xlsx/sharedFormulas";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { packageParts, sheetPartName } from "./rawPackage";

const asOf = serialFromIso("2026-03-18")!;
const samplePlan = (): SheetSpec[] => newWorkbookSpecs(newWorkbookInput({ sample: true, force: false, asOf }, asOf));

/** Every formula cell a spec writes, by sheet and A1 address, in the file's form (no "="). */
function specFormulas(specs: SheetSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of specs)
    for (const b of s.blocks) {
      const r = parseRangeA1(b.address);
      if (!b.formulas || !r) continue;
      b.formulas.forEach((row, i) => row.forEach((f, j) => out.set(`${s.sheetName}!${cellA1(r.row + i, r.col + j)}`, fileFormula(f))));
    }
  return out;
}

describe("shared formulas in the written file", () => {
  it("write a column's formula once a run, and read back as every cell's own formula", async () => {
    const specs = samplePlan();
    const { bytes } = await writeXlsx(specs);
    const parts = await packageParts(bytes);
    const jap = parts[sheetPartName(parts, specs.find((s) => s.kind === "jap")!.sheetName)];
    const masters = jap.match(/<f t="shared" ref="[A-Z]+\d+:[A-Z]+\d+" si="\d+">/g) ?? [];
    const followers = jap.match(/<f t="shared" si="\d+"\/>/g) ?? [];
    // The RAG, its reason and the helper columns: one run each down the table.
    expect(masters.length).toBeGreaterThanOrEqual(13);
    expect(followers.length).toBeGreaterThan(masters.length * 5);
    // ExcelJS, reading the file, gives every formula cell exactly the formula the spec wrote.
    const wb = await loadWorkbook(bytes);
    const expected = specFormulas(specs);
    let compared = 0;
    for (const [key, formula] of expected) {
      const [sheet, address] = [key.slice(0, key.lastIndexOf("!")), key.slice(key.lastIndexOf("!") + 1)];
      const cell = (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address);
      expect(`${key}: ${cell.formula}`).toBe(`${key}: ${formula}`);
      compared++;
    }
    expect(compared).toBe(expected.size);
  });

  it("start a new run where a formula is not the one above shifted, or names whole rows, another sheet or a table", () => {
    const runs = new SharedFormulaRuns();
    // [block column, cell, formula, the run it joins (null: a run of its own)]
    const cells: [number, string, string, string | null][] = [
      [0, "F5", "IF($A5>0,B5,0)", null],
      [0, "F6", "IF($A6>0,B6,0)", "F5"],
      [0, "F7", "IF($A7>0,B7,0)", "F5"],
      // A reference that stays on row 5 is not the run's formula shifted: a run of its own.
      [0, "F8", "IF($A8>0,B5,0)", null],
      [0, "F9", "IF($A9>0,B6,0)", "F8"],
      // Text that looks like a reference is shifted by ExcelJS, never by Excel: not shared.
      [1, "G5", '"Q1"&$A5', null],
      [1, "G6", '"Q1"&$A6', null],
      // Whole rows: Excel shifts 5:5 and ExcelJS does not.
      [2, "H5", "SUM(5:5)", null],
      [2, "H6", "SUM(5:5)", null],
      // Another sheet, a table's column: written out whole. Text with "!" or "[" does not count.
      [3, "I5", "COUNTIF(JP_Actions[Owner],$A5)", null],
      [3, "I6", "COUNTIF(JP_Actions[Owner],$A6)", null],
      [4, "J5", "Settings!$B$2+$A5", null],
      [4, "J6", "Settings!$B$2+$A6", null],
      [5, "K5", '$A5&"! [x]"', null],
      [5, "K6", '$A6&"! [x]"', "K5"],
    ];
    for (const [col, address, formula, master] of cells) expect(`${address}: ${runs.sharedWith(col, address, formula)}`).toBe(`${address}: ${master}`);
  });

  it("keep each cell's cached value, the first's and those that name it", async () => {
    const spec: SheetSpec = {
      ...samplePlan()[0],
      sheetName: "S",
      blocks: [{ address: "B2:B4", formulas: [["=A2*2"], ["=A3*2"], ["=A4*2"]] }],
      tables: [],
      conditionalFormats: [],
      validations: [],
      charts: [],
      names: [],
    };
    const { bytes } = await writeXlsx([spec], [], { cachedValues: { S: { B2: 2, B3: 0, B4: 6 } } });
    const parts = await packageParts(bytes);
    const xml = parts[sheetPartName(parts, "S")];
    expect(xml).toMatch(/<c r="B3"[^>]*><f t="shared" si="0"\/><v>0<\/v><\/c>/);
    const ws = (await loadWorkbook(bytes)).getWorksheet("S") as ExcelJS.Worksheet;
    expect([2, 3, 4].map((r) => [ws.getCell(`B${r}`).formula, ws.getCell(`B${r}`).result])).toEqual([
      ["A2*2", 2],
      ["A3*2", 0],
      ["A4*2", 6],
    ]);
  });
});
