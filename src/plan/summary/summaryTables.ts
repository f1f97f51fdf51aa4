/**
 * The tables the RAG Summary counts over, and how its formulas name a column of one. An Excel table
 * is named by a structured reference (`JP_Actions[RAG]`, expr's columnRef): it covers the table's
 * data rows however far the table grows, and Excel, LibreOffice and our writers all keep it right
 * when rows are added or the sheet is renamed. A plan range that is no Excel table (read by its
 * headers only) falls back to an absolute range with spare rows below it.
 */
import { type TableListing, type TablePosition, withExcelTable, withSpareRows } from "../model";
import { columnRef } from "../expr";

/** A plan table as the summary reads it: where it stands, and the Excel table it is, when it is one. */
export type SummaryTable = TablePosition;

/** Rows below a range that is no Excel table that the formulas also cover, so rows typed there count. */
export const SUMMARY_SPARE_ROWS = 500;

/** The position with the Excel table it stands in (by the workbook's listing), when there is one. */
export const summaryTableOf = (position: TablePosition, tables: readonly TableListing[]): SummaryTable => withExcelTable(position, tables);

/** The formula text for a column's data cells: `JP_Actions[RAG]`, else `'JAP'!$T$8:$T$527`. */
export function tableColumn(t: SummaryTable, key: string): string {
  if (t.excelTable?.headers[key] !== undefined) return columnRef(t, key);
  return columnRef(withSpareRows({ ...t, excelTable: undefined }, SUMMARY_SPARE_ROWS), key);
}

/** How many data rows a formula may index in: the Excel table's rows, or the range with its spare rows. */
export function indexableRows(t: SummaryTable): number {
  const last = t.excelTable ? Math.max(t.lastRow, t.headerRow + 1) : withSpareRows(t, SUMMARY_SPARE_ROWS).lastRow;
  return last - t.headerRow;
}
