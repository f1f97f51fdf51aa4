import { carryOver, changesSinceLastReview, keepEarlierComments, planTrend, actionTrends, quarterlyReviewRows, readReviewLog, reviewLogEdit, applyLogEdit, reviewRows, ytdFigures, lastReviewCell, type ReviewLogRow } from "../../../src/plan/cycle";
import { currentJaps, japStandings, jbpHeaderValues, type SheetGrid } from "../../../src/plan/model";
import { JBP, REVIEW_LOG } from "../../../src/plan/layouts";
import { readPlan } from "../../../src/plan/read";
import { checkWorkbook } from "../../../src/plan/rules";
import { overviewOf } from "../../../src/plan/summary";
import { colOf, japGrid, tableGrid, type Row } from "../../support/planGrids";
import { AS_OF, d, JAP_HEADER, soundActions, soundPlan } from "../../support/soundPlan";

const april = (actions: Row[], header: Row = { ...JAP_HEADER, month: d("2026-04-01") }): SheetGrid => japGrid(header, actions, {}, "JAP 2026-04");

describe("current JAPs", () => {
  it("a distributor's latest month is current, earlier months are history", () => {
    const plan = readPlan([...soundPlan(), april(soundActions())]);
    const standings = japStandings(plan);
    expect(standings.map((s) => [s.jap.position.sheet, s.current, s.currentSheet])).toEqual([
      ["JAP", false, "JAP 2026-04"],
      ["JAP 2026-04", true, null],
    ]);
    expect(currentJaps(plan).map((j) => j.position.sheet)).toEqual(["JAP 2026-04"]);
  });

  it("each distributor has its own current JAP; a JAP without a month stays current", () => {
    const other = japGrid({ distributor: "Lima Trade", month: d("2026-02-01") }, soundActions(), {}, "JAP Lima");
    const noMonth = japGrid({ distributor: "Andes Foods" }, soundActions(), {}, "JAP draft");
    const plan = readPlan([...soundPlan(), other, noMonth]);
    expect(currentJaps(plan).map((j) => j.position.sheet)).toEqual(["JAP", "JAP Lima", "JAP draft"]);
  });

  it("the month comes from the sheet name when the header has none, and the distributor from the linked JBP", () => {
    const grids = [...soundPlan({ japHeader: { jbpSheet: "JBP" } }), japGrid({ jbpSheet: "JBP" }, soundActions(), {}, "JAP 2026-05")];
    grids[0] = { ...grids[0] };
    const plan = readPlan(grids.map((g) => (g.name === "JAP" ? { ...g, name: "JAP 2026-03" } : g)));
    const s = japStandings(plan);
    expect(s.map((x) => [x.cycle.distributor, x.cycle.month, x.current])).toEqual([
      ["Andes Foods", d("2026-03-01"), false],
      ["Andes Foods", d("2026-05-01"), true],
    ]);
  });

  it("two JAPs of one distributor and month: only the first counts, and Check says so", () => {
    const grids = [...soundPlan(), japGrid(JAP_HEADER, soundActions(), {}, "JAP (2)")];
    const result = checkWorkbook(grids, { today: AS_OF });
    expect(currentJaps(result.plan).map((j) => j.position.sheet)).toEqual(["JAP"]);
    const dup = result.findings.filter((f) => f.rule === "structure.duplicateJap");
    expect(dup).toHaveLength(1);
    expect(dup[0].message).toContain("only 'JAP' is counted");
    // The JBP's roll-up counts the four actions once, not twice.
    expect(result.rag.objectives).toEqual(checkWorkbook(soundPlan(), { today: AS_OF }).rag.objectives);
  });

  it("a JAP whose month lies outside its JBP's year is a warning", () => {
    const result = checkWorkbook(soundPlan({ japHeader: { ...JAP_HEADER, month: d("2027-01-01") } }), { today: AS_OF });
    const f = result.findings.filter((x) => x.rule === "date.japOutsideJbpYear");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("2027-01");
    expect(checkWorkbook(soundPlan(), { today: AS_OF }).findings.some((x) => x.rule === "date.japOutsideJbpYear")).toBe(false);
  });

  it("the overview counts the current JAPs' actions only", () => {
    const two = overviewOf(checkWorkbook([...soundPlan(), april(soundActions())], { today: AS_OF }));
    expect(two.actions).toBe(4);
    expect(two.actionRags.every((a) => a.sheet === "JAP 2026-04")).toBe(true);
  });

  it("the roll-up counts current JAPs only: history is not counted again", () => {
    const once = checkWorkbook(soundPlan(), { today: AS_OF });
    const twice = checkWorkbook([...soundPlan(), april(soundActions())], { today: AS_OF });
    expect(twice.rag.objectives.map((o) => o.reason)).toEqual(once.rag.objectives.map((o) => o.reason));
    // Both months' actions are still rated (the history sheet keeps its colours).
    expect(twice.rag.actions).toHaveLength(2 * once.rag.actions.length);
  });
});

