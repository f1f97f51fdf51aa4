/**
 * Reads the whole workbook in two round trips: first the list of sheets, tables (with their
 * headers), names, notes and comments, and Excel's date format; then every sheet's used range (values and number formats),
 * where each note and comment sits, and the formulas of the JBP's action-count columns. The result
 * feeds the core's checkWorkbook as SheetGrid[]; nothing is written.
 */
import { type CellValue, type DateOrder, parseCellA1, positionFromAddress, type SheetGrid, splitSheetRef, type TableListing, type TablePosition, toCellValue } from "../plan/model";
import { columnKeyMap, headerKey } from "../plan/read";
import { JBP_COUNT_KEYS, type JbpCountKey } from "../plan/sheets";
import { JBP } from "../plan/layouts";
import { SUMMARY_MARK, summarySheetName } from "../plan/summary";
import { queueHostDateOrder } from "./locale";
import type { Capabilities } from "./requirements";

export interface SheetInfo {
  name: string;
  id: string;
  protected: boolean;
  visible: boolean;
}

export interface CellNote {
  sheet: string;
  /** A1 address without the sheet. */
  cell: string;
  content: string;
  note: Excel.Note;
}

/**
 * The action-count columns (Red / Amber / Green actions) of one Excel table that has them: where
 * the table stands (its count columns by key) and their `formulas` as Excel returns them, one per
 * data row, by column key.
 */
export interface JbpCountColumns {
  position: TablePosition;
  formulas: Partial<Record<JbpCountKey, unknown[]>>;
}

export interface WorkbookState {
  sheets: SheetInfo[];
  grids: SheetGrid[];
  /** Excel tables with their headers and full address (header row included), e.g. "'JAP 2026-03'!A7:W27". */
  tables: (TableListing & { address: string })[];
  /** Workbook-scoped names, as written. */
  names: string[];
  /** Every note (ExcelApi 1.18), user's and ours. Empty when notes are not supported. */
  notes: CellNote[];
  /** "Sheet!A1" of every cell with a threaded comment: no add-in note goes there. */
  commentCells: Set<string>;
  /** The count columns of every Excel table that has one (the formulas Check plan keeps current). */
  jbpCountFormulas: JbpCountColumns[];
  /** Excel's date order (its culture's short date pattern; DMY without ExcelApi 1.12), for a blank Settings Date order. */
  dateOrder: DateOrder;
  /** The formula of the RAG Summary's mark (the name JP_SummarySheet), null when the workbook has none. */
  summaryMark: string | null;
}

/** Note and comment locations read per request (each is about 250 bytes of request). */
export const LOCATIONS_PER_REQUEST = 10_000;

export const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;

/** "'JAP 2026-03'!C7" → { sheet, cell }. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const { sheet, local } = splitSheetRef(address);
  return { sheet: sheet ?? "", cell: local.split(":")[0].replace(/\$/g, "") };
}

/** Office.js values as the core takes them: read without valueTypes (see ValueType). */
const cellValue = (v: unknown): CellValue => toCellValue(v, "Untyped");

interface Phase1 {
  sheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  names: Excel.NamedItemCollection;
  notes: Excel.NoteCollection | null;
  comments: Excel.CommentCollection | null;
  dateOrder: () => DateOrder;
  summaryMark: Excel.NamedItem;
}

function queuePhase1(context: Excel.RequestContext, caps: Capabilities, withNotes: boolean): Phase1 {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name,items/columns/items/name");
  const names = context.workbook.names.load("items/name");
  const notes = withNotes && caps.notes ? context.workbook.notes.load("items/content") : null;
  const comments = withNotes && caps.comments ? context.workbook.comments.load("items/id") : null;
  const summaryMark = context.workbook.names.getItemOrNullObject(SUMMARY_MARK).load("formula");
  return { sheets, tables, names, notes, comments, dateOrder: queueHostDateOrder(context), summaryMark };
}

