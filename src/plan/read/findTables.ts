/**
 * Finding tables by their header rows, wherever they stand on a sheet. A row is a header row of a
 * layout when it holds the headers of the layout's signature (case, spaces and line breaks
 * ignored; aliases count; one may be missing when at least four of the layout's headers are there). Columns are then mapped by header, so moved, inserted or re-cased
 * columns still read correctly.
 */
import { type CellValue, isBlank, type PlanTable, type SheetGrid, toCellValue } from "../model";
import type { ColumnLayout, TableLayout } from "../layouts";

/** Header and label text as compared: no case, no whitespace, no trailing ":" or "*". */
export function headerKey(text: string): string {
  const lower = text.toLowerCase();
  // Most text needs no clean-up; testing first spares two replacements per cell.
  return /[\s\u00a0:*]/.test(lower) ? lower.replace(/[\s\u00a0]+/g, "").replace(/[:*]+$/, "") : lower;
}

/** A cell of a grid by its index in `values`, always a CellValue (never throws on odd input). */
export function gridCell(grid: SheetGrid, r: number, c: number): CellValue {
  const row = Array.isArray(grid.values) ? grid.values[r] : undefined;
  return Array.isArray(row) ? toCellValue(row[c]) : null;
}

export function gridWidth(grid: SheetGrid, r: number): number {
  const row = Array.isArray(grid.values) ? grid.values[r] : undefined;
  return Array.isArray(row) ? row.length : 0;
}

export function origin(grid: SheetGrid): { row: number; col: number } {
  return grid.origin ?? { row: 0, col: 0 };
}

/** The reader's working record of one table found on a grid (the plan keeps its PlanTable part). */
export interface FoundTable extends PlanTable {
  layout: TableLayout;
  grid: SheetGrid;
  /** Index in grid.values of the header row. */
  headerIndex: number;
  /** Indices in grid.values of the data rows (blank rows left out). */
  rowIndices: number[];
  /** Column index in grid.values, by column key. */
  gridColumns: Record<string, number>;
  /** Required layout columns whose header was not found. */
  missing: ColumnLayout[];
}

const keyMaps = new WeakMap<TableLayout, Map<string, string>>();

/** Header text (and aliases) → column key, for one layout. */
export function columnKeyMap(layout: TableLayout): Map<string, string> {
  let map = keyMaps.get(layout);
  if (!map) {
    map = new Map();
    for (const column of layout.columns) {
      for (const text of [column.header, ...(column.aliases ?? [])]) {
        if (!map.has(headerKey(text))) map.set(headerKey(text), column.key);
      }
    }
    keyMaps.set(layout, map);
  }
  return map;
}

/** Every table of the given layouts on one sheet, top to bottom. */
export function findTables(grid: SheetGrid, layouts: readonly TableLayout[]): FoundTable[] {
  const height = Array.isArray(grid.values) ? grid.values.length : 0;
  const headers: { index: number; layout: TableLayout }[] = [];
  const index = headerIndex(layouts);
  const keys = new Map<string, string>();
  for (let r = 0; r < height; r++) {
    const layout = headerLayoutOf(grid, r, layouts, index, keys);
    if (layout) headers.push({ index: r, layout });
  }
  return headers.map((h, i) => mapTable(grid, h.layout, h.index, i + 1 < headers.length ? blockStart(grid, headers[i + 1].layout, headers[i + 1].index, h.index) : height));
}

/**
 * Where a table's data rows end (the index past its last one): an Excel table's range, without
 * its totals row, is the plan, blank rows inside it included; a plain range ends at its first row
 * blank across the header's columns, so footnotes and notes typed below it are not rows of it.
 */
function dataEnd(grid: SheetGrid, headerIndex: number, end: number, headerCols: number[]): number {
  const o = origin(grid);
  const from = Math.min(...headerCols);
  const to = Math.max(...headerCols);
  const headerRow = o.row + headerIndex;
  const table = (grid.tables ?? []).find((t) => t.headerRow === headerRow && o.col + from >= t.col && o.col + to <= t.lastCol);
  if (table) return Math.min(end, Math.max(headerIndex + 1, table.lastRow - o.row + 1));
  for (let r = headerIndex + 1; r < end; r++) if (rowBlankBetween(grid, r, from, to)) return r;
  return end;
}

/** True when every cell of grid row r from column `from` to `to` (grid indices) is blank. */
function rowBlankBetween(grid: SheetGrid, r: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) if (!isBlank(gridCell(grid, r, c))) return false;
  return true;
}

/**
 * Where the block above a table begins: walking up from its header row over blank rows, its title
 * and its labels. The table above ends there, so it does not swallow the next table's labels.
 */
function blockStart(grid: SheetGrid, layout: TableLayout, headerIndex: number, floor: number): number {
  const labels = new Set([layout.title, ...layout.headerBlock.map((f) => f.label)].map(headerKey));
  let start = headerIndex;
  for (let r = headerIndex - 1; r > floor; r--) {
    const first = firstText(grid, r);
    if (first !== null && !labels.has(headerKey(first))) break;
    if (first !== null) start = r;
  }
  return start;
}

