/**
 * Live re-check on worksheets.onChanged. A change on a plan sheet (JBP, JAP, Roster, Settings)
 * by a person schedules one check 300 ms after the last change; our own writes are ignored
 * (triggerSource "ThisLocalAddin", and events are off while the check writes).
 *
 * Each re-check reads the whole workbook in one batch and rewrites only the Issues cells and notes
 * that changed. Re-checking only the edited rows would miss rules that span rows (duplicate IDs, an
 * owner's open actions, the number of priorities), and a paste without `details` is covered the
 * same way as a one-cell edit.
 *
 * Where the handler lives: one registry per JavaScript runtime, on globalThis under a
 * Symbol.for key, not in this module's variables. A task pane that is closed and reopened inside a
 * shared runtime, or a module evaluated twice (a second bundle, a hot reload), finds the same
 * registry, so registration is idempotent: one Excel handler, any number of subscribers. When the
 * runtime itself goes away, Excel drops its handlers with it and the next startLiveCheck registers
 * anew. Nothing is stored in the workbook or the browser.
 */
import type { Finding } from "../plan/model";
import { overviewOf, type Overview } from "../plan/overview";
import { checkInContext, planSheets } from "./checkPlan";
import { runExcel } from "./context";
import { JAP, JBP, ROSTER, SETTINGS } from "../plan/layouts";
import { capabilities } from "./requirements";
import { hasSignature } from "./workbookIndex";

export const DEBOUNCE_MS = 300;

export type LiveCheckListener = (result: { findings: Finding[]; overview: Overview }) => void;

interface Registry {
  handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
  registering: Promise<void> | null;
  listeners: Set<LiveCheckListener>;
  /** Ids of the sheets whose changes matter (plan tables, Roster, Settings). */
  sheetIds: Set<string>;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  again: boolean;
  lastError: unknown;
  checks: number;
}

const KEY = Symbol.for("jointplan.liveCheck");

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= {
    handler: null,
    registering: null,
    listeners: new Set(),
    sheetIds: new Set(),
    timer: null,
    running: null,
    again: false,
    lastError: null,
    checks: 0,
  });
}

/** What tests and the task pane may want to know about the live check. */
export function liveCheckStatus(): { active: boolean; listeners: number; checks: number; lastError: unknown } {
  const r = registry();
  return { active: r.handler !== null, listeners: r.listeners.size, checks: r.checks, lastError: r.lastError };
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

async function recheck(): Promise<void> {
  const r = registry();
  const caps = capabilities();
  try {
    const { state, result } = await runExcel((context) => checkInContext(context, caps));
    r.checks++;
    r.lastError = null;
    const names = new Set([...planSheets(result), ...supportSheets(result)]);
    r.sheetIds = new Set(state.sheets.filter((s) => names.has(s.name)).map((s) => s.id));
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

function supportSheets(result: Awaited<ReturnType<typeof checkInContext>>["result"]): string[] {
  return result.plan.roster ? [result.plan.roster.placement.sheet] : [];
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

async function onChanged(event: Excel.WorksheetChangedEventArgs): Promise<void> {
  if (event.triggerSource === "ThisLocalAddin") return;
  const r = registry();
  if (r.listeners.size === 0 || !r.sheetIds.has(event.worksheetId)) return;
  schedule();
}

/** Ids of the sheets that hold plan tables, the Roster or Settings: one sync. */
async function learnSheets(context: Excel.RequestContext): Promise<Set<string>> {
  const tables = context.workbook.tables.load("items/worksheet/id,items/columns/items/name");
  await context.sync();
  const ids = new Set<string>();
  for (const t of tables.items) {
    const cols = t.columns.items.map((c) => c.name);
    if ([JAP, JBP, ROSTER, SETTINGS].some((l) => hasSignature(cols, l))) ids.add(t.worksheet.id);
  }
  return ids;
}

/**
 * Starts re-checking on change; `onChecked` gets each result. Returns the stop function (which
 * removes the Excel handler once the last listener stops). Two syncs the first time, none after.
 */
export async function startLiveCheck(onChecked: LiveCheckListener): Promise<() => Promise<void>> {
  const r = registry();
  r.listeners.add(onChecked);
  if (!r.handler) {
    r.registering ??= runExcel(async (context) => {
      r.sheetIds = await learnSheets(context);
      const handler = context.workbook.worksheets.onChanged.add(onChanged);
      await context.sync();
      r.handler = handler;
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
    if (r.listeners.size > 0 || !r.handler) return;
    const handler = r.handler;
    r.handler = null;
    if (r.timer !== null) clearTimeout(r.timer);
    r.timer = null;
    handler.remove();
    await handler.context.sync();
  };
}