/**
 * Rows of each sheet read with the first request. A plan of a few thousand actions is read whole in
 * it; past that, the rest comes in slices of READ_CELLS_PER_REQUEST cells, one sync each, so no
 * response passes Excel on the web's 5 MB limit (values and formats take about 26 bytes a cell on our plans).
 */
export const HEAD_ROWS = 5_500;
export const READ_CELLS_PER_REQUEST = 120_000;

interface Tail {
  grid: SheetGrid;
  ws: Excel.Worksheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Reads the rows past HEAD_ROWS of the sheets that have them, in requests of bounded size. */
async function readTails(context: Excel.RequestContext, tails: Tail[]): Promise<void> {
  const slices: { tail: Tail; row: number; rows: number }[] = [];
  for (const tail of tails) {
    const per = Math.max(1, Math.floor(READ_CELLS_PER_REQUEST / tail.cols));
    for (let r = 0; r < tail.rows; r += per) slices.push({ tail, row: tail.row + r, rows: Math.min(per, tail.rows - r) });
  }
  let i = 0;
  while (i < slices.length) {
    let cells = 0;
    const batch: { slice: (typeof slices)[number]; range: Excel.Range }[] = [];
    while (i < slices.length && (batch.length === 0 || cells + slices[i].rows * slices[i].tail.cols <= READ_CELLS_PER_REQUEST)) {
      const slice = slices[i++];
      cells += slice.rows * slice.tail.cols;
      batch.push({ slice, range: slice.tail.ws.getRangeByIndexes(slice.row, slice.tail.col, slice.rows, slice.tail.cols).load("values,numberFormat") });
    }
    // Only for sheets longer than HEAD_ROWS rows: a size split, not a per-row round trip.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { slice, range } of batch) {
      for (const row of range.values) slice.tail.grid.values.push(row.map(cellValue));
      for (const row of range.numberFormat as string[][]) slice.tail.grid.numberFormats!.push(row);
    }
  }
}

/** Reads everything a check needs: two syncs up to HEAD_ROWS rows a sheet, more only past it. */
export async function readWorkbookState(context: Excel.RequestContext, caps: Capabilities, options: { notes: boolean } = { notes: true }): Promise<WorkbookState> {
  const p1 = queuePhase1(context, caps, options.notes);
  await context.sync();

  const sheets: SheetInfo[] = p1.sheets.items.map((ws) => ({
    name: ws.name,
    id: ws.id,
    protected: ws.protection.protected,
    visible: ws.visibility === "Visible",
  }));
  // Each sheet's used range, and its first HEAD_ROWS rows with values and formats.
  const used = p1.sheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const head = range.getIntersectionOrNullObject(range.getRow(0).getResizedRange(HEAD_ROWS - 1, 0)).load("values,numberFormat");
    return { range, head };
  });
  const tableRanges = p1.tables.items.map((t) => t.getRange().load("address"));
  const countRanges = queueCountFormulas(p1.tables);
  // Where each note and comment sits: one small operation each, so a workbook with more than
  // LOCATIONS_PER_REQUEST of them reads them over extra syncs rather than one oversized request.
  const located = [...(p1.notes?.items ?? []), ...(p1.comments?.items ?? [])];
  const locations: Excel.Range[] = [];
  for (let i = 0; i < located.length; i += LOCATIONS_PER_REQUEST) {
    // Only past LOCATIONS_PER_REQUEST notes and comments: a size split, not a per-row round trip.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    if (i > 0) await context.sync();
    for (const item of located.slice(i, i + LOCATIONS_PER_REQUEST)) locations.push(item.getLocation().load("address"));
  }
  await context.sync();
  const noteCount = p1.notes?.items.length ?? 0;
  const noteRanges = (p1.notes?.items ?? []).map((note, i) => ({ note, range: locations[i] }));
  const commentRanges = locations.slice(noteCount);

  const grids: SheetGrid[] = [];
  const tails: { grid: SheetGrid; ws: Excel.Worksheet; row: number; col: number; rows: number; cols: number }[] = [];
  used.forEach(({ range, head }, i) => {
    if (range.isNullObject || head.isNullObject) return;
    const grid: SheetGrid = {
      name: sheets[i].name,
      values: head.values.map((row) => row.map(cellValue)),
      numberFormats: head.numberFormat as string[][],
      origin: { row: range.rowIndex, col: range.columnIndex },
    };
    grids.push(grid);
    if (range.rowCount > HEAD_ROWS) {
      tails.push({ grid, ws: p1.sheets.items[i], row: range.rowIndex + HEAD_ROWS, col: range.columnIndex, rows: range.rowCount - HEAD_ROWS, cols: range.columnCount });
    }
  });
  await readTails(context, tails);

  const notes: CellNote[] = noteRanges.map(({ note, range }) => ({ ...splitAddress(range.address), content: note.content, note }));
  const commentCells = new Set(commentRanges.map((r) => {
    const { sheet, cell } = splitAddress(r.address);
    return cellKey(sheet, cell);
  }));
  return {
    sheets,
    grids,
    tables: p1.tables.items.map((t, i) => ({ name: t.name, sheet: t.worksheet.name, headers: t.columns.items.map((c) => c.name), address: tableRanges[i].address })),
    names: p1.names.items.map((n) => n.name),
    notes,
    commentCells,
    jbpCountFormulas: countColumns(p1.tables, tableRanges, countRanges),
    dateOrder: p1.dateOrder(),
    summaryMark: p1.summaryMark.isNullObject ? null : p1.summaryMark.formula,
  };
}

