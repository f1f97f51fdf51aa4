/**
 * A generated year of monthly cycles: twelve reviews and eleven carry-overs, actions done and added
 * along the way, some reviews recorded twice. After every month: counts never double (the JBP's
 * roll-up counts each current action once), IDs stay unique per JAP, and the Review Log holds
 * exactly one row per action per review.
 */
import fc from "fast-check";
import { applyLogEdit, carryOver, planTrend, readReviewLog, reviewLogEdit, reviewRows, type ReviewLogRow } from "../../../src/plan/cycle";
import { addMonths, currentJaps, type SheetGrid } from "../../../src/plan/model";
import { REVIEW_LOG } from "../../../src/plan/layouts";
import { countRags } from "../../../src/plan/rag";
import { readPlan } from "../../../src/plan/read";
import { checkWorkbook } from "../../../src/plan/rules";
import { japGrid, tableGrid, type Row } from "../../support/planGrids";
import { d, JBP_HEADER, soundObjectives, soundRoster } from "../../support/soundPlan";
import { jbpGrid, rosterGrid, settingsGrid } from "../../support/planGrids";

const OBJECTIVES = ["O-1", "O-2"];

function newAction(n: number, month: number, pick: number): Row {
  return {
    id: `A-${n}`,
    objectiveId: OBJECTIVES[pick % 2],
    priority: 1 + (pick % 3),
    action: `Action ${n}`,
    party: "Joint",
    owner: pick % 2 ? "Ana Silva" : "Bruno Costa",
    start: month,
    due: month + 20 + (pick % 40),
    status: "In progress",
    pctComplete: 0.2,
    lastUpdate: month + 3,
  };
}

const monthPlan = fc.record({
  /** Which open actions are done (by position), how many are added, whether the review is recorded twice. */
  done: fc.array(fc.nat(30), { maxLength: 4 }),
  added: fc.nat(3),
  twice: fc.boolean(),
  pick: fc.nat(100),
});

describe("a year of monthly cycles", () => {
  it("counts never double, IDs stay unique per JAP, one Review Log row per action per review", () => {
    fc.assert(
      fc.property(fc.array(monthPlan, { minLength: 12, maxLength: 12 }), fc.integer({ min: 3, max: 8 }), (months, first) => {
        let next = 1;
        let month = d("2026-01-01");
        let actions: Row[] = Array.from({ length: first }, (_, i) => newAction(next++, month, i));
        const japs: SheetGrid[] = [];
        let log: ReviewLogRow[] = [];
        const reviewed: { date: number; ids: string[] }[] = [];
        for (let m = 0; m < 12; m++) {
          const plan = months[m];
          const sheet = japGrid({ distributor: "Andes Foods", month, jbpSheet: "JBP" }, actions, {}, `JAP m${m}`);
          japs.push(sheet);
          const grids = [rosterGrid(soundRoster()), settingsGrid({}), jbpGrid(JBP_HEADER, soundObjectives()), ...japs, tableGrid("Review Log", REVIEW_LOG, log as unknown as Row[])];
          const date = month + 24;
          const result = checkWorkbook(grids, { today: date });
          const current = currentJaps(result.plan);
          expect(current.map((j) => j.position.sheet)).toEqual([`JAP m${m}`]);
          // Counts never double: the objectives roll up each current action once.
          const inUse = current[0].actions.length;
          const counted = result.rag.objectives.map((o) => o.reason);
          expect(counted).toEqual(checkWorkbook([grids[0], grids[1], grids[2], sheet], { today: date }).rag.objectives.map((o) => o.reason));
          // IDs unique within each JAP.
          for (const j of result.plan.japs) expect(new Set(j.actions.map((a) => a.id)).size).toBe(j.actions.length);
          // Record the review (twice when asked: the second replaces the first).
          const read = readPlan(grids);
          const jap = currentJaps(read)[0];
          for (let k = 0; k < (plan.twice ? 2 : 1); k++) {
            const rows = reviewRows(read, jap, date, k === 1 && jap.actions.length > 0 ? { [jap.actions[0].id]: "again" } : {}).rows;
            log = applyLogEdit(log, reviewLogEdit(readReviewLog([tableGrid("Review Log", REVIEW_LOG, log as unknown as Row[])]).rows, rows));
          }
          reviewed.push({ date, ids: jap.actions.map((a) => a.id) });
          expect(inUse).toBe(jap.actions.length);
          if (m === 11) break;
          // Some actions done this month, then carried over; new ones added.
          const doneNow = new Set(plan.done.map((i) => i % actions.length));
          actions = actions.map((a, i) => (doneNow.has(i) ? { ...a, status: "Done", pctComplete: 1 } : a));
          const withDone = japGrid({ distributor: "Andes Foods", month, jbpSheet: "JBP" }, actions, {}, `JAP m${m}`);
          japs[japs.length - 1] = withDone;
          const carried = carryOver(readPlan([jbpGrid(JBP_HEADER, soundObjectives()), withDone]).japs[0]);
          if (typeof carried === "string") throw new Error(carried);
          month = addMonths(month, 1)!;
          expect(carried.month).toBe(month);
          actions = [...carried.actions, ...Array.from({ length: plan.added }, (_, i) => newAction(next++, month, plan.pick + i))];
        }
        // Exactly one row per action per review, and the log reads back whole from its sheet.
        const back = readReviewLog([tableGrid("Review Log", REVIEW_LOG, log as unknown as Row[])]);
        expect(back.problems).toEqual([]);
        expect(back.rows).toHaveLength(reviewed.reduce((n, r) => n + r.ids.length, 0));
        for (const r of reviewed) expect(back.rows.filter((x) => x.date === r.date).map((x) => x.actionId)).toEqual(r.ids);
        // The trend has one point per review (a month left with no action has nothing to log), each counting that review's actions.
        const withRows = reviewed.filter((r) => r.ids.length > 0);
        const trend = planTrend(back.rows, "Andes Foods");
        expect(trend.map((p) => p.date)).toEqual(withRows.map((r) => r.date));
        trend.forEach((p) => expect(countRags(back.rows.filter((x) => x.date === p.date).map((x) => x.rag))).toEqual(p.counts));
        trend.forEach((p, i) => expect(Object.values(p.counts).reduce((a, b) => a + b, 0)).toBe(withRows[i].ids.length));
      }),
      { numRuns: 15 },
    );
  });
});
