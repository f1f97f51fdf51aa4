/**
 * Edits of a workbook ExcelJS loaded, for the commands that write a copy of their input (`review`,
 * `next-month`): the Excel tables it holds, a sheet spec added after a given sheet or in place of
 * one, formulas written into a column. The content is decided by the specs and formulas of the
 * core; this file only places it. rewriteWorkbook.ts does the load and write around these.
 */
import type ExcelJS from "exceljs";
import { parseRangeA1, type TableListing } from "../plan/model";
import type { FormulaWrite, SheetSpec } from "../plan/sheets";
import { fileFormula } from "./fileFormula";
import { calculatedColumnsOf, writeSheet, type CachedValues } from "./writeXlsx";
import type { CalculatedColumns } from "./calculatedColumns";

/** An Excel table as ExcelJS loaded it: its model is the table part's. */
export interface LoadedTable {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string }[];
}

/** The tables of a worksheet as ExcelJS keeps them after a load (its typings only know tables it made). */
export function loadedTables(ws: ExcelJS.Worksheet): LoadedTable[] {
  const tables = (ws as unknown as { tables?: Record<string, { model?: LoadedTable; table?: LoadedTable }> }).tables ?? {};
  return Object.values(tables)
    .map((t) => t.model ?? t.table)
    .filter((t): t is LoadedTable => t !== undefined && typeof t.tableRef === "string");
}

/** Every Excel table of the workbook, as the core lists them (name, sheet, headers, address). */
export function tableListings(workbook: ExcelJS.Workbook): TableListing[] {
  return workbook.worksheets.flatMap((ws) => loadedTables(ws).map((t) => ({ name: t.name, sheet: ws.name, headers: t.columns.map((c) => c.name), address: t.tableRef })));
}

/** Puts the sheet `name` right after `after` in the tab order (at the end when `after` is not there). */
export function placeSheet(workbook: ExcelJS.Workbook, name: string, after: string | null): void {
  const order = workbook.worksheets.filter((w) => w.name !== name);
  const moved = workbook.getWorksheet(name);
  if (!moved) return;
  const at = after === null ? -1 : order.findIndex((w) => w.name === after);
  order.splice(at < 0 ? order.length : at + 1, 0, moved);
  // ExcelJS writes sheets in the order of orderNo, which its typings do not list.
  order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i + 1));
}

/**
 * Adds a spec's sheet after `after` in the tab order; returns the calculated columns of its tables
 * (for rewriteWorkbook) and the charts a file written by ExcelJS cannot hold.
 */
export function addSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec, after: string | null, cached: CachedValues = {}): { columns: CalculatedColumns; skippedCharts: string[] } {
  if (workbook.getWorksheet(spec.sheetName)) throw new Error(`The workbook already has a sheet '${spec.sheetName}'`);
  const skippedCharts = writeSheet(workbook, spec, cached[spec.sheetName]);
  placeSheet(workbook, spec.sheetName, after);
  return { columns: calculatedColumnsOf([spec]), skippedCharts };
}

/** Replaces the sheet of the spec's name by the spec, at the same place in the tab order. */
export function replaceSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec, cached: CachedValues = {}): { columns: CalculatedColumns; skippedCharts: string[] } {
  const order = workbook.worksheets.map((w) => w.name);
  const at = order.indexOf(spec.sheetName);
  const old = workbook.getWorksheet(spec.sheetName);
  if (old) workbook.removeWorksheet(old.id);
  return addSheetSpec(workbook, spec, at > 0 ? order[at - 1] : null, cached);
}

/**
 * Writes formula columns (the JBP's action counts) into their cells, without cached values: the
 * workbook recalculates on open. Returns the columns' calculated column formulas by table, so that
 * Excel's column formula agrees with its cells (the first data row's formula, as Excel keeps it).
 */
export function writeFormulaColumns(workbook: ExcelJS.Workbook, writes: readonly FormulaWrite[]): CalculatedColumns {
  const out: CalculatedColumns = {};
  for (const w of writes) {
    const ws = workbook.getWorksheet(w.sheetName);
    const r = parseRangeA1(w.address);
    if (!ws || !r) throw new Error(`Cannot write formulas at '${w.sheetName}'!${w.address}`);
    w.formulas.forEach(([f], i) => (ws.getCell(r.row + i + 1, r.col + 1).value = { formula: fileFormula(f) } as ExcelJS.CellFormulaValue));
    for (const t of loadedTables(ws)) {
      const ref = parseRangeA1(t.tableRef);
      if (!ref || r.col < ref.col || r.col > ref.lastCol || r.row !== ref.row + 1) continue;
      const header = t.columns[r.col - ref.col]?.name;
      if (header !== undefined && w.formulas[0]) (out[t.name] ??= {})[header] = fileFormula(w.formulas[0][0]);
    }
  }
  return out;
}