const COUNT_KEYS: ReadonlySet<string> = new Set(JBP_COUNT_KEYS);

/** The count column of a header, if it is one (as the reader maps headers: case and spaces ignored). */
function countKeyOf(header: string): JbpCountKey | undefined {
  const key = columnKeyMap(JBP).get(headerKey(header));
  return key !== undefined && COUNT_KEYS.has(key) ? (key as JbpCountKey) : undefined;
}

/**
 * Queues the load of the formulas of every count column (a JBP's few rows, three columns), by
 * table index. Through the loaded column objects, never getItem(header): a re-cased header must
 * not fail the whole read.
 */
function queueCountFormulas(tables: Excel.TableCollection): Map<number, { key: JbpCountKey; index: number; range: Excel.Range }[]> {
  const out = new Map<number, { key: JbpCountKey; index: number; range: Excel.Range }[]>();
  tables.items.forEach((t, ti) => {
    const seen = new Set<JbpCountKey>();
    t.columns.items.forEach((c, index) => {
      const key = countKeyOf(c.name);
      if (key === undefined || seen.has(key)) return;
      seen.add(key);
      const list = out.get(ti) ?? out.set(ti, []).get(ti)!;
      list.push({ key, index, range: c.getDataBodyRange().load("formulas") });
    });
  });
  return out;
}

function countColumns(tables: Excel.TableCollection, tableRanges: Excel.Range[], queued: Map<number, { key: JbpCountKey; index: number; range: Excel.Range }[]>): JbpCountColumns[] {
  const out: JbpCountColumns[] = [];
  for (const [ti, cols] of queued) {
    const keys: (JbpCountKey | undefined)[] = [];
    const formulas: JbpCountColumns["formulas"] = {};
    for (const { key, index, range } of cols) {
      keys[index] = key;
      formulas[key] = range.formulas.map((row) => row[0]);
    }
    const position = positionFromAddress(tables.items[ti].worksheet.name, tableRanges[ti].address, Array.from(keys));
    if (position) out.push({ position, formulas });
  }
  return out;
}

