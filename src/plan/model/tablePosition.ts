/**
 * Where a table stands on its sheet: the one type for it, with every conversion to and from it.
 * A table read by header, a sheet spec's table, an Excel table read by its address and the tables
 * a formula counts over are all a TablePosition; an Excel address ("'JAP 2026-03'!$A$7:$W$27")
 * becomes one here, through parseRangeA1, and no caller strips "Sheet!" or "$" by hand.
 */
import { parseRangeA1, rangeA1 } from "./a1";
import type { GridTable } from "./schemas";

export interface TablePosition {
  /** The sheet the table stands on. */
  sheet: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** 0-based sheet row of the last data row (headerRow when the table has no data row). */
  lastRow: number;
  /** 0-based sheet columns by layout column key (a column no layout knows is left out). */
  columns: Record<string, number>;
  /**
   * The Excel table the position is, when known: formulas that count over the table name its columns
   * by structured reference (`JP_Actions[RAG]`), which grows with the table (expr's columnRef).
   */
  excelTable?: ExcelTableRef;
}

/** An Excel table's name and its header texts by layout column key (what a structured reference names). */
export interface ExcelTableRef {
  name: string;
  headers: Record<string, string>;
}

/**
 * An Excel table as the workbook lists it: its name, sheet and header texts (what Office.js gives
 * without a position), and its address (header row included) where its range was read. Not a
 * position: `positionFromAddress`, `excelTableOf` and `inExcelTable` make one of it.
 */
export interface TableListing {
  name: string;
  sheet: string;
  headers: string[];
  /** "'JAP 2026-03'!$A$7:$W$27", as Office.js gives `Range.address`. */
  address?: string;
  /** The table shows a totals row (Table Design > Total Row): the address's last row is that row, not data. */
  showTotals?: boolean;
}

/** Where a listed table stands, as the reader takes it (its totals row left out); null without a range address. */
export function gridTableOf(table: TableListing): GridTable | null {
  const r = table.address === undefined ? null : parseRangeA1(table.address);
  if (!r) return null;
  return { headerRow: r.row, lastRow: Math.max(r.row, r.lastRow - (table.showTotals ? 1 : 0)), col: r.col, lastCol: r.lastCol };
}

/** 0-based sheet row of the first data row. */
export const firstDataRow = (t: TablePosition): number => t.headerRow + 1;

/**
 * A table's position from its Excel address, header row included ("'JAP 2026-03'!$A$7:$W$27",
 * "A7:W27"), and the layout key of each of its columns in order (undefined for a column no layout
 * knows; the first of two columns with one key wins). Null when the address is not a range.
 */
export function positionFromAddress(sheet: string, address: string, keys: readonly (string | undefined)[]): TablePosition | null {
  const r = parseRangeA1(address);
  if (!r) return null;
  const columns: Record<string, number> = {};
  keys.forEach((key, i) => {
    if (key !== undefined && columns[key] === undefined) columns[key] = r.col + i;
  });
  return { sheet, headerRow: r.row, lastRow: r.lastRow, columns };
}

/** The Excel table a table read by header stands in: same sheet and header row, its columns inside. */
export function excelTableOf<T extends TableListing>(t: TablePosition, tables: readonly T[]): T | undefined {
  const cols = Object.values(t.columns);
  return tables.find((table) => {
    if (table.sheet !== t.sheet || table.address === undefined) return false;
    const r = parseRangeA1(table.address);
    return r !== null && r.row === t.headerRow && cols.every((c) => c >= r.col && c <= r.lastCol);
  });
}

/**
 * A table read by header as far as the Excel table it stands in goes: down to that table's last
 * data row, blank rows at its end included (a new template's), its totals row left out. As read
 * when it is in none.
 */
export function inExcelTable(t: TablePosition, tables: readonly TableListing[]): TablePosition {
  const table = excelTableOf(t, tables);
  const extent = table ? gridTableOf(table) : null;
  return extent ? { ...t, lastRow: extent.lastRow } : t;
}

/**
 * The table with `spare` more rows below its last one (at least one data row first), for
 * formulas that must also count rows typed later without a rebuild.
 */
export function withSpareRows(t: TablePosition, spare: number): TablePosition {
  return { ...t, lastRow: Math.max(t.lastRow, firstDataRow(t)) + spare };
}

/** The A1 range of the table, header row included, across its columns ("A7:W27", no sheet). */
export function tableRange(t: TablePosition): string {
  const cols = Object.values(t.columns);
  if (cols.length === 0) throw new Error(`The table on '${t.sheet}' has no columns`);
  return rangeA1(t.headerRow, Math.min(...cols), t.lastRow, Math.max(...cols));
}

/**
 * The position as the Excel table it stands in (by the workbook's listing): down to the table's last
 * row, with the table's name and header texts, so formulas can name its columns by structured
 * reference. As given when it stands in none.
 */
export function withExcelTable(t: TablePosition, tables: readonly TableListing[]): TablePosition {
  const listing = excelTableOf(t, tables);
  const range = listing?.address === undefined ? null : parseRangeA1(listing.address);
  if (!listing || !range) return t;
  const headers: Record<string, string> = {};
  for (const [key, col] of Object.entries(t.columns)) {
    const text = listing.headers[col - range.col];
    if (typeof text === "string" && text !== "") headers[key] = text;
  }
  return { ...t, lastRow: range.lastRow, excelTable: { name: listing.name, headers } };
}
