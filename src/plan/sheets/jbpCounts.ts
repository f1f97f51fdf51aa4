/**
 * The JBP's action-count columns (Red / Amber / Green actions) over the workbook's JAP tables, for a
 * JBP that already stands on a sheet. The engine rolls up every JAP table's actions whose "JBP
 * objective" is the objective's ID, so the formulas must count over every JAP table there is now:
 * a JAP inserted later, added, removed (#REF!) or grown since the JBP was written leaves them stale.
 * These columns are the add-in's (owner "formula"), so rewriting them never touches user text.
 */
import { firstDataRow, type PlanWorkbook, rangeA1, type TableListing, type TablePosition, withExcelTable } from "../model";
import { renderTemplate } from "../expr";
import { objectiveCountFormulas } from "../rag";

/** The JBP columns whose formulas depend on where the JAP tables are. */
export const JBP_COUNT_KEYS = ["actionsRed", "actionsAmber", "actionsGreen"] as const;
export type JbpCountKey = (typeof JBP_COUNT_KEYS)[number];

/** Formulas for one column of a JBP's data rows: `address` (A1, no sheet) on `sheetName`. */
export interface FormulaWrite {
  sheetName: string;
  key: JbpCountKey;
  address: string;
  /** One row per data row, one column. */
  formulas: string[][];
}

/** A JAP table can be counted when it has both the columns the count reads. */
export const countableJap = (t: TablePosition): boolean => t.columns.rag !== undefined && t.columns.objectiveId !== undefined;

/**
 * Every count cell of a JBP table, rendered over these JAP tables (columns the JBP lacks are left
 * out; a JBP without an ID column gets nothing, as there is nothing to count by).
 */
export function jbpCountWrites(jbp: TablePosition, japTables: TablePosition[]): FormulaWrite[] {
  const first = firstDataRow(jbp);
  if (jbp.columns.id === undefined || jbp.lastRow < first) return [];
  const templates = objectiveCountFormulas(japTables.filter(countableJap));
  const out: FormulaWrite[] = [];
  for (const key of JBP_COUNT_KEYS) {
    const col = jbp.columns[key];
    if (col === undefined) continue;
    const formulas: string[][] = [];
    for (let row = first; row <= jbp.lastRow; row++) formulas.push([renderTemplate(templates[key], { table: jbp, row })]);
    out.push({ sheetName: jbp.sheet, key, address: rangeA1(first, col, jbp.lastRow, col), formulas });
  }
  return out;
}

/**
 * What Check plan should rewrite: the count cells whose formulas (as Excel returns them through
 * `Range.formulas`, one per data row, by column key) differ from what the current JAP tables need,
 * in runs of adjacent rows. Nothing when they match, so a check of an up-to-date plan writes
 * nothing. A cell holding a constant someone typed is left as it is (never changed unasked); a
 * blank cell, or a column not read at all, is written.
 */
export function jbpFormulaRefresh(jbp: TablePosition, japTables: TablePosition[], current: Partial<Record<JbpCountKey, readonly unknown[]>>): FormulaWrite[] {
  const out: FormulaWrite[] = [];
  for (const w of jbpCountWrites(jbp, japTables)) {
    const now = current[w.key];
    const stale = w.formulas.map(([f], i) => {
      const cell = now?.[i];
      if (cell === undefined || cell === null || cell === "") return true;
      if (typeof cell !== "string" || !cell.startsWith("=")) return false;
      return normalFormula(f) !== normalFormula(cell);
    });
    const col = jbp.columns[w.key];
    for (let i = 0; i < stale.length; ) {
      if (!stale[i]) {
        i++;
        continue;
      }
      let end = i;
      while (end + 1 < stale.length && stale[end + 1]) end++;
      out.push({ ...w, address: rangeA1(firstDataRow(jbp) + i, col, firstDataRow(jbp) + end, col), formulas: w.formulas.slice(i, end + 1) });
      i = end + 1;
    }
  }
  return out;
}

/**
 * A formula as compared: Excel may drop the quotes of a sheet name that needs none and change the
 * case of references, so neither counts; string literals are kept as they are.
 */
export function normalFormula(formula: unknown): string {
  if (typeof formula !== "string") return String(formula ?? "");
  return formula.replace(/("(?:[^"]|"")*")|[^"]+/g, (part, literal: string | undefined) => (literal ? literal : part.replace(/'/g, "").toUpperCase()));
}

/**
 * Where a table read from a grid counts over: the Excel table whose header row it is, named by
 * structured reference so the counts follow it as it grows (blank template rows included, as insert
 * writes the counts), else the rows read; at least one.
 */
export function countedTable(p: TablePosition, tables: readonly TableListing[]): TablePosition {
  const t = withExcelTable(p, tables);
  return { ...t, lastRow: Math.max(t.lastRow, firstDataRow(t)) };
}

/**
 * Check plan's refresh over a whole plan: every JBP's count cells that differ from what all the
 * JAP tables need. `current(sheet)` gives a JBP's count-column formulas by key, as read.
 */
export function jbpFormulaRefreshAll(
  plan: Pick<PlanWorkbook, "jbps" | "japs">,
  tables: readonly TableListing[],
  current: (jbpSheet: string) => Partial<Record<JbpCountKey, readonly unknown[]>>,
): FormulaWrite[] {
  const japs = plan.japs.map((j) => countedTable(j.position, tables));
  return plan.jbps.flatMap((j) => jbpFormulaRefresh(countedTable(j.position, tables), japs, current(j.position.sheet)));
}
