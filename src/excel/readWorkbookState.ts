/**
 * Reads what a check needs of the workbook, within Excel on the web's 5 MB response limit whatever
 * else the workbook holds. Two syncs for a workbook whose plans are Excel tables of up to some
 * thousands of rows:
 *
 *   1. the sheets, the tables (headers, row counts and totals rows), names (with their formulas: the Issues columns' marks), notes, comments, Excel's date format;
 *   2. each sheet's used range and its top-left corner (TOP_ROWS x TOP_COLS cells: a plan typed
 *      without a table is found there by its header row, and a template's header block sits there),
 *      the address of every table, the cells of every plan table (a table whose headers the core
 *      reads as a JBP, JAP, Roster or Settings) as far as the response budget allows, where each
 *      note and comment sits, and the formulas of the JBP's action-count columns.
 *
 * Only then, and only when needed, more reads: plan tables too big for the second response, the
 * header block of a table that starts below the corner, and plans without a table (to the end of
 * their sheet's used range), in slices packed up to the budget (sheetReads.ts). Sheets that hold
 * no plan cost their corner only, however many rows of other data they hold.
 *
 * The result feeds the core's checkWorkbook as SheetGrid[] (values only: number formats are read
 * for the cells a repair asks about); nothing is written.
 */
import { type CellValue, type DateOrder, gridTableOf, type JapPlan, japStandings, parseCellA1, parseRangeA1, positionFromAddress, type SheetGrid, splitSheetRef, type TableListing, type TablePosition, toCellValue } from "../plan/model";
import { columnKeyMap, findTables, headerKey, READ_LAYOUTS, readPlan } from "../plan/read";
import { JBP_COUNT_KEYS, type JbpCountKey, markedIssuesColumns } from "../plan/sheets";
import { JAP, JAP_HELPER_COLUMNS, JBP, ROSTER, SETTINGS } from "../plan/layouts";
import { SUMMARY_MARK, summarySheetName } from "../plan/summary";
import { queueHostDateOrder } from "./locale";
import type { Capabilities } from "./requirements";
import { ESTIMATED_CELL_BYTES, READ_BUDGET_BYTES, ReadCost, readRects, type RectRead } from "./sheetReads";

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
  /** What was read of each sheet that has cells: its plans, or the corner of a sheet without one. */
  grids: SheetGrid[];
  /** Excel tables with their headers and full address (header row included), e.g. "'JAP 2026-03'!A7:W27". */
  tables: (TableListing & { address: string })[];
  /** Workbook-scoped names, as written. */
  names: string[];
  /** The header cells of the Issues columns the add-in wrote (by issuesMarkKey): those it may rewrite. */
  issuesMarks: Set<string>;
  /** Every note (ExcelApi 1.18), user's and ours. Empty when notes are not supported. */
  notes: CellNote[];
  /** "Sheet!A1" of every cell with a threaded comment: no add-in note goes there. */
  commentCells: Set<string>;
  /** The count columns of every Excel table that has one (the formulas Check plan keeps current). */
  jbpCountFormulas: JbpCountColumns[];
  /** Excel's date order (its culture's short date pattern; DMY without ExcelApi 1.12), for a blank Settings Date order. */
  dateOrder: DateOrder;
  /** Number formats of the cells asked for in `formatCells`, by cellKey. */
  formats: Map<string, string>;
  /** The formula of the RAG Summary's mark (the name JP_SummarySheet), null when the workbook has none. */
  summaryMark: string | null;
}

/** Note and comment locations read per request (each is about 250 bytes of request). */
export const LOCATIONS_PER_REQUEST = 10_000;

/** The corner of every sheet read in the second sync: where plans without a table are looked for. */
export const TOP_ROWS = 40;
export const TOP_COLS = 40;
/** Rows above a plan table's header row read as its header block (a JBP's is nine). */
export const HEADER_BLOCK_ROWS = 20;

/** Cells of a table's first rows enough to size the reads of the rest (a corner holds some 30 rows of a JAP). */
const SAMPLE_CELLS = 300;

