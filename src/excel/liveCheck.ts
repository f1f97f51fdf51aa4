/**
 * Live re-check on change events. A change by a person on a plan sheet (JBP, JAP, Roster,
 * Settings) schedules one check 300 ms after the last change. Ignored: our own writes (every write
 * of the Excel layer is made with events off; from ExcelApi 1.14 triggerSource "ThisLocalAddin"
 * says so too), and remote changes (source "Remote"): a co-author's edit is checked by the
 * co-author's own task pane, and every open pane re-checking and rewriting the Issues column and
 * notes on every remote edit would multiply the writes and the co-authoring conflicts.
 *
 * Each re-check reads the whole workbook in one batch and rewrites only the Issues cells and notes
 * that changed. Re-checking only the edited rows would miss rules that span rows (duplicate IDs, an
 * owner's open actions, the number of priorities), and a paste without `details` is covered the
 * same way as a one-cell edit.
 *
 * Which events: `worksheets.onChanged` (ExcelApi 1.9) hears every sheet, present and future. Below
 * 1.9 (the manifest allows 1.8) each sheet gets its own `onChanged` (1.7), and
 * `worksheets.onAdded` (1.7) gives one to every sheet added later (a JAP inserted from the task
 * pane, a sheet the user adds). A sheet added while events were off (onAdded does not fire then)
 * gets its handler at the next re-check, which sees every sheet.
 *
 * Which changes re-check: every sheet id has a role, learned at start (sheets holding a plan table,
 * or a plan header row near the top) and updated by every re-check (the check's own reading, by
 * header, decides). The trade-off:
 *   - "plan" sheets and sheets not yet known (just added, or new since the last check): any
 *     change re-checks. A JAP inserted after the live check started is thus checked on its first
 *     edit, and the re-check learns it as a plan sheet (or as "other").
 *   - "other" sheets, known to hold no plan: a typed value re-checks only when it is one of the
 *     plan's header texts ("Owner", "Due date"…), since only a header row turns a sheet into a plan
 *     sheet; a paste (no `details`, so its values are unknown without a read) re-checks too. So
 *     ordinary typing on a shopping list costs nothing, and a plan typed or pasted there is still
 *     found; the price is a needless re-check per paste or per header-like word on such sheets.
 *   - the RAG Summary sheet, rebuilt by the add-in and never read as a plan: never.
 * A plan without an Excel table is found, here as by the check's reader, by its header row in the
 * sheet's top-left corner (TOP_ROWS x TOP_COLS, readWorkbook.ts).
 *
 * Where the handlers live: one registry per JavaScript runtime, on globalThis under a
 * Symbol.for key, not in this module's variables. A task pane that is closed and reopened inside a
 * shared runtime, or a module evaluated twice (a second bundle, a hot reload), finds the same
 * registry, so registration is idempotent: one set of Excel handlers, any number of subscribers.
 * When the runtime itself goes away, Excel drops its handlers with it and the next startLiveCheck
 * registers anew. Nothing is stored in the workbook or the browser.
 */
import { type Finding, parseRangeA1, type SheetGrid, toCellValue } from "../plan/model";
import { columnKeyMap, findTables, headerKey } from "../plan/read";
import { type Overview, overviewOf, SUMMARY_MARK, summarySheetName } from "../plan/summary";
import { checkInContext } from "./checkPlan";
import { runExcel } from "./context";
import { JAP, JBP, ROSTER, SETTINGS } from "../plan/layouts";
import { TOP_COLS, TOP_ROWS, gridValueAt, summarySheet } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { hasSignature } from "./workbookIndex";

export const DEBOUNCE_MS = 300;

export type LiveCheckListener = (result: { findings: Finding[]; overview: Overview }) => void;

/** What a sheet is to the live check (a sheet id missing from the map is not known yet). */
type SheetRole = "plan" | "other" | "summary";

type Handler = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs | Excel.WorksheetAddedEventArgs>;

