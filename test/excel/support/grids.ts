/** The simulated workbook's sheets as the core reads them (values and Excel tables), for reading back what a command wrote. */
import { parseRangeA1, type SheetGrid } from "../../../src/plan/model";
import type { SimulatedExcel } from "../../sim";

export function simGrid(sim: SimulatedExcel, sheet: string): SheetGrid {
  const values: (string | number | boolean | null)[][] = [];
  for (const [address, cell] of Object.entries(sim.snapshot(sheet))) {
    const r = parseRangeA1(address)!;
    if (cell.value === "" || cell.value === null) continue;
    while (values.length <= r.row) values.push([]);
    values[r.row][r.col] = cell.value;
  }
  const width = Math.max(0, ...values.map((row) => row.length));
  const grid = values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  const tables = sim
    .tables()
    .filter((t) => t.sheet === sheet)
    .map((t) => parseRangeA1(t.address)!)
    .map((r) => ({ headerRow: r.row, lastRow: r.lastRow, col: r.col, lastCol: r.lastCol }));
  return { name: sheet, values: grid, tables };
}

export const simGrids = (sim: SimulatedExcel): SheetGrid[] => sim.sheets().map((s) => simGrid(sim, s.name));