/** The tables the core reads plans from. */
const PLAN_LAYOUTS = [ROSTER, SETTINGS, JBP, JAP];

export const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;

/** "'JAP 2026-03'!C7" → { sheet, cell }. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const { sheet, local } = splitSheetRef(address);
  return { sheet: sheet ?? "", cell: local.split(":")[0].replace(/\$/g, "") };
}

/** Office.js values as the core takes them: read without valueTypes (see ValueType). */
const cellValue = (v: unknown): CellValue => toCellValue(v, "Untyped");

/**
 * True when the core reads a table with these headers as a plan table (JBP, JAP, Roster, Settings).
 * Looked for among every layout the reader knows, so a Review Log (whose headers overlap a JAP's) is
 * no plan table: a check never reads its months of rows.
 */
export function isPlanHeader(columns: string[]): boolean {
  const found = findTables({ name: "", values: [columns] }, READ_LAYOUTS)[0];
  return found !== undefined && PLAN_LAYOUTS.includes(found.layout);
}


interface Rect0 {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rectangles of values read from one sheet; the grid is assembled from them. */
interface Piece {
  row: number;
  col: number;
  values: unknown[][];
}

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
  const tables = context.workbook.tables.load("items/name,items/worksheet/name,items/columns/items/name,items/rows/count,items/showTotals");
  // Formulas too: the marks of the add-in's Issues columns (issuesMark.ts) are names.
  const names = context.workbook.names.load("items/name,items/formula");
  const notes = withNotes && caps.notes ? context.workbook.notes.load("items/content") : null;
  const comments = withNotes && caps.comments ? context.workbook.comments.load("items/id") : null;
  const summaryMark = context.workbook.names.getItemOrNullObject(SUMMARY_MARK).load("formula");
  return { sheets, tables, names, notes, comments, dateOrder: queueHostDateOrder(context), summaryMark };
}

export interface ReadOptions {
  notes: boolean;
  /**
   * Reads the cells of the current JAPs only (the review cycle's commands): a JAP that is history is
   * read as far as its sheet's corner (its header block), so the read does not grow with past months.
   * One more sync, for the current JAPs' cells.
   */
  currentJapsOnly?: boolean;
  /** Cells whose number format is wanted (a repair's cell), read in the second sync. */
  formatCells?: { sheet: string; cell: string }[];
}