interface Registry {
  /** True from the registration of the Excel handlers until the last listener stops. */
  active: boolean;
  /** worksheets.onChanged (1.9), or worksheets.onAdded below it. */
  handler: Handler | null;
  /** Below ExcelApi 1.9: each sheet's own onChanged, by sheet id. */
  sheetHandlers: Map<string, Handler>;
  registering: Promise<void> | null;
  listeners: Set<LiveCheckListener>;
  sheets: Map<string, SheetRole>;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  again: boolean;
  lastError: unknown;
  checks: number;
}

const KEY = Symbol.for("jointplan.liveCheck");
const LAYOUTS = [ROSTER, SETTINGS, JBP, JAP];

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  const r = (g[KEY] ??= {
    active: false,
    handler: null,
    sheetHandlers: new Map(),
    registering: null,
    listeners: new Set(),
    sheets: new Map(),
    timer: null,
    running: null,
    again: false,
    lastError: null,
    checks: 0,
  });
  // A registry left by an older build of this module (a hot reload) lacks the newer fields.
  r.sheetHandlers ??= new Map();
  r.sheets ??= new Map();
  return r;
}

/** What tests and the task pane may want to know about the live check. */
export function liveCheckStatus(): { active: boolean; listeners: number; checks: number; lastError: unknown } {
  const r = registry();
  return { active: r.active, listeners: r.listeners.size, checks: r.checks, lastError: r.lastError };
}

/** Resolves when no re-check is scheduled or running. */
export async function liveCheckIdle(): Promise<void> {
  const r = registry();
  for (;;) {
    if (r.timer !== null) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS + 10));
    else if (r.running) await r.running;
    else return;
  }
}

/** Header texts of every plan layout (as compared: no case, no spaces). */
let headerTexts: Set<string> | null = null;
function isHeaderText(value: unknown): boolean {
  if (typeof value !== "string") return false;
  headerTexts ??= new Set(LAYOUTS.flatMap((l) => [...columnKeyMap(l).keys()]));
  return headerTexts.has(headerKey(value));
}

/**
 * A sheet's role from what was read of it: the add-in's RAG Summary as the check tells it
 * (summarySheetName, the one answer), else the same test by header that the check's reader makes.
 */
function roleOf(name: string, grid: SheetGrid | undefined, hasPlanTable: boolean, summary: string | null): SheetRole {
  if (name === summary) return "summary";
  if (hasPlanTable) return "plan";
  return grid && findTables(grid, LAYOUTS).length > 0 ? "plan" : "other";
}

async function recheck(): Promise<void> {
  const r = registry();
  const caps = capabilities();
  try {
    const { result } = await runExcel(async (context) => {
      const checked = await checkInContext(context, caps);
      const { state } = checked;
      const planNames = new Set([...checked.result.plan.japs, ...checked.result.plan.jbps].map((p) => p.position.sheet));
      if (checked.result.plan.roster) planNames.add(checked.result.plan.roster.position.sheet);
      const summary = summarySheet(state);
      const grids = new Map(state.grids.map((g) => [g.name, g]));
      r.sheets = new Map(state.sheets.map((s) => [s.id, roleOf(s.name, grids.get(s.name), planNames.has(s.name), summary)]));
      try {
        await watchSheets(context, state.sheets.map((s) => s.id), true);
      } catch (e) {
        // A sheet deleted meanwhile: the check itself stands; the next re-check registers again.
        r.lastError = e;
      }
      return checked;
    });
    r.checks++;
    r.lastError = null;
    const payload = { findings: result.findings, overview: overviewOf(result) };
    for (const listener of [...r.listeners]) {
      try {
        listener(payload);
      } catch {
        // A listener's failure must not stop the others.
      }
    }
  } catch (e) {
    r.lastError = e;
  }
}

function schedule(): void {
  const r = registry();
  if (r.timer !== null) clearTimeout(r.timer);
  r.timer = setTimeout(() => {
    r.timer = null;
    if (r.running) {
      r.again = true;
      return;
    }
    r.running = (async () => {
      do {
        r.again = false;
        await recheck();
      } while (r.again);
    })().finally(() => {
      r.running = null;
    });
  }, DEBOUNCE_MS);
}

/** Cells of a change on an "other" sheet read to look for header texts; a bigger paste re-checks. */
export const CHANGE_READ_CELLS = 5_000;

