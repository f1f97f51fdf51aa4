/**
 * Build or rebuild the Meeting packs: one sheet per distributor's current JAP (src/plan/pack), every
 * figure a formula over the plan tables. As Build summary: each new pack is written whole under a
 * temporary name, then the add-in's own old pack of that JAP (known by its first cells, never by
 * name alone) is deleted and the new one takes its name, in the same request; every formula is
 * checked before anything is queued, and a refused write deletes what was added. Three syncs, five
 * with a Review Log, whatever the number of rows, packs and past months: two to read the workbook,
 * two for the log's recent reviews (recentReviews.ts: the key columns of its end, then the rows of the last
 * reviews, however long the log), one to write.
 */
import { readPlan } from "../plan/read";
import { distributorKey, isoFromSerial, japStandings, todaySerial } from "../plan/model";
import { isPackSheet, meetingPacks, PACK_SHEET_NAME, packJapSheet } from "../plan/pack";
import { uniqueSheetName } from "../plan/sheets";
import { Batcher } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { assertFormulasFit } from "./formulaCheck";
import { restoreEvents } from "./quietWrites";
import { removeAdded } from "./removeAdded";
import { assertWritable } from "./paintFindings";
import { gridValueAt, inputGrids, readWorkbookState } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { readRecentReviews } from "./recentReviews";
import { queueSheetSpec } from "./writeSheetSpec";

export async function buildMeetingPack(now: Date = new Date()): Promise<{ message: string; sheetNames: string[] }> {
  const caps = capabilities();
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false });
    const grids = inputGrids(state);
    const plan = readPlan(grids, { dateOrder: state.dateOrder });
    const asOf = Math.floor(plan.settings.asOf ?? todaySerial(now));
    // The add-in's own packs, by the JAP each is about.
    const own = new Map<string, string>();
    for (const s of state.sheets) {
      const cell = (at: "A1" | "A2" | "A3" | "I1" | "G2") => gridValueAt(state.grids, s.name, at);
      const jap = isPackSheet(cell) ? packJapSheet(cell) : null;
      if (jap) own.set(jap.toLowerCase(), s.name);
    }
    const taken = state.sheets.map((s) => s.name);
    const finalNames: string[] = [];
    // The log as far as the pack needs it (the last reviews up to the as-of date), whatever its length:
    // the workbook's corners hold only its first rows.
    const current = japStandings(plan).filter((s) => s.current);
    const distributors = new Set(current.map((s) => distributorKey(s.cycle.distributor)));
    const recent = await readRecentReviews(context, state, distributors, asOf, current.reduce((n, s) => n + s.jap.actions.length, 0));
    const log = { rows: recent.rows, position: recent.log?.position ?? null };
    const packs = meetingPacks(plan, log, asOf, state.tables, (japSheet, single) => {
      const old = own.get(japSheet.toLowerCase());
      const wanted = old ?? uniqueSheetName(single ? PACK_SHEET_NAME : `Pack ${japSheet}`.slice(0, 31), [...taken, ...finalNames]);
      finalNames.push(wanted);
      // Written under a temporary name when an old pack is there, renamed once that one is gone.
      const building = old ? uniqueSheetName(`${wanted} (new)`.slice(0, 31), [...taken, ...finalNames]) : wanted;
      taken.push(building);
      return building;
    });
    if (packs.length === 0) throw new JointPlanError("noPlan", "There is no JAP to make a meeting pack of. Insert a JAP template (or the sample plan) first.");
    const olds = packs.map((p) => own.get(p.subject.jap.position.sheet.toLowerCase()) ?? null);
    const oldNames = olds.filter((o): o is string => o !== null);
    if (oldNames.length > 0) assertWritable(state, oldNames, "rebuild the Meeting pack");
    assertFormulasFit(`build the Meeting pack of ${packs.length} current JAP${packs.length === 1 ? "" : "s"}`, packs.map((p) => p.spec));
    const added = packs.map((p) => p.spec.sheetName);
    try {
      if (caps.enableEvents) context.runtime.enableEvents = false;
      const batcher = new Batcher(context);
      const sheets = packs.map((p) => context.workbook.worksheets.add(p.spec.sheetName));
      for (let i = 0; i < packs.length; i++) await queueSheetSpec(context, sheets[i], packs[i].spec, batcher);
      packs.forEach((_p, i) => {
        const old = olds[i];
        if (old) {
          context.workbook.worksheets.getItem(old).delete();
          sheets[i].name = finalNames[i];
        }
      });
      sheets[0].activate();
      if (caps.enableEvents) context.runtime.enableEvents = true;
      await context.sync();
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      await removeAdded(context, added, []);
      throw e;
    }
    const rebuilt = oldNames.length > 0;
    return {
      message: `${rebuilt ? "Rebuilt" : "Built"} ${finalNames.map((n) => `'${n}'`).join(", ")}: one page for the review meeting, every figure a formula over the tables (the changes since the last review and the reasons are written as of ${isoFromSerial(asOf)}).`,
      sheetNames: finalNames,
    };
  });
}
