/**
 * What a plan table's formula columns compute, row by row: each column's tree (ragFormula.ts
 * columnTrees, the trees its formulas are compiled from) evaluated by the engine, the columns in the
 * order a sheet computes them (helpers first). For cached values in files and for places that
 * evaluate no formulas (the preview).
 */
import { evaluate, type EvalEnv } from "../expr";
import { cellA1, type CellValue, firstDataRow, type TablePosition } from "../model";
import { columnTrees } from "./ragFormula";

export type TableRow = Record<string, CellValue>;

/**
 * Every data row of `table` with its formula columns computed; `put` receives each formula cell's
 * value by A1 address. `cellAt` gives a sheet cell (0-based row and column).
 */
export function tableFormulaValues(
  kind: "jap" | "jbp",
  table: TablePosition,
  cellAt: (row: number, col: number) => CellValue,
  env: Omit<EvalEnv, "row">,
  put: (address: string, value: CellValue) => void,
): TableRow[] {
  const trees = columnTrees(kind, new Set(Object.keys(table.columns)));
  const rows: TableRow[] = [];
  for (let row = firstDataRow(table); row <= table.lastRow; row++) {
    const cells: TableRow = {};
    for (const [key, col] of Object.entries(table.columns)) cells[key] = cellAt(row, col);
    for (const { key, tree } of trees) {
      const v = evaluate(tree, { ...env, row: cells });
      cells[key] = v;
      put(cellA1(row, table.columns[key]), v);
    }
    rows.push(cells);
  }
  return rows;
}