/** The add-in's own RAG Summary sheet, by its mark (summaryMark.ts), or null. */
export function summarySheet(state: WorkbookState): string | null {
  return summarySheetName(
    state.sheets.map((s) => ({ name: s.name, cell: (at) => gridValueAt(state.grids, s.name, at) })),
    state.summaryMark,
  );
}

/**
 * The grids the plan is read from: every sheet but the add-in's own RAG Summary (its overdue list
 * has ID, Action, Owner, Due and Status headers, so a reader by header would take it for a JAP).
 */
export function inputGrids(state: WorkbookState): SheetGrid[] {
  const summary = summarySheet(state);
  return state.grids.filter((g) => g.name !== summary);
}

/** Where a cell sits in a sheet's grid, or null when the sheet was not read or the cell is not a cell. */
function gridPosition(grids: SheetGrid[], sheet: string, cell: string): { grid: SheetGrid | undefined; r: number; c: number } | null {
  const at = parseCellA1(cell);
  if (!at) return null;
  const grid = grids.find((g) => g.name === sheet);
  const origin = grid?.origin ?? { row: 0, col: 0 };
  return { grid, r: at.row - origin.row, c: at.col - origin.col };
}

/** The value the sheet held at a cell when read, for repairs that must not overwrite newer edits. */
export function gridValueAt(grids: SheetGrid[], sheet: string, cell: string): CellValue | undefined {
  const p = gridPosition(grids, sheet, cell);
  if (!p || !p.grid) return undefined;
  if (p.r < 0 || p.c < 0 || p.r >= p.grid.values.length) return null;
  return p.grid.values[p.r]?.[p.c] ?? null;
}

/** The number format a cell had when read ("General" outside the used range). */
export function gridFormatAt(grids: SheetGrid[], sheet: string, cell: string): string {
  const p = gridPosition(grids, sheet, cell);
  if (!p || !p.grid || p.r < 0 || p.c < 0) return "General";
  return p.grid.numberFormats?.[p.r]?.[p.c] ?? "General";
}

/**
 * The grids as they will be once these cells are written (values as written, formats where set).
 * Copies only the sheets and rows written to; the grids read stay as they were. A formula that
 * depends on a written cell keeps the value read: the Excel layer reads no formulas.
 */
export function gridsWith(grids: SheetGrid[], writes: { sheet: string; cell: string; value: CellValue; numberFormat?: string }[]): SheetGrid[] {
  const copies = new Map<string, SheetGrid>();
  const out = [...grids];
  for (const w of writes) {
    const at = parseCellA1(w.cell);
    if (!at) continue;
    let grid = copies.get(w.sheet);
    if (!grid) {
      const i = out.findIndex((g) => g.name === w.sheet);
      const read = i >= 0 ? out[i] : undefined;
      // A sheet read as empty gets a grid that starts at the written cell.
      grid = read
        ? { ...read, values: [...read.values], numberFormats: read.numberFormats ? [...read.numberFormats] : undefined }
        : { name: w.sheet, values: [], numberFormats: [], origin: { row: at.row, col: at.col } };
      copies.set(w.sheet, grid);
      if (i >= 0) out[i] = grid;
      else out.push(grid);
    }
    const origin = grid.origin ?? { row: 0, col: 0 };
    const r = at.row - origin.row;
    const c = at.col - origin.col;
    // Above or left of the used range read: checks make no repair there (a repair's cell held a value).
    if (r < 0 || c < 0) continue;
    setAt(grid.values, r, c, null, w.value);
    if (grid.numberFormats) setAt(grid.numberFormats, r, c, "General", w.numberFormat);
  }
  return out;
}

/** Sets rows[r][c] (when `value` is given) on a copy of row r, growing the grid with `blank` (rows may be ragged). */
function setAt<T>(rows: T[][], r: number, c: number, blank: T, value: T | undefined): void {
  while (rows.length <= r) rows.push([]);
  const row = [...rows[r]];
  while (row.length <= c) row.push(blank);
  if (value !== undefined) row[c] = value;
  rows[r] = row;
}