/** The first non-blank cell of a row as text, or null for a blank row. */
function firstText(grid: SheetGrid, r: number): string | null {
  const width = gridWidth(grid, r);
  for (let c = 0; c < width; c++) {
    const v = gridCell(grid, r, c);
    if (!isBlank(v)) return typeof v === "string" ? v : String(typeof v === "object" ? v?.error : v);
  }
  return null;
}

/** Longer text is never a header: data rows are rejected without normalising their text. */
const MAX_HEADER_LENGTH = 60;

/** Normalised header text → the layouts it is a column of, for the layouts being looked for. */
function headerIndex(layouts: readonly TableLayout[]): Map<string, TableLayout[]> {
  const index = new Map<string, TableLayout[]>();
  for (const layout of layouts) {
    for (const text of columnKeyMap(layout).keys()) {
      const list = index.get(text);
      if (list) list.push(layout);
      else index.set(text, [layout]);
    }
  }
  return index;
}

/** The layout whose signature this row holds (the one with most headers matched), or null. */
function headerLayoutOf(grid: SheetGrid, r: number, layouts: readonly TableLayout[], index: Map<string, TableLayout[]>, keys: Map<string, string>): TableLayout | null {
  const width = gridWidth(grid, r);
  // Most rows are data: collect only cells that are some layout's header, without allocating otherwise.
  let texts: string[] | null = null;
  for (let c = 0; c < width; c++) {
    const v = grid.values[r][c];
    if (typeof v !== "string" || v.length > MAX_HEADER_LENGTH || v.length === 0) continue;
    // Data repeats (owners, statuses, units): normalise each distinct text once.
    let key = keys.get(v);
    if (key === undefined) {
      key = headerKey(v);
      keys.set(v, key);
    }
    if (index.has(key)) (texts ??= []).push(key);
  }
  if (texts === null || texts.length < 2) return null;
  let best: TableLayout | null = null;
  let bestCount = 0;
  for (const layout of layouts) {
    const map = columnKeyMap(layout);
    const keys = new Set<string>();
    for (const t of texts) {
      const key = map.get(t);
      if (key) keys.add(key);
    }
    // The whole signature, or all of it but one when four or more headers match, or but two when
    // half of a wide layout's headers (eight or more) match: a table that lost required columns is
    // still found, and its missing columns reported, instead of passing as no table at all.
    const missing = layout.signature.filter((k) => !keys.has(k)).length;
    const found = missing === 0 || (missing === 1 && keys.size >= 4) || (missing === 2 && keys.size >= 8 && keys.size * 2 >= layout.columns.length);
    if (found && keys.size > bestCount) {
      best = layout;
      bestCount = keys.size;
    }
  }
  return best;
}

function mapTable(grid: SheetGrid, layout: TableLayout, headerIndex: number, endIndex: number): FoundTable {
  const map = columnKeyMap(layout);
  const o = origin(grid);
  const gridColumns: Record<string, number> = {};
  const columns: Record<string, number> = {};
  const extraHeaders: string[] = [];
  const width = gridWidth(grid, headerIndex);
  // Grid columns of the header row's non-blank cells: the table's extent across the sheet.
  const headerCols: number[] = [];
  for (let c = 0; c < width; c++) {
    const v = gridCell(grid, headerIndex, c);
    if (isBlank(v)) continue;
    headerCols.push(c);
    const key = typeof v === "string" ? map.get(headerKey(v)) : undefined;
    if (key !== undefined && gridColumns[key] === undefined) {
      gridColumns[key] = c;
      columns[key] = o.col + c;
    } else {
      extraHeaders.push(typeof v === "string" ? v : String(typeof v === "object" ? v?.error : v));
    }
  }
  // Rows count when a person typed something: formula and add-in columns (RAG, Issues) do not.
  const userColumns = layout.columns.filter((c) => c.owner === "user" && gridColumns[c.key] !== undefined).map((c) => gridColumns[c.key]);
  const rowIndices: number[] = [];
  const end = headerCols.length > 0 ? dataEnd(grid, headerIndex, endIndex, headerCols) : endIndex;
  for (let r = headerIndex + 1; r < end; r++) {
    if (userColumns.some((c) => !isBlank(gridCell(grid, r, c)))) rowIndices.push(r);
  }
  const lastIndex = rowIndices.length > 0 ? rowIndices[rowIndices.length - 1] : headerIndex;
  return {
    layout,
    grid,
    headerIndex,
    rowIndices,
    gridColumns,
    missing: layout.columns.filter((c) => c.required && gridColumns[c.key] === undefined),
    position: { sheet: grid.name, headerRow: o.row + headerIndex, lastRow: o.row + lastIndex, columns },
    extraHeaders,
  };
}
