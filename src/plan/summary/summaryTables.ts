/**
 * The tables the RAG Summary counts over, and how its formulas name a column of one. An Excel table
 * is named by a structured reference (`JP_Actions[RAG]`): it covers the table's data rows however
 * far the table grows, and Excel, LibreOffice and our writers all keep it right when rows are added
 * or the sheet is renamed. A plan range that is no Excel table (read by its headers only) falls back
 * to an absolute range with spare rows below it.
 */
import { excelTableOf, parseRangeA1, type TableListing, type TablePosition, withSpareRows } from "../model";
import { columnRef } from "../expr";

/** A plan table as the summary reads it: where it stands, and the Excel table it is, when it is one. */
export interface SummaryTable extends TablePosition {
  excelTable?: {
    name: string;
    /** Header text by layout column key (what a structured reference names). */
    headers: Record<string, string>;
  };
}

/** Rows below a range that is no Excel table that the formulas also cover, so rows typed there count. */
export const SUMMARY_SPARE_ROWS = 500;

/** The position with the Excel table it stands in (by the workbook's listing), when there is one. */
export function summaryTableOf(position: TablePosition, tables: readonly TableListing[]): SummaryTable {
  const listing = excelTableOf(position, tables);
  const range = listing?.address === undefined ? null : parseRangeA1(listing.address);
  if (!listing || !range) return { ...position };
  const headers: Record<string, string> = {};
  for (const [key, col] of Object.entries(position.columns)) {
    const text = listing.headers[col - range.col];
    if (typeof text === "string" && text !== "") headers[key] = text;
  }
  return { ...position, lastRow: range.lastRow, excelTable: { name: listing.name, headers } };
}

/** A header as a structured reference's column specifier escapes it: ' before [ ] # and '. */
const escapeHeader = (header: string): string => header.replace(/['[\]#]/g, (c) => `'${c}`);

/** The formula text for a column's data cells: `JP_Actions[RAG]`, else `'JAP'!$T$8:$T$527`. */
export function tableColumn(t: SummaryTable, key: string): string {
  const header = t.excelTable?.headers[key];
  if (t.excelTable && header !== undefined) return `${t.excelTable.name}[${escapeHeader(header)}]`;
  return columnRef(withSpareRows(t, SUMMARY_SPARE_ROWS), key);
}

/** How many data rows a formula may index in: the Excel table's rows, or the range with its spare rows. */
export function indexableRows(t: SummaryTable): number {
  const last = t.excelTable ? Math.max(t.lastRow, t.headerRow + 1) : withSpareRows(t, SUMMARY_SPARE_ROWS).lastRow;
  return last - t.headerRow;
}
