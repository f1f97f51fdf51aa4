/**
 * Start next month in the add-in, as `jointplan next-month` does on files: next month's JAP of each
 * current JAP, with the open actions carried as they stand (the cycle room's carryOver), planned and
 * written as Insert writes a JAP (InsertBatch, japSheetSpec) and placed after the old sheet. The old
 * JAP is history: its cells are kept as they were, its tab turns grey and a banner goes in the blank
 * row between its header block and its table (the table does not move; the banner is left out when
 * that cell holds something, or the sheet is protected). The JBPs' action counts are rewritten over
 * the current JAPs, and the RAG Summary, when the workbook has one, is rebuilt over them.
 *
 * Syncs: three to read the plan (the current JAPs' cells only), one for the Review Log's key columns
 * at its end (was this month reviewed? readLogTail: the rows up to this month's review, or an
 * earlier month's, of each distributor), one for where the JBP and JAP tables stand (readCountedTables), one to
 * write: six whatever the number of actions and of past months (five without a Review Log; more
 * only past a request's or a response's budget).
 */
import { carryOver, type CarriedJap } from "../plan/cycle";
import { cellA1, distributorKey, isoFromSerial, japStandings, type JapStanding, withExcelTable } from "../plan/model";
import { readPlan } from "../plan/read";
import { distinctPriorities } from "../plan/rules";
import { specTablePosition, tableListing } from "../plan/sheets";
import { priorityLabels, summaryInput } from "../plan/summary";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { addJap, InsertBatch, writeInsertBatch } from "./insertBatch";
import { gridValueAt, inputGrids, readWorkbookState, summarySheet } from "./readWorkbookState";
import { readLogTail, reviewLogTable, TAIL_MARGIN, tailReachesMonths } from "./recordReview";
import { capabilities } from "./requirements";
import { queueSummary, summaryTarget } from "./summary";
import { queueUserValues } from "./userText";

/** The tab colour of a JAP that is history. */
export const HISTORY_TAB_COLOR = "#A6A6A6";
const BANNER_FILL = "#EDEDED";

export interface StartedJap {
  /** The new JAP's sheet. */
  sheetName: string;
  /** The old JAP's sheet, now history. */
  from: string;
  distributor: string;
  /** "2026-04". */
  month: string;
  carried: string[];
  leftBehind: string[];
}

