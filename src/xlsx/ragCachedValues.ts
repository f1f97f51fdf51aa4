/**
 * Cached values for every formula cell of the plan tables `jointplan new` writes (the JAP's RAG and
 * helper columns, the JBP's KPI, action-count and RAG columns), from the engine: each column's
 * tree (rag/ragFormula.ts columnTrees, the trees its formula is compiled from) evaluated for each
 * row by the engine's evaluator, the columns in the order a sheet computes them. The trees and the
 * formulas are held equal by the property tests and the LibreOffice tests, so a file opened in
 * Protected View or a previewer shows what Excel will compute. The RAG Summary's cells are the
 * summary's to fill; they carry no cached value here.
 */
import { evaluate, type EvalEnv } from "../plan/expr";
import { cellA1, type CellValue, firstDataRow, type SheetGrid, type TablePosition } from "../plan/model";
import { columnTrees, JAP_ALIAS, settingsNameValues } from "../plan/rag";
import { checkWorkbook } from "../plan/rules";
import type { SheetSpec } from "../plan/sheets";
import { specGrid } from "../plan/sheets";
import type { CachedValues } from "./writeXlsx";

type Row = Record<string, CellValue>;

/** The table's data rows as the formulas read them: each cell by column key. */
function tableRows(grid: SheetGrid, t: TablePosition): { row: number; cells: Row }[] {
  const out: { row: number; cells: Row }[] = [];
  for (let row = firstDataRow(t); row <= t.lastRow; row++) {
    const cells: Row = {};
    for (const [key, col] of Object.entries(t.columns)) cells[key] = grid.values[row]?.[col] ?? null;
    out.push({ row, cells });
  }
  return out;
}

/** Each formula column of the table evaluated for each row, into `out` and into the rows themselves. */
function fillTable(kind: "jap" | "jbp", t: TablePosition, rows: { row: number; cells: Row }[], env: Omit<EvalEnv, "row">, out: Record<string, CellValue>): void {
  const trees = columnTrees(kind, new Set(Object.keys(t.columns)));
  for (const r of rows) {
    const e: EvalEnv = { ...env, row: r.cells };
    for (const { key, tree } of trees) {
      const v = evaluate(tree, e);
      r.cells[key] = v;
      out[cellA1(r.row, t.columns[key])] = v;
    }
  }
}

/**
 * `context`: the grids of the workbook the specs are added to (its Settings judge the new sheets'
 * rows as the workbook will).
 */
export function ragCachedValues(specs: readonly SheetSpec[], today: number, context: readonly SheetGrid[] = []): CachedValues {
  const grids = specs.map(specGrid);
  // The settings and as-of date the formulas read (JP_ names), as the reader finds them.
  const { asOf, plan } = checkWorkbook([...context, ...grids], { today });
  const names = settingsNameValues(plan.settings, asOf);
  const out: CachedValues = {};
  const japRows: Row[] = [];
  // JAPs first: the JBP's action counts read their RAG column.
  for (const kind of ["jap", "jbp"] as const) {
    specs.forEach((spec, i) => {
      const t = spec.tables[0]?.position;
      if (spec.kind !== kind || !t) return;
      const rows = tableRows(grids[i], t);
      fillTable(kind, t, rows, { names, tables: { [JAP_ALIAS]: japRows } }, (out[spec.sheetName] ??= {}));
      if (kind === "jap") japRows.push(...rows.map((r) => r.cells));
    });
  }
  return out;
}
