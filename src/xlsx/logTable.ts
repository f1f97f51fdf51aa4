/**
 * A log table (the Review Log) edited in a workbook ExcelJS loaded: some data rows go, rows are
 * appended after the last row in use, and the Excel table grows to hold them. Rows below a removed
 * one move up within the table's columns only (as Excel's "delete table rows" does), keeping their
 * cells' values and formats; nothing outside the table's columns moves. Text is written as text
 * (ExcelJS writes a string as a shared string, never a formula, whatever its first character).
 */
import type ExcelJS from "exceljs";
import { type CellValue, firstDataRow, parseRangeA1, rangeA1, type TablePosition } from "../plan/model";
import { loadedTables } from "./sheetEdits";

export interface LogTableEdit {
  /** The table as read by header (sheet, header row, columns by key). */
  position: TablePosition;
  /** 0-based sheet rows of data rows that go. */
  remove: ReadonlySet<number>;
  /** Rows to append, by column key (keys the table lacks are left out). */
  append: Record<string, CellValue>[];
  /** Number format by column key for appended cells (a date column's, a percentage's). */
  formats: Record<string, string>;
}

/** Why a log table cannot take its rows, in one sentence. */
export class LogTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LogTableError";
  }
}

interface Snapshot {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

const isBlankValue = (v: ExcelJS.CellValue): boolean => v === null || v === undefined || v === "";

/** The table's data rows and columns (0-based), from the Excel table the header row heads, else as read. */
function extent(ws: ExcelJS.Worksheet, p: TablePosition): { first: number; last: number; col: number; lastCol: number; table: ReturnType<typeof loadedTables>[number] | null } {
  const cols = Object.values(p.columns);
  for (const t of loadedTables(ws)) {
    const r = parseRangeA1(t.tableRef);
    if (!r || r.row !== p.headerRow || cols.some((c) => c < r.col || c > r.lastCol)) continue;
    const totals = (t as { totalsRow?: boolean }).totalsRow ? 1 : 0;
    return { first: r.row + 1, last: r.lastRow - totals, col: r.col, lastCol: r.lastCol, table: t };
  }
  return { first: firstDataRow(p), last: p.lastRow, col: Math.min(...cols), lastCol: Math.max(...cols), table: null };
}

/** Applies the edit; returns the 0-based sheet rows the appended rows landed on. */
export function editLogTable(ws: ExcelJS.Worksheet, edit: LogTableEdit): { firstAppended: number; lastRow: number } {
  const { first, last, col, lastCol, table } = extent(ws, edit.position);
  if (table && (table as { totalsRow?: boolean }).totalsRow) {
    throw new LogTableError(`The table ${table.name} on '${ws.name}' has a totals row: remove it (Table Design > Total Row) so that rows can be added`);
  }
  const cellAt = (row: number, c: number): ExcelJS.Cell => ws.getCell(row + 1, c + 1);
  const rowBlank = (row: number): boolean => {
    for (let c = col; c <= lastCol; c++) if (!isBlankValue(cellAt(row, c).value)) return false;
    return true;
  };
  // The rows that stay, in order, up to the last one in use.
  const kept: number[] = [];
  for (let row = first; row <= last; row++) if (!edit.remove.has(row)) kept.push(row);
  while (kept.length > 0 && rowBlank(kept[kept.length - 1])) kept.pop();
  // Rows before the first change stay where they are; from there on every row is written.
  let from = 0;
  while (from < kept.length && kept[from] === first + from) from++;
  const moved: Snapshot[][] = kept.slice(from).map((row) => {
    const cells: Snapshot[] = [];
    for (let c = col; c <= lastCol; c++) {
      const cell = cellAt(row, c);
      cells.push({ value: cell.value, style: { ...cell.style } });
    }
    return cells;
  });
  const end = first + kept.length + edit.append.length - 1;
  // The table grows over blank cells only: what stands below it is never overwritten.
  for (let row = last + 1; row <= end; row++) {
    for (let c = col; c <= lastCol; c++) {
      if (!isBlankValue(cellAt(row, c).value)) {
        throw new LogTableError(`The Review Log cannot grow: cell ${rangeA1(row, c, row, c)} of '${ws.name}', below its table, is not empty. Move what is there, then run again`);
      }
    }
  }
  let row = first + from;
  for (const cells of moved) {
    cells.forEach((s, j) => {
      const cell = cellAt(row, col + j);
      cell.value = s.value;
      cell.style = s.style;
    });
    row++;
  }
  const firstAppended = row;
  for (const values of edit.append) {
    for (let c = col; c <= lastCol; c++) cellAt(row, c).value = null;
    for (const [key, c] of Object.entries(edit.position.columns)) {
      const cell = cellAt(row, c);
      const v = values[key];
      cell.value = v === undefined || v === null ? null : typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      const format = edit.formats[key];
      if (format) cell.numFmt = format;
    }
    row++;
  }
  // Rows the moves emptied, down to the table's old end, are cleared (their formats stay).
  for (; row <= last; row++) for (let c = col; c <= lastCol; c++) cellAt(row, c).value = null;
  const lastRow = Math.max(last, end);
  if (table && lastRow !== last) {
    table.tableRef = rangeA1(first - 1, col, lastRow, lastCol);
    if (table.autoFilterRef) table.autoFilterRef = table.tableRef;
  }
  return { firstAppended, lastRow };
}