const isResponseTooLarge = (e: unknown): boolean => (e as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";

/** Reads everything a check needs: two syncs, more only past the response budget (see the file's comment). */
export async function readWorkbookState(context: Excel.RequestContext, caps: Capabilities, options: ReadOptions = { notes: true }): Promise<WorkbookState> {
  const p1 = queuePhase1(context, caps, options.notes);
  await context.sync();

  const sheets: SheetInfo[] = p1.sheets.items.map((ws) => ({
    name: ws.name,
    id: ws.id,
    protected: ws.protection.protected,
    visible: ws.visibility === "Visible",
  }));
  const planTable = p1.tables.items.map((t) => isPlanHeader(t.columns.items.map((c) => c.name)));
  // JAP tables wait for their header blocks (the corners) when only the current ones are wanted.
  const japTable = p1.tables.items.map((t) => options.currentJapsOnly === true && findTables({ name: "", values: [t.columns.items.map((c) => c.name)] }, READ_LAYOUTS)[0]?.layout === JAP);
  const pieces = new Map<string, Piece[]>(sheets.map((s) => [s.name, []]));
  const cost = new ReadCost();

  // Second sync: everything small, the corners, and the plan tables that fit the response budget.
  // A response Excel refuses as too large (long texts) is asked again without the cells, which are
  // then read in bounded slices.
  const readNow = planTable.map((p, i) => p && !japTable[i]);
  let p2 = queuePhase2(context, p1, readNow, options, true);
  try {
    await context.sync();
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
    cost.splits++;
    p2 = queuePhase2(context, p1, readNow, options, false);
    await context.sync();
  }
  const located = await p2.readLocations();
  const used = p2.used.map((u) => (u.isNullObject ? null : { row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount }));
  const tableRects = p2.tableRanges.map((r) => {
    const a = parseRangeA1(r.address);
    return a ? { row: a.row, col: a.col, rows: a.lastRow - a.row + 1, cols: a.lastCol - a.col + 1 } : null;
  });

  // Corners: read now, or (after a refused response) in slices with the rest.
  const corners: RectRead[] = [];
  const topOf = new Map<string, Piece>();
  p2.tops.forEach((top, i) => {
    const name = sheets[i].name;
    const u = used[i];
    if (!u) return;
    const rect = intersect(u, { row: 0, col: 0, rows: TOP_ROWS, cols: TOP_COLS });
    if (!rect) return;
    if (top && !top.isNullObject) {
      const piece = { row: rect.row, col: rect.col, values: top.values };
      topOf.set(name, piece);
      pieces.get(name)!.push(piece);
    } else corners.push({ sheet: name, ...rect, onValues: (row, values) => addRows(pieces.get(name)!, row, rect.col, values) });
  });
  // A plan table's first rows, in its sheet's corner, size the reads of the tables to come: the
  // first of them then fills a response as the later ones do (on a guess it would fill a quarter).
  p1.tables.items.forEach((t, i) => {
    const rect = tableRects[i];
    const top = topOf.get(t.worksheet.name);
    if (!planTable[i] || !rect || !top || (p2.tableCells[i] && !p2.tableCells[i]!.isNullObject)) return;
    const sample = top.values.slice(rect.row + 1 - top.row).map((r) => r.slice(Math.max(0, rect.col - top.col), rect.col - top.col + rect.cols - helperTail(t.columns.items.map((c) => c.name))));
    cost.measure(sample, sample.length * (sample[0]?.length ?? 0), SAMPLE_CELLS);
  });
  await readRects(context, corners, cost);
  for (const s of sheets) if (!topOf.has(s.name)) {
    const list = pieces.get(s.name)!;
    if (list.length) topOf.set(s.name, { row: list[0].row, col: list[0].col, values: list.flatMap((p) => p.values) });
  }

  // With currentJapsOnly, the JAP tables that are history (by the header blocks in the corners) are not read.
  const historyTable = historyJapTables(p1, japTable, tableRects, sheets.flatMap((s): SheetGrid[] => {
    const top = topOf.get(s.name);
    return top ? [{ name: s.name, values: top.values.map((row) => row.map(cellValue)), origin: { row: top.row, col: top.col } }] : [];
  }));
  // What is left to read: plan tables not read yet, header blocks below the corner, plans without a table.
  const rest: RectRead[] = [];
  const covered = new Map<string, Rect0[]>();
  const cover = (sheet: string, r: Rect0) => (covered.get(sheet) ?? covered.set(sheet, []).get(sheet)!).push(r);
  p1.tables.items.forEach((t, i) => {
    const whole = tableRects[i];
    const sheet = t.worksheet.name;
    if (!planTable[i] || !whole) return;
    cover(sheet, whole);
    // The RAG's helper columns at the table's right end are left unread: the engine computes them.
    const rect = { ...whole, cols: whole.cols - helperTail(t.columns.items.map((c) => c.name)) };
    const read = p2.tableCells[i];
    if (read && !read.isNullObject) pieces.get(sheet)!.push({ row: rect.row, col: rect.col, values: read.values });
    else if (!historyTable[i]) rest.push({ sheet, ...rect, onValues: (row, values) => addRows(pieces.get(sheet)!, row, rect.col, values) });
    const u = used[sheets.findIndex((s) => s.name === sheet)];
    const left = Math.min(rect.col, u?.col ?? rect.col);
    const above = Math.max(0, rect.row - HEADER_BLOCK_ROWS);
    const block = { row: above, col: left, rows: rect.row - above, cols: rect.col + rect.cols - left };
    const inCorner = block.rows === 0 || (block.row + block.rows <= TOP_ROWS && block.col + block.cols <= TOP_COLS);
    if (!inCorner) rest.push({ sheet, ...block, onValues: (row, values) => addRows(pieces.get(sheet)!, row, block.col, values) });
  });
  // The add-in's own RAG Summary (summaryMark.ts) is never read as a plan.
  const summaryMark = p1.summaryMark.isNullObject ? null : p1.summaryMark.formula;
  const cornerGrids = sheets.flatMap((s): SheetGrid[] => {
    const top = topOf.get(s.name);
    return top ? [{ name: s.name, values: top.values.map((row) => row.map(cellValue)), origin: { row: top.row, col: top.col } }] : [];
  });
  const summary = summarySheetName(sheets.map((s) => ({ name: s.name, cell: (at) => gridValueAt(cornerGrids, s.name, at) })), summaryMark);
  sheets.forEach((s, i) => {
    const top = topOf.get(s.name);
    const u = used[i];
    if (!top || !u || s.name === summary) return;
    // A plan typed without a table: its header row in the corner, outside every plan table.
    const grid: SheetGrid = cornerGrids.find((g) => g.name === s.name)!;
    // Looked for among every layout, so that a Review Log (whose headers overlap a JAP's) is not
    // read as a JAP typed without a table, down to the end of its months of rows.
    for (const found of findTables(grid, READ_LAYOUTS).filter((f) => PLAN_LAYOUTS.includes(f.layout))) {
      const headerRow = found.position.headerRow;
      const cols = Object.values(found.position.columns);
      const inTable = (covered.get(s.name) ?? []).some((r) => headerRow >= r.row && headerRow < r.row + r.rows && cols.some((c) => c >= r.col && c < r.col + r.cols));
      if (inTable) continue;
      // Down to the end of the used range, from the corner's last row, across the header's columns.
      const lastCol = Math.max(...cols, top.col + gridRowWidth(top.values, headerRow - top.row) - 1);
      const from = top.row + top.values.length;
      const region = { row: from, col: u.col, rows: u.row + u.rows - from, cols: lastCol - u.col + 1 };
      if (region.rows > 0 && region.cols > 0) rest.push({ sheet: s.name, ...region, onValues: (row, values) => addRows(pieces.get(s.name)!, row, region.col, values) });
    }
  });
  await readRects(context, rest, cost);

  const tables = p1.tables.items.map((t, i) => ({ name: t.name, sheet: t.worksheet.name, headers: t.columns.items.map((c) => c.name), address: p2.tableRanges[i].address, showTotals: t.showTotals }));
  const grids: SheetGrid[] = [];
  for (const s of sheets) {
    const grid = assemble(s.name, pieces.get(s.name)!);
    // Where the sheet's Excel tables stand: a plan in one is read as far as it goes, its totals row left out.
    const extents = tables.filter((t) => t.sheet === s.name).flatMap((t) => gridTableOf(t) ?? []);
    if (grid) grids.push(extents.length > 0 ? { ...grid, tables: extents } : grid);
  }

  const notes: CellNote[] = located.notes.map(({ note, range }) => ({ ...splitAddress(range.address), content: note.content, note }));
  const commentCells = new Set(located.comments.map((r) => {
    const { sheet, cell } = splitAddress(r.address);
    return cellKey(sheet, cell);
  }));
  const formats = new Map<string, string>();
  p2.formats.forEach(({ sheet, cell, range }) => {
    if (!range.isNullObject) formats.set(cellKey(sheet, cell), String((range.numberFormat as unknown[][])[0][0]));
  });
  return {
    sheets,
    grids,
    tables,
    names: p1.names.items.map((n) => n.name),
    issuesMarks: markedIssuesColumns(p1.names.items.map((n) => ({ name: n.name, formula: String(n.formula) }))),
    notes,
    commentCells,
    jbpCountFormulas: countColumns(p1.tables, p2.tableRanges, p2.countRanges),
    dateOrder: p1.dateOrder(),
    formats,
    summaryMark,
  };
}

/**
 * Which JAP tables (of those `japTable` marks) are history, judged on the header blocks the corners
 * hold: a table whose header row lies below its sheet's corner is taken as current (it is read).
 */
function historyJapTables(p1: Phase1, japTable: boolean[], rects: (Rect0 | null)[], corners: SheetGrid[]): boolean[] {
  if (!japTable.some((x) => x)) return japTable.map(() => false);
  const read = readPlan(corners).japs;
  const japs: JapPlan[] = [];
  const indexOf = new Map<JapPlan, number>();
  p1.tables.items.forEach((t, i) => {
    const rect = rects[i];
    if (!japTable[i] || !rect) return;
    const sheet = t.worksheet.name;
    const found = read.find((j) => j.position.sheet === sheet && j.position.headerRow === rect.row);
    const jap: JapPlan = { position: { sheet, headerRow: rect.row, lastRow: rect.row + rect.rows - 1, columns: {} }, extraHeaders: [], header: found?.header ?? { distributor: "", month: null, reviewDate: null, jbpSheet: "" }, actions: [] };
    japs.push(jap);
    indexOf.set(jap, i);
  });
  const out = japTable.map(() => false);
  for (const s of japStandings({ japs, jbps: [] })) if (!s.current) out[indexOf.get(s.jap)!] = true;
  return out;
}

interface Phase2 {
  used: Excel.Range[];
  /** Each sheet's corner, or null when it is read later. */
  tops: (Excel.Range | null)[];
  tableRanges: Excel.Range[];
  /** The cells of each plan table read in this sync, or null. */
  tableCells: (Excel.Range | null)[];
  countRanges: Map<number, { key: JbpCountKey; index: number; range: Excel.Range }[]>;
  formats: { sheet: string; cell: string; range: Excel.Range }[];
  /** Where every note and comment sits (syncs once more per LOCATIONS_PER_REQUEST past the first). */
  readLocations: () => Promise<{ notes: { note: Excel.Note; range: Excel.Range }[]; comments: Excel.Range[] }>;
}

/**
 * Queues the second sync. With `cells`, the corners and the plan tables that the budget allows
 * (by the row counts of the first sync and an estimate of a cell's bytes); without, only what is
 * small whatever the workbook holds.
 */
// The RAG's helper columns and its reason, at the JAP table's right end: formulas the engine
// computes itself, so reading them would only move bytes (the reason is long text on every row).
const HELPER_HEADERS = new Set([...JAP_HELPER_COLUMNS, ...JAP.columns.filter((c) => c.key === "ragReason")].map((c) => c.header.toLowerCase()));
/** How many of a table's last columns are the RAG's helper and reason columns (none of which a reader needs). */
function helperTail(headers: string[]): number {
  let n = 0;
  while (n < headers.length - 1 && HELPER_HEADERS.has(headers[headers.length - 1 - n].trim().toLowerCase())) n++;
  return n;
}

function queuePhase2(context: Excel.RequestContext, p1: Phase1, planTable: boolean[], options: ReadOptions, cells: boolean): Phase2 {
  // Half the budget, on a guess of a cell's bytes: a plan with twice the guessed text still fits.
  let budget = READ_BUDGET_BYTES / 2;
  const used = p1.sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
  const tops = p1.sheets.items.map((ws, i) => {
    if (!cells) return null;
    budget -= TOP_ROWS * TOP_COLS * ESTIMATED_CELL_BYTES;
    return used[i].getIntersectionOrNullObject(ws.getRangeByIndexes(0, 0, TOP_ROWS, TOP_COLS)).load("values");
  });
  const tableRanges = p1.tables.items.map((t) => t.getRange().load("address"));
  const tableCells = p1.tables.items.map((t, i) => {
    const tail = helperTail(t.columns.items.map((c) => c.name));
    const bytes = (t.rows.count + 1) * (t.columns.items.length - tail) * ESTIMATED_CELL_BYTES;
    if (!cells || !planTable[i] || bytes > budget) return null;
    budget -= bytes;
    return (tail > 0 ? tableRanges[i].getResizedRange(0, -tail) : tableRanges[i]).load("values");
  });
  const countRanges = queueCountFormulas(p1.tables);
  const formats = (options.formatCells ?? []).map(({ sheet, cell }) => ({
    sheet,
    cell,
    range: context.workbook.worksheets.getItemOrNullObject(sheet).getRange(cell).load("numberFormat"),
  }));
  // Where each note and comment sits: one small operation each. The first LOCATIONS_PER_REQUEST
  // go in this sync; the rest (readLocations) in one more sync each, never one oversized request.
  const located = [...(p1.notes?.items ?? []), ...(p1.comments?.items ?? [])];
  const locations = located.slice(0, LOCATIONS_PER_REQUEST).map((item) => item.getLocation().load("address"));
  const noteCount = p1.notes?.items.length ?? 0;
  return {
    used,
    tops,
    tableRanges,
    tableCells,
    countRanges,
    formats,
    readLocations: async () => {
      for (let i = LOCATIONS_PER_REQUEST; i < located.length; i += LOCATIONS_PER_REQUEST) {
        for (const item of located.slice(i, i + LOCATIONS_PER_REQUEST)) locations.push(item.getLocation().load("address"));
        // Only past LOCATIONS_PER_REQUEST notes and comments: a size split, not a per-row round trip.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
      return { notes: (p1.notes?.items ?? []).map((note, i) => ({ note, range: locations[i] })), comments: locations.slice(noteCount) };
    },
  };
}

function intersect(a: Rect0, b: Rect0): Rect0 | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const lastRow = Math.min(a.row + a.rows, b.row + b.rows);
  const lastCol = Math.min(a.col + a.cols, b.col + b.cols);
  return lastRow > row && lastCol > col ? { row, col, rows: lastRow - row, cols: lastCol - col } : null;
}

/** Appends a slice's rows to a sheet's pieces. */
function addRows(list: Piece[], row: number, col: number, values: unknown[][]): void {
  list.push({ row, col, values });
}

/** The width of a row up to its last non-blank cell. */
function gridRowWidth(values: unknown[][], r: number): number {
  const row = values[r] ?? [];
  let w = row.length;
  while (w > 0 && (row[w - 1] === "" || row[w - 1] === null || row[w - 1] === undefined)) w--;
  return w;
}

/**
 * One grid per sheet from its pieces: from the top-left of what was read, rows not read left empty
 * (the core reads them as blank), and a cell read twice takes the later read.
 */
function assemble(name: string, list: Piece[]): SheetGrid | null {
  const nonEmpty = list.filter((p) => p.values.length > 0);
  if (nonEmpty.length === 0) return null;
  const row0 = Math.min(...nonEmpty.map((p) => p.row));
  const col0 = Math.min(...nonEmpty.map((p) => p.col));
  const height = Math.max(...nonEmpty.map((p) => p.row + p.values.length)) - row0;
  const values: CellValue[][] = Array.from({ length: height }, () => []);
  for (const p of nonEmpty) {
    p.values.forEach((cells, i) => {
      const row = values[p.row - row0 + i];
      const at = p.col - col0;
      while (row.length < at) row.push(null);
      for (let j = 0; j < cells.length; j++) row[at + j] = cellValue(cells[j]);
    });
  }
  return { name, values, origin: { row: row0, col: col0 } };
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

/**
 * The grids the plan is read from: every sheet but the add-in's own RAG Summary (its overdue list
 * has ID, Action, Owner, Due and Status headers, so a reader by header would take it for a JAP).
 */
export function inputGrids(state: WorkbookState): SheetGrid[] {
  const summary = summarySheet(state);
  return state.grids.filter((g) => g.name !== summary);
}

/** The add-in's own RAG Summary sheet, by its mark (summaryMark.ts), or null. */
export function summarySheet(state: WorkbookState): string | null {
  return summarySheetName(
    state.sheets.map((s) => ({ name: s.name, cell: (at) => gridValueAt(state.grids, s.name, at) })),
    state.summaryMark,
  );
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

/** The number format a cell had when read, if it was asked for (ReadOptions.formatCells). */
export function formatAt(state: WorkbookState, sheet: string, cell: string): string | undefined {
  return state.formats.get(cellKey(sheet, cell));
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