describe("Record review", () => {
  const plan = readPlan(soundPlan());
  const jap = plan.japs[0];

  it("one row per action in use, RAG as of the review date, comments by ID, override and reason", () => {
    const r = reviewRows(plan, jap, AS_OF, { "a-1": "=Q1 push on the north", "A-9": "no such action" });
    expect(r.rows.map((x) => x.actionId)).toEqual(["A-1", "A-2", "A-3", "A-4"]);
    expect(r.rows[0]).toMatchObject({ date: AS_OF, distributor: "Andes Foods", month: d("2026-03-01"), owner: "Bruno Costa", status: "In progress", pctComplete: 0.5, target: 40, actual: 18, comment: "=Q1 push on the north" });
    expect(r.rows[3]).toMatchObject({ rag: "Amber", ragOverride: "Amber", overrideReason: "Waiting for ERP change" });
    expect(r.rows[1]).toMatchObject({ rag: "Green", ragOverride: null, overrideReason: "" });
    expect(r.unknownComments).toEqual(["A-9"]);
    // As of a later date the colours are those of that date: A-1 is overdue in April.
    const later = reviewRows(plan, jap, d("2026-04-05"));
    expect(later.rows[0].rag).toBe("Red");
  });

  it("recording the same JAP and date again replaces its rows; another date appends", () => {
    const first = reviewRows(plan, jap, AS_OF).rows;
    let log: ReviewLogRow[] = applyLogEdit([], reviewLogEdit([], first));
    const again = reviewLogEdit(log, reviewRows(plan, jap, AS_OF, { "A-1": "changed" }).rows);
    expect(again.replaced).toBe(4);
    expect(again.deleteRuns).toEqual([[0, 4]]);
    log = applyLogEdit(log, again);
    expect(log).toHaveLength(4);
    expect(log[0].comment).toBe("changed");
    log = applyLogEdit(log, reviewLogEdit(log, reviewRows(plan, jap, AS_OF + 7).rows));
    expect(log).toHaveLength(8);
  });

  it("a review recorded again keeps each action's earlier comment unless a new one is given", () => {
    const earlier = reviewRows(plan, jap, AS_OF, { "A-1": "first", "A-2": "=keep me" }).rows;
    const now = reviewRows(plan, jap, AS_OF, { "A-1": "second" }).rows;
    // IDs match as the log matches them: spaces and case aside.
    const kept = keepEarlierComments(now, earlier.map((r) => ({ ...r, actionId: ` ${r.actionId.toLowerCase()} ` })), "actionId");
    expect(kept).toBe(1);
    expect(now.map((r) => r.comment)).toEqual(["second", "=keep me", "", ""]);
  });

  it("the log reads back from its sheet as it was written", () => {
    const rows = reviewRows(plan, jap, AS_OF, { "A-2": "+ early" }).rows;
    const grid = tableGrid("Review Log", REVIEW_LOG, rows as unknown as Row[]);
    const read = readReviewLog([grid]);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual(rows);
  });

  it("a row that cannot be read is reported with its place, not dropped silently", () => {
    const rows = reviewRows(plan, jap, AS_OF).rows as unknown as Row[];
    const grid = tableGrid("Review Log", REVIEW_LOG, [{ ...rows[0], date: "last Tuesday" }, rows[1]]);
    const read = readReviewLog([grid]);
    expect(read.rows).toHaveLength(1);
    expect(read.problems[0].message).toMatch(/Row 2 of 'Review Log': date/);
  });
});

