import { insertPlanData } from "../../src/excel/insertTemplates";
import { recordReview } from "../../src/excel/recordReview";
import { lastReviewRows } from "../../src/excel/recentReviews";
import { getReviewState } from "../../src/excel/reviewState";
import { startNextMonth } from "../../src/excel/startNextMonth";
import { cellA1, parseRangeA1 } from "../../src/plan/model";
import { meetingPacks, packFigures, packReviewLog } from "../../src/plan/pack";
import { readPlan } from "../../src/plan/read";
import { SAMPLE_AS_OF } from "../../src/plan/sample";
import { simGrids } from "./support/grids";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

describe("getReviewState", () => {
  const sim = useSim();

  /** Sets an action's cell in a JAP table by its header. */
  function setAction(sheet: string, id: string, header: string, value: unknown) {
    const t = sim().tables().find((x) => x.sheet === sheet)!;
    const r = parseRangeA1(t.address)!;
    const col = r.col + t.columns.indexOf(header);
    for (let row = r.row + 1; row <= r.lastRow; row++) {
      if (sim().cell(sheet, cellA1(row, r.col)).value === id) return sim().setCells(sheet, cellA1(row, col), [[value]]);
    }
    throw new Error(`${id} not in ${sheet}`);
  }

  it("before any review: the actions as of today, no changes, no trend", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { result, syncs } = await measure(sim(), () => getReviewState());
    expect(syncs).toBe(3);
    expect(result.logSheet).toBeNull();
    expect(result.japs).toHaveLength(1);
    expect(result.japs[0]).toMatchObject({ sheet: jap, reviewed: false, lastReview: null, changes: null, trend: [] });
    expect(result.japs[0].actions.length).toBeGreaterThan(15);
  });

  it("after reviews: what changed since the last one, each action's colours, the plan's trend", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await recordReview({ date: "2026-01-10" });
    await recordReview({ date: "2026-01-20" });
    setAction(jap, "A-01", "Status", "Done");
    const { result, syncs } = await measure(sim(), () => getReviewState());
    expect(syncs).toBe(5);
    const j = result.japs[0];
    expect(j.reviewed).toBe(true);
    expect(j.trend).toHaveLength(2);
    expect(j.trend.map((p) => Object.values(p.counts).reduce((a, b) => a + b, 0))).toEqual([j.actions.length, j.actions.length]);
    const a01 = j.actions.find((a) => a.id === "A-01")!;
    expect(a01.trend).toHaveLength(2);
    expect(j.changes!.newlyDone.map((c) => c.actionId)).toContain("A-01");
    expect(j.changes!.then).toBe(j.lastReview);
  });

  it("after next month: the carried actions compared with last month's review (recorded the same day), in the same syncs", async () => {
    await insertPlanData(scaledPlan(200));
    await recordReview();
    const next = await startNextMonth();
    const { result, syncs } = await measure(sim(), () => getReviewState());
    expect(syncs).toBe(5);
    const j = result.japs[0];
    expect(j.sheet).toBe(next.started[0].sheetName);
    expect(j.reviewed).toBe(false);
    expect(j.actions.map((a) => a.id)).toEqual(next.started[0].carried);
    // The actions left behind (Done, Cancelled) are dropped since the last review.
    expect(j.changes!.dropped.map((c) => c.actionId).sort()).toEqual([...next.started[0].leftBehind].sort());
  });

  it("reads only the rows of each distributor's last reviews", () => {
    const keys = [1, 1, 2, 2, 3, 3].map((date) => ({ date, distributor: "Andes", month: 1, blank: false }));
    expect(lastReviewRows(keys, new Set(["andes"]), 2)).toEqual([2, 3, 4, 5]);
    expect(lastReviewRows(keys, new Set(["other"]), 2)).toEqual([]);
    // Two months reviewed on the same day are two reviews.
    const sameDay = [1, 2, 3].map((month) => ({ date: 9, distributor: "Andes", month, blank: false }));
    expect(lastReviewRows(sameDay, new Set(["andes"]), 2)).toEqual([1, 2]);
  });

  it("gives the meeting as the Meeting pack has it, every row pointing at its ID cell", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    await recordReview({ date: "2026-03-10" });
    const { result, syncs } = await measure(sim(), () => getReviewState());
    expect(syncs).toBe(5);
    const meeting = result.japs[0].meeting!;
    // The pack's own figures from the whole workbook, as the sheet would show them.
    const grids = simGrids(sim());
    const plan = readPlan(grids);
    const [pack] = meetingPacks(plan, packReviewLog(grids, plan), SAMPLE_AS_OF);
    const f = packFigures(plan, pack.subject, SAMPLE_AS_OF, pack.input);
    expect(meeting.asOf).toBe(SAMPLE_AS_OF);
    expect([meeting.planRag, meeting.why]).toEqual([f.figures.planRag, f.figures.why]);
    expect(meeting.objectives.map((o) => [o.id, o.rag, o.red, o.amber, o.green])).toEqual(f.lists.objectives.map((o) => [o.id, o.rag, o.red, o.amber, o.green]));
    expect(meeting.redAmber.map((a) => [a.id, a.rag, a.reason])).toEqual(f.lists.redAmber.map((a) => [a.id, a.rag, a.reason]));
    expect(meeting.overdue.map((a) => a.id)).toEqual(f.lists.overdue.map((a) => a.id));
    expect(meeting.redAmber.length).toBeGreaterThan(0);
    expect(meeting.objectives.length).toBeGreaterThan(0);
    for (const a of [...meeting.redAmber, ...meeting.overdue]) expect([a.sheet, sim().cell(a.sheet, a.cell).value]).toEqual([jap, a.id]);
    for (const o of meeting.objectives) expect(sim().cell(o.sheet, o.cell).value).toBe(o.id);
    expect(meeting.titles.redAmber).toBe(f.figures.redAmberTitle);
  });
});