/**
 * Whether a person's change on a sheet of this role may change the plan (see the header comment).
 * On an "other" sheet only a header text can: it is in `details` for one cell (ExcelApi 1.9);
 * without them (a paste, or Excel 2019's ExcelApi 1.8, which has no details) the changed cells are
 * read, one small sync, and a paste too big to read re-checks.
 */
async function matters(role: SheetRole | undefined, event: Excel.WorksheetChangedEventArgs): Promise<boolean> {
  if (role === undefined || role === "plan") return true;
  if (role === "summary") return false;
  if (event.details !== undefined) return isHeaderText(event.details.valueAfter);
  const r = parseRangeA1(event.address);
  if (!r || (r.lastRow - r.row + 1) * (r.lastCol - r.col + 1) > CHANGE_READ_CELLS) return true;
  try {
    const values = await runExcel(async (context) => {
      const range = event.getRange(context).load("values");
      await context.sync();
      return range.values;
    });
    return values.some((row) => row.some(isHeaderText));
  } catch {
    return true; // the sheet is gone or cannot be read: the re-check finds out
  }
}

async function onChanged(event: Excel.WorksheetChangedEventArgs): Promise<void> {
  // triggerSource exists from ExcelApi 1.14; below it, our writes are silent (events off).
  if (event.triggerSource === "ThisLocalAddin" || event.source === "Remote") return;
  const r = registry();
  if (r.listeners.size === 0 || !r.active) return;
  if (await matters(r.sheets.get(event.worksheetId), event)) schedule();
}

/**
 * Below ExcelApi 1.9: gives sheets the add-in adds (an insert, made with events off, so that
 * worksheets.onAdded does not fire) their onChanged handler in the insert's own request. Queues
 * the handlers; the returned function records them after the caller's sync. Nothing when the live
 * check is not running or worksheets.onChanged covers every sheet.
 */
export function queueWatchAdded(context: Excel.RequestContext, sheetNames: string[]): () => void {
  const r = registry();
  if (!r.active || capabilities().collectionEvents || sheetNames.length === 0) return () => undefined;
  const added = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItem(name).load("id");
    return { ws, handler: ws.onChanged.add(onChanged) as Handler };
  });
  return () => {
    for (const { ws, handler } of added) if (!r.sheetHandlers.has(ws.id)) r.sheetHandlers.set(ws.id, handler);
  };
}

/** Below ExcelApi 1.9: a sheet added later gets its own handler (and is unknown until checked). */
async function onAdded(event: Excel.WorksheetAddedEventArgs): Promise<void> {
  const r = registry();
  if (!r.active) return;
  try {
    await runExcel((context) => watchSheets(context, [event.worksheetId]));
  } catch (e) {
    // The sheet may be gone already; the next re-check registers what exists.
    r.lastError = e;
  }
}

/**
 * Below ExcelApi 1.9: adds an onChanged handler to each of these sheets that has none; with `all`
 * (the ids of every sheet, from a re-check) it also forgets the handlers of deleted sheets. One
 * sync, and none when every sheet has its handler (with 1.9, worksheets.onChanged covers them all).
 */
async function watchSheets(context: Excel.RequestContext, ids: string[], all = false): Promise<void> {
  const r = registry();
  if (!r.active || capabilities().collectionEvents) return;
  if (all) {
    const present = new Set(ids);
    for (const id of [...r.sheetHandlers.keys()]) if (!present.has(id)) r.sheetHandlers.delete(id);
  }
  const added = ids
    .filter((id) => !r.sheetHandlers.has(id))
    .map((id) => [id, context.workbook.worksheets.getItem(id).onChanged.add(onChanged)] as const);
  if (added.length === 0) return;
  await context.sync();
  if (!r.active) {
    // Stopped while this was registering: take the handlers off again.
    for (const [, handler] of added) handler.remove();
    await context.sync();
    return;
  }
  for (const [id, handler] of added) if (!r.sheetHandlers.has(id)) r.sheetHandlers.set(id, handler);
}