describe("what changed since the last review", () => {
  const row = (id: string, patch: Partial<ReviewLogRow>): ReviewLogRow => ({ date: 0, distributor: "Andes Foods", month: d("2026-03-01"), actionId: id, action: `Action ${id}`, owner: "Ana", status: "In progress", pctComplete: 0.5, due: d("2026-03-30"), actual: null, target: null, rag: "Green", ragOverride: null, overrideReason: "", comment: "", ...patch });

  it("turned Red, recovered, due moved, newly done, newly overdue, new, dropped, counts then and now", () => {
    const t1 = d("2026-03-20");
    const t2 = d("2026-04-20");
    const log = [
      row("A", { date: t1, rag: "Green" }),
      row("B", { date: t1, rag: "Red" }),
      row("C", { date: t1, rag: "Amber" }),
      row("D", { date: t1 }),
      row("E", { date: t1, due: d("2026-04-30") }),
      row("A", { date: t2, rag: "Red", month: d("2026-04-01") }),
      row("B", { date: t2, rag: "Green", month: d("2026-04-01") }),
      row("C", { date: t2, rag: "Green", status: "Done", pctComplete: 1, due: d("2026-04-10"), month: d("2026-04-01") }),
      row("E", { date: t2, rag: "Red", month: d("2026-04-01") }),
      row("F", { date: t2, rag: "Amber", month: d("2026-04-01") }),
      // Another distributor's review is not this plan's.
      row("A", { date: t2, distributor: "Lima Trade", rag: "Grey" }),
    ];
    const c = changesSinceLastReview(log, "andes  foods")!;
    expect(c.then).toBe(t1);
    expect(c.now).toBe(t2);
    const ids = (xs: { actionId: string }[]) => xs.map((x) => x.actionId);
    expect(ids(c.turnedRed)).toEqual(["A", "E"]);
    expect(ids(c.recovered)).toEqual(["B", "C"]);
    expect(c.dueMoved.map((x) => [x.actionId, x.dueThen, x.dueNow])).toEqual([
      ["C", d("2026-03-30"), d("2026-04-10")],
      ["E", d("2026-04-30"), d("2026-03-30")],
    ]);
    expect(ids(c.newlyDone)).toEqual(["C"]);
    // Open and past due on 20 April, not on 20 March (or not there then): C is done.
    expect(ids(c.newlyOverdue)).toEqual(["A", "B", "E", "F"]);
    expect(ids(c.added)).toEqual(["F"]);
    expect(ids(c.dropped)).toEqual(["D"]);
    expect(c.countsThen).toEqual({ Red: 1, Amber: 1, Green: 3, Grey: 0 });
    expect(c.countsNow).toEqual({ Red: 2, Amber: 1, Green: 2, Grey: 0 });
  });

  it("a first review has nothing to compare with; no review gives null", () => {
    const c = changesSinceLastReview([row("A", { date: 5 })], "Andes Foods")!;
    expect(c.then).toBeNull();
    expect(c.added).toEqual([]);
    expect(changesSinceLastReview([], "Andes Foods")).toBeNull();
  });

  it("trend: one point per review, each action's last colours", () => {
    const log = [row("A", { date: 1, rag: "Green" }), row("B", { date: 1, rag: "Red" }), row("A", { date: 2, rag: "Amber" }), row("A", { date: 3, rag: "Red" })];
    expect(planTrend(log, "Andes Foods")).toEqual([
      { date: 1, counts: { Red: 1, Amber: 0, Green: 1, Grey: 0 } },
      { date: 2, counts: { Red: 0, Amber: 1, Green: 0, Grey: 0 } },
      { date: 3, counts: { Red: 1, Amber: 0, Green: 0, Grey: 0 } },
    ]);
    expect(actionTrends(log, "Andes Foods", 2).get("a")).toEqual([{ date: 2, rag: "Amber" }, { date: 3, rag: "Red" }]);
  });
});

describe("Start next month", () => {
  it("carries open actions as they stand; Done and Cancelled stay behind", () => {
    const actions = soundActions();
    actions.push({ ...actions[0], id: "A-5", status: "Cancelled" });
    const plan = readPlan(soundPlan({ actions: () => actions }));
    const next = carryOver(plan.japs[0], plan.jbps);
    if (typeof next === "string") throw new Error(next);
    expect(next.month).toBe(d("2026-04-01"));
    expect(next.distributor).toBe("Andes Foods");
    expect(next.carried).toEqual(["A-1", "A-3", "A-4"]);
    expect(next.leftBehind).toEqual(["A-2", "A-5"]);
    expect(next.actions[0]).toMatchObject({ id: "A-1", objectiveId: "O-1", start: d("2026-03-02"), due: d("2026-03-31"), pctComplete: 0.5, lastUpdate: d("2026-03-16"), nextStep: "Visit north region" });
    expect(next.actions[0]).not.toHaveProperty("rag");
    expect(next.actions[0]).not.toHaveProperty("issues");
    expect(next.actions[2]).toMatchObject({ ragOverride: "Amber", overrideReason: "Waiting for ERP change" });
  });

  it("a JAP without a month says why there is no next month", () => {
    const plan = readPlan(soundPlan({ japHeader: { distributor: "Andes Foods" } }));
    expect(carryOver(plan.japs[0], plan.jbps)).toMatch(/has no Month/);
  });
});

