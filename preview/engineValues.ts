/**
 * The values of the simulated workbook's formula cells, as the JointPlan engine computes them: the
 * sim calculates no formulas, so without this the preview would show a blank RAG column and an
 * empty RAG Summary. The same values `jointplan new` writes into its files as cached values
 * (src/plan/workbook/formulaValues.ts), recomputed from the cells as they stand.
 */
import type { SimulatedExcel } from "../test/sim";
import { type CellValue, parseCellA1, type SheetGrid, type TableListing, todaySerial } from "../src/plan/model";
import { SUMMARY_MARK } from "../src/plan/summary";
import { formulaValues } from "../src/plan/workbook";

export type EngineValues = Record<string, Record<string, CellValue>>;

export function engineValuesOf(sim: SimulatedExcel): EngineValues {
  const grids: SheetGrid[] = [];
  const formulas: Record<string, Record<string, string>> = {};
  for (const { name } of sim.sheets()) {
    const values: CellValue[][] = [];
    for (const [address, cell] of Object.entries(sim.snapshot(name))) {
      const at = parseCellA1(address);
      if (!at) continue;
      (values[at.row] ??= [])[at.col] = cell.formula ? null : cell.value === "" ? null : cell.value;
      if (cell.formula) (formulas[name] ??= {})[address] = cell.formula;
    }
    const width = values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
    grids.push({ name, values: Array.from({ length: values.length }, (_, r) => Array.from({ length: width }, (_, c) => values[r]?.[c] ?? null)), origin: { row: 0, col: 0 } });
  }
  const tables: TableListing[] = sim.tables().map((t) => ({ name: t.name, sheet: t.sheet, headers: t.columns, address: t.address }));
  const mark = sim.names().find((n) => n.name === SUMMARY_MARK)?.formula ?? null;
  try {
    return formulaValues(grids, formulas, { today: todaySerial(new Date()), tables, summaryMark: mark });
  } catch {
    // A workbook the engine cannot read as it stands (in the middle of an edit): nothing computed.
    return {};
  }
}
