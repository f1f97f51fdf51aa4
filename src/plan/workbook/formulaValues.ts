/**
 * What the product's formulas compute, worked out by the engine for a workbook as it stands: every
 * formula cell of the JAP and JBP tables (each column's tree, rag/ragFormula.ts columnTrees: the
 * trees the formulas are compiled from) and every formula cell of the RAG Summary (summaryValues, the
 * engine's side of the summary's formulas). For a place that evaluates no formulas, such as the
 * preview page's simulated workbook. The LibreOffice tests hold the trees and the formulas equal.
 *
 * A value is given only where the cell holds the formula the product writes there (a summary cell
 * whose formula a user replaced gets none), so nothing shows a value its own formula would not give.
 */
import type { EvalEnv } from "../expr";
import { type CellValue, currentPlan, gridTableOf, jbpHeaderValues, inExcelTable, type SheetGrid, type TableListing, type TablePosition } from "../model";
import { JAP_ALIAS, settingsNameValues, tableFormulaValues, type TableRow } from "../rag";
import { planTrend, readReviewLog } from "../cycle";
import { checkWorkbook } from "../rules";
import { buildSummaryLayout, summaryInput, summarySheetName, summaryValues } from "../summary";

/** Formulas by sheet and A1 address ("=…"). */
export type WorkbookFormulas = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface FormulaValuesOptions {
  today: number;
  /** The workbook's Excel tables (the summary counts over them by structured reference). */
  tables?: readonly TableListing[];
  /** What the summary's mark (JP_SummarySheet) refers to, when the workbook defines it. */
  summaryMark?: string | null;
}

function cellOf(grid: SheetGrid, row: number, col: number): CellValue {
  const origin = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - origin.row]?.[col - origin.col] ?? null;
}

/** The engine's value of each formula cell, by sheet and A1 address. */
export function formulaValues(grids: readonly SheetGrid[], formulas: WorkbookFormulas, options: FormulaValuesOptions): Record<string, Record<string, CellValue>> {
  // The reader takes an Excel table's whole range as the plan (blank template rows included).
  const withTables = grids.map((g) => {
    if (g.tables !== undefined) return g;
    const tables = (options.tables ?? []).filter((t) => t.sheet === g.name).flatMap((t) => gridTableOf(t) ?? []);
    return tables.length > 0 ? { ...g, tables } : g;
  });
  const { plan, asOf } = checkWorkbook(withTables, { today: options.today });
  const names = settingsNameValues(plan.settings, asOf);
  const out: Record<string, Record<string, CellValue>> = {};
  const gridOf = new Map(withTables.map((g) => [g.name, g]));

  /** A table's rows with its formula columns computed; a value kept where the cell holds a formula. */
  const fill = (kind: "jap" | "jbp", read: TablePosition, env: Omit<EvalEnv, "row">): TableRow[] => {
    // Down to the end of the Excel table it stands in: its blank template rows hold formulas too.
    const t = inExcelTable(read, options.tables ?? []);
    const grid = gridOf.get(t.sheet);
    if (!grid) return [];
    const sheetFormulas = formulas[t.sheet] ?? {};
    return tableFormulaValues(kind, t, (row, col) => cellOf(grid, row, col), env, (address, v) => {
      if (sheetFormulas[address] !== undefined) (out[t.sheet] ??= {})[address] = v;
    });
  };

  // JAPs first: the JBP's action counts read the current JAPs' RAG columns.
  const current = new Set(currentPlan(plan).japs);
  const currentRows: TableRow[] = [];
  for (const jap of plan.japs) {
    const rows = fill("jap", jap.position, { names });
    if (current.has(jap)) currentRows.push(...rows);
  }
  for (const jbp of plan.jbps) fill("jbp", jbp.position, { names, tables: { [JAP_ALIAS]: currentRows }, header: jbpHeaderValues(jbp) });

  // The RAG Summary, built over the plan as the add-in's Build summary would build it now.
  const summary = summarySheetName(
    grids.map((g) => ({ name: g.name, cell: (a) => cellOf(g, Number(a.slice(1)) - 1, 0) })),
    options.summaryMark ?? null,
  );
  if (summary !== null && plan.japs.length > 0) {
    const counted = currentPlan(plan);
    const log = readReviewLog(withTables);
    const layout = buildSummaryLayout(summaryInput(counted, summary, options.tables ?? [], { reviewLog: log.position }));
    const values = summaryValues(counted, asOf, layout, planTrend(log.rows));
    const written = formulas[summary] ?? {};
    for (const cell of layout.cells) {
      const v = values.get(cell.address);
      if (cell.formula === undefined || v === undefined || written[cell.address] !== cell.formula) continue;
      (out[summary] ??= {})[cell.address] = v;
    }
  }
  return out;
}