describe("quarterly JBP review", () => {
  it("after a quarter ends, an objective without its actual is a Check warning", () => {
    const result = checkWorkbook(soundPlan({ settings: { asOf: d("2026-07-05") } }), { today: AS_OF });
    const msgs = result.findings.filter((f) => f.rule === "kpi.quarterActualMissing").map((f) => [f.cell, f.message.split(".")[0]]);
    expect(msgs).toEqual([
      [`${colOf(JBP, "q2Actual")}11`, "Q2 actual is empty for O-1, and Q2 ended on 30 June"],
      [`${colOf(JBP, "q1Actual")}12`, "Q1 actual is empty for O-2, and Q1 ended on 31 March"],
      [`${colOf(JBP, "q2Actual")}12`, "Q2 actual is empty for O-2, and Q2 ended on 30 June"],
    ]);
    expect(checkWorkbook(soundPlan(), { today: AS_OF }).findings.some((f) => f.rule === "kpi.quarterActualMissing")).toBe(false);
  });

  it("YTD counts ended quarters in full and the quarter in progress pro rata to its days", () => {
    const plan = readPlan(soundPlan({ objectives: (o) => o.map((x, i) => (i === 0 ? { ...x, q1Actual: 2900, q2Actual: 1500 } : x)) }));
    const o = plan.jbps[0].objectives[0];
    const q = jbpHeaderValues(plan.jbps[0]);
    // 15 May: Q1 ended (3000 / 2900); Q2 (1 April to 30 June, 91 days) is 45 days in: 3000 × 45/91.
    const y = ytdFigures(o, q, d("2026-05-15"));
    expect(y.ytdTarget).toBeCloseTo(3000 + (3000 * 45) / 91, 6);
    expect(y.ytdActual).toBe(4400);
    expect(y.pctToTarget).toBeCloseTo(4400 / (3000 + (3000 * 45) / 91), 6);
    // Compared with the whole quarter's target it would read 4400 / 6000 = 73 % (Red).
    expect(y.pctToTarget!).toBeGreaterThan(0.95);
  });

  it("a KPI that is not a flow weights its quarters by days (a rate is not pro-rated)", () => {
    const plan = readPlan(soundPlan({ objectives: (o) => o.map((x, i) => (i === 1 ? { ...x, q1Actual: 0.06, q2Actual: 0.05 } : x)) }));
    const y = ytdFigures(plan.jbps[0].objectives[1], jbpHeaderValues(plan.jbps[0]), d("2026-05-15"));
    const days1 = 90;
    expect(y.ytdTarget).toBeCloseTo((0.06 * days1 + 0.05 * 45) / (days1 + 45), 9);
    expect(y.pctToTarget).toBeCloseTo(1, 9);
  });

  it("review rows: each objective's quarter, YTD figures and RAG; the Last quarterly review cell", () => {
    const grids = soundPlan({ objectives: (o) => o.map((x, i) => (i === 0 ? { ...x, q1Actual: 2000 } : x)) });
    const plan = readPlan(grids);
    const rows = quarterlyReviewRows(plan.jbps[0], d("2026-04-10"), plan.settings, { "O-1": "Behind: new listings late" })!;
    expect(rows.map((r) => [r.objectiveId, r.quarter, r.quarterTarget, r.quarterActual, r.rag, r.comment])).toEqual([
      ["O-1", "Q1", 3000, 2000, "Red", "Behind: new listings late"],
      ["O-2", "Q1", 0.06, null, "Grey", ""],
    ]);
    const jbpGrid = grids.find((g) => g.name === "JBP")!;
    expect(lastReviewCell(jbpGrid, plan.jbps[0])).toEqual({ row: 7, col: 1 });
  });
});