export interface NextMonthOutcome {
  message: string;
  started: StartedJap[];
  /** The old JAPs whose month has no review in the Review Log (the pane offers to record first). */
  unreviewed: string[];
  /** The rebuilt RAG Summary's sheet, or null when the workbook has none. */
  summarySheet: string | null;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function listIds(ids: readonly string[], most = 10): string {
  return ids.length <= most ? ids.join(", ") : `${ids.slice(0, most).join(", ")} and ${ids.length - most} more`;
}

/** The banner of a JAP that is history. */
export function historyBanner(month: number | null, current: string): string {
  const m = month === null ? "" : ` of ${isoFromSerial(month).slice(0, 7)}`;
  return `History: this JAP${m} is kept as it was and no longer counted. The current month is '${current}'.`;
}

export async function startNextMonth(): Promise<NextMonthOutcome> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false, currentJapsOnly: true });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const current = japStandings(plan).filter((s) => s.current);
    if (current.length === 0) throw new JointPlanError("noPlan", "There is no JAP to start next month from. Insert a JAP template (or the sample plan) first.");
    const plans: { from: JapStanding; carried: CarriedJap }[] = [];
    for (const from of current) {
      const carried = carryOver(from.jap, plan.jbps);
      if (typeof carried === "string") throw new JointPlanError("invalidInput", `${carried} Nothing was changed.`, { sheet: from.jap.position.sheet });
      plans.push({ from, carried });
    }
    const log = reviewLogTable(state);
    // The log's end, up to a row of this month or an earlier one of each current distributor: whether this month was reviewed.
    const months = current.map((s) => ({ distributor: s.cycle.distributor, month: s.cycle.month }));
    const actions = current.reduce((n, s) => n + s.jap.actions.length, 0);
    const keys = log ? (await readLogTail(context, log.position, actions + TAIL_MARGIN, (t) => tailReachesMonths(t, months, true))).keys : [];
    const unreviewed = current.filter((s) => !keys.some((k) => k.month === s.cycle.month && distributorKey(k.distributor) === distributorKey(s.cycle.distributor))).map((s) => s.jap.position.sheet);

    const batch = new InsertBatch({ sheets: state.sheets.map((s) => s.name), tables: state.tables, names: state.names });
    await batch.readCountedTables(context, { jap: true, jbp: false });
    const started: StartedJap[] = [];
    for (const { from, carried } of plans) {
      const distributor = from.jap.header.distributor.trim() || carried.distributor;
      const jbpSheet = state.sheets.some((s) => s.name.toLowerCase() === carried.jbpSheet.toLowerCase()) ? carried.jbpSheet : undefined;
      // addJap refuses a month the distributor has already (the error names that sheet).
      const { sheet } = addJap(batch, { distributor, month: carried.month, jbpSheet, actions: carried.actions });
      started.push({ sheetName: sheet, from: from.jap.position.sheet, distributor, month: isoFromSerial(carried.month).slice(0, 7), carried: carried.carried, leftBehind: carried.leftBehind });
    }
    const recounted = batch.recountJbps();
    const hasSummary = summarySheet(state) !== null;
    const summaryName = hasSummary ? summaryTarget(state).sheetName : null;
    const japSpecs = batch.specs.filter((s) => s.kind === "jap");
    const tabOrder = state.sheets.map((s) => s.name);

    await writeInsertBatch(context, batch, started[0].sheetName, async (batcher, added) => {
      // Each new JAP after its old one: from the last old sheet back, so earlier indices hold.
      const byPlace = [...started].sort((a, b) => tabOrder.indexOf(b.from) - tabOrder.indexOf(a.from));
      for (const s of byPlace) context.workbook.worksheets.getItem(s.sheetName).position = tabOrder.indexOf(s.from) + 1;
      for (const { from } of plans) {
        const sheet = state.sheets.find((s) => s.name === from.jap.position.sheet);
        if (!sheet || sheet.protected) continue;
        const ws = context.workbook.worksheets.getItem(sheet.name);
        ws.tabColor = HISTORY_TAB_COLOR;
        const p = from.jap.position;
        const col = Math.min(...Object.values(p.columns));
        const at = cellA1(p.headerRow - 1, col);
        const there = p.headerRow > 0 ? gridValueAt(state.grids, sheet.name, at) : "taken";
        if (there !== null && there !== undefined && there !== "") continue;
        const banner = ws.getRange(at);
        const next = started.find((s) => s.from === sheet.name)!.sheetName;
        await batcher.add(200, () => {
          queueUserValues(banner, [[historyBanner(from.cycle.month, next)]]);
          banner.format.font.italic = true;
          banner.format.fill.color = BANNER_FILL;
        });
      }
      if (hasSummary) {
        const japTables = japSpecs.map((spec) => withExcelTable(specTablePosition(spec), tableListing(spec)));
        const listing = [...state.tables, ...japSpecs.flatMap((spec) => tableListing(spec))];
        const priorities = priorityLabels(distinctPriorities(plans.flatMap((p) => p.carried.actions.map((a) => a.priority ?? null))), plan.settings.maxPriorities);
        added.push(summaryTarget(state).building);
        await queueSummary(context, state, (name) => summaryInput(plan, name, listing, { japTables, priorityLabels: priorities, reviewLog: log?.position ?? null }), "the RAG Summary over the new month", batcher);
      }
    });

    const lines = started.map((s) => {
      const moved = s.carried.length > 0 ? `carried ${plural(s.carried.length, "open action")} (${listIds(s.carried)})` : "no open action to carry";
      const left = s.leftBehind.length > 0 ? `; left behind ${plural(s.leftBehind.length, "Done or Cancelled action")} (${listIds(s.leftBehind)})` : "";
      return `Started '${s.sheetName}' (${s.distributor || "no distributor"}, ${s.month}) from '${s.from}': ${moved}${left}. '${s.from}' is now history.`;
    });
    const rebuilt = [recounted.length > 0 ? `the action counts of ${recounted.map((s) => `'${s}'`).join(", ")}` : "", summaryName ? `'${summaryName}'` : ""].filter((x) => x !== "");
    if (rebuilt.length > 0) lines.push(`Rebuilt ${rebuilt.join(" and ")} over the current JAP${started.length === 1 ? "" : "s"}.`);
    if (unreviewed.length > 0) lines.push(`${unreviewed.map((s) => `'${s}'`).join(", ")} had no review recorded for ${unreviewed.length === 1 ? "its" : "their"} month.`);
    return { message: lines.join(" "), started, unreviewed, summarySheet: summaryName };
  });
}