/**
 * Learning each sheet's role at start. Sheets with a plan table are plan sheets; the others are
 * judged by their top-left corner, as the check's reader judges them (a plan typed without a table).
 * One sync here for the sheets and tables; the heads are queued to load in the caller's next sync
 * (the one that registers the handlers), and `roles()` reads them after it.
 */
async function learnSheets(context: Excel.RequestContext): Promise<{ ids: string[]; roles: () => Map<string, SheetRole> }> {
  const sheets = context.workbook.worksheets.load("items/id,items/name");
  const tables = context.workbook.tables.load("items/worksheet/id,items/columns/items/name");
  const mark = context.workbook.names.getItemOrNullObject(SUMMARY_MARK).load("formula");
  await context.sync();
  const withPlanTable = new Set<string>();
  for (const t of tables.items) {
    const cols = t.columns.items.map((c) => c.name);
    if (LAYOUTS.some((l) => hasSignature(cols, l))) withPlanTable.add(t.worksheet.id);
  }
  const heads = sheets.items.map((ws) => {
    if (withPlanTable.has(ws.id)) return null;
    const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex");
    const head = used.getIntersectionOrNullObject(ws.getRangeByIndexes(0, 0, TOP_ROWS, TOP_COLS)).load("values");
    return { used, head };
  });
  return {
    ids: sheets.items.map((ws) => ws.id),
    roles: () => {
      const grids = sheets.items.map((ws, i): SheetGrid | undefined => {
        const h = heads[i];
        if (!h || h.used.isNullObject || h.head.isNullObject) return undefined;
        return { name: ws.name, values: h.head.values.map((row) => row.map((v) => toCellValue(v, "Untyped"))), origin: { row: h.used.rowIndex, col: h.used.columnIndex } };
      });
      const summary = summarySheetName(
        sheets.items.map((ws, i) => ({ name: ws.name, cell: (at) => (grids[i] ? gridValueAt([grids[i]], ws.name, at) : undefined) })),
        mark.isNullObject ? null : mark.formula,
      );
      return new Map(
        sheets.items.map((ws, i): [string, SheetRole] => {
          if (!heads[i]) return [ws.id, "plan"];
          const grid = grids[i];
          return [ws.id, grid ? roleOf(ws.name, grid, false, summary) : "other"];
        }),
      );
    },
  };
}

/**
 * Starts re-checking on change; `onChecked` gets each result. Returns the stop function (which
 * removes the Excel handlers once the last listener stops). Two syncs the first time, none after.
 */
export async function startLiveCheck(onChecked: LiveCheckListener): Promise<() => Promise<void>> {
  const r = registry();
  r.listeners.add(onChecked);
  if (!r.active) {
    r.registering ??= runExcel(async (context) => {
      const learning = await learnSheets(context);
      const collection = capabilities().collectionEvents;
      const handler: Handler = collection
        ? context.workbook.worksheets.onChanged.add(onChanged)
        : context.workbook.worksheets.onAdded.add(onAdded);
      const perSheet = collection ? [] : learning.ids.map((id) => [id, context.workbook.worksheets.getItem(id).onChanged.add(onChanged)] as const);
      await context.sync();
      r.sheets = learning.roles();
      r.handler = handler;
      r.sheetHandlers = new Map(perSheet);
      r.active = true;
    }).finally(() => {
      r.registering = null;
    });
    try {
      await r.registering;
    } catch (e) {
      r.listeners.delete(onChecked);
      throw e;
    }
  }
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    r.listeners.delete(onChecked);
    if (r.listeners.size > 0 || !r.active) return;
    const handlers = [...(r.handler ? [r.handler] : []), ...r.sheetHandlers.values()];
    r.active = false;
    r.handler = null;
    r.sheetHandlers = new Map();
    if (r.timer !== null) clearTimeout(r.timer);
    r.timer = null;
    // A handler is removed through the context that added it: one sync per context.
    const contexts = new Set<Excel.RequestContext>();
    for (const h of handlers) {
      h.remove();
      contexts.add(h.context as Excel.RequestContext);
    }
    for (const context of contexts) {
      try {
        // Only at stop, one per batch that added handlers (start, and sheets added later).
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch {
        // A handler whose sheet was deleted is gone already.
      }
    }
  };
}
