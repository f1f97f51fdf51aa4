/**
 * formulaValues (the engine's value of every formula cell of a workbook as it stands) against the
 * cached values `jointplan new` writes, which the LibreOffice tests hold equal to what LibreOffice
 * computes: the same value in every formula cell of the sample and of an empty plan.
 */
import { cellA1, parseRangeA1, serialFromIso } from "../../../src/plan/model";
import { newWorkbookInput } from "../../../src/cli/newCommand";
import { type SheetSpec, specGrid, tableListing } from "../../../src/plan/sheets";
import { SUMMARY_MARK } from "../../../src/plan/summary";
import { formulaValues, newWorkbook, type WorkbookFormulas } from "../../../src/plan/workbook";
import { planCachedValues } from "../../../src/xlsx/planCachedValues";

const day = serialFromIso("2026-03-18")!;

function formulasOf(specs: readonly SheetSpec[]): WorkbookFormulas {
  const out: Record<string, Record<string, string>> = {};
  for (const spec of specs) {
    for (const b of spec.blocks) {
      const r = parseRangeA1(b.address);
      if (!r || !b.formulas) continue;
      for (let row = r.row; row <= r.lastRow; row++) for (let col = r.col; col <= r.lastCol; col++) (out[spec.sheetName] ??= {})[cellA1(row, col)] = b.formulas[row - r.row][col - r.col];
    }
  }
  return out;
}

describe("formulaValues", () => {
  it.each([true, false])("gives every formula cell the value jointplan new caches (sample: %s)", (sample) => {
    const { specs } = newWorkbook(newWorkbookInput({ sample, force: false, asOf: day }, day));
    const formulas = formulasOf(specs);
    const mark = specs.flatMap((s) => s.names).find((n) => n.name === SUMMARY_MARK)?.formula ?? null;
    const values = formulaValues(specs.map(specGrid), formulas, { today: day, tables: specs.flatMap(tableListing), summaryMark: mark });
    const cached = planCachedValues(specs, day);
    let compared = 0;
    for (const [sheet, cells] of Object.entries(formulas)) {
      for (const address of Object.keys(cells)) {
        expect({ sheet, address, value: values[sheet]?.[address] }).toEqual({ sheet, address, value: cached[sheet]?.[address] });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("gives no value under a formula the product did not write there", () => {
    const { specs } = newWorkbook(newWorkbookInput({ sample: true, force: false, asOf: day }, day));
    const formulas = formulasOf(specs);
    const summary = specs.find((s) => s.kind === "summary")!.sheetName;
    const [address] = Object.keys(formulas[summary]);
    const edited = { ...formulas, [summary]: { ...formulas[summary], [address]: "=1+1" } };
    const mark = specs.flatMap((s) => s.names).find((n) => n.name === SUMMARY_MARK)?.formula ?? null;
    const values = formulaValues(specs.map(specGrid), edited, { today: day, tables: specs.flatMap(tableListing), summaryMark: mark });
    expect(values[summary][address]).toBeUndefined();
    expect(Object.keys(values[summary]).length).toBe(Object.keys(formulas[summary]).length - 1);
  });
});
