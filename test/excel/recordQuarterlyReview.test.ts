/**
 * Record quarterly review in the simulated workbook: one row per objective in Quarterly Reviews (the
 * core's rows), the JBP's Last quarterly review set, the same quarter and date replaced (comments
 * kept), text never a formula, and the same syncs for a JBP ten times larger.
 */
import { insertPlanData } from "../../src/excel/insertTemplates";
import { recordQuarterlyReview } from "../../src/excel/recordQuarterlyReview";
import { quarterlyReviewRows, readQuarterlyReviews } from "../../src/plan/cycle";
import { serialFromIso } from "../../src/plan/model";
import { readPlan } from "../../src/plan/read";
import { simGrids } from "./support/grids";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

describe("recordQuarterlyReview", () => {
  const sim = useSim();
  const log = () => readQuarterlyReviews(simGrids(sim()));
  const day = serialFromIso("2026-07-06")!;

  it("records the core's rows for the quarter last ended, sets Last quarterly review, keeps text as text", async () => {
    await insertPlanData(scaledPlan(20));
    const plan = readPlan(simGrids(sim()));
    const { result, syncs } = await measure(sim(), () => recordQuarterlyReview({ date: "2026-07-06", comments: { "OBJ-1": "=SUM(1)" } }));
    expect(syncs).toBe(4);
    expect(result.message).toMatch(/^Recorded the quarterly review of 2026-07-06 \('JBP 2026' Q2 2026\): \d+ objectives in 'Quarterly Reviews' \(a new sheet\)\./);
    expect(result.message).toContain("Last quarterly review set to 2026-07-06.");
    expect(log().rows).toEqual(quarterlyReviewRows(plan.jbps[0], day, plan.settings, { "OBJ-1": "=SUM(1)" }));
    expect(Object.values(sim().snapshot("Quarterly Reviews")).every((c) => c.formula === null)).toBe(true);
    expect(readPlan(simGrids(sim())).jbps[0].header.lastReview).toBe(day);
  });

  it("replaces the same quarter recorded again on the same date, keeping the comments given then", async () => {
    await insertPlanData(scaledPlan(20));
    const first = await recordQuarterlyReview({ date: "2026-07-06", comments: { "OBJ-1": "first", "OBJ-2": "keep" } });
    const again = await measure(sim(), () => recordQuarterlyReview({ date: "2026-07-06", comments: { "OBJ-1": "second" } }));
    expect(again.syncs).toBe(6);
    expect(again.result.replaced).toBe(first.recorded);
    expect(again.result.message).toContain("keeping the comment given then");
    const rows = log().rows;
    expect(rows).toHaveLength(first.recorded);
    expect(rows.find((r) => r.objectiveId === "OBJ-1")!.comment).toBe("second");
    expect(rows.find((r) => r.objectiveId === "OBJ-2")!.comment).toBe("keep");
    const later = await measure(sim(), () => recordQuarterlyReview({ date: "2026-10-02" }));
    expect(later.syncs).toBe(5);
    expect(log().rows).toHaveLength(2 * first.recorded);
    expect(log().rows.slice(first.recorded).every((r) => r.quarter === "Q3")).toBe(true);
  });

  it("costs the same syncs for a plan ten times larger, with many past quarters", async () => {
    await insertPlanData(scaledPlan(200));
    for (const d of ["2026-04-02", "2026-07-02", "2026-10-02"]) await recordQuarterlyReview({ date: d });
    const { syncs } = await measure(sim(), () => recordQuarterlyReview({ date: "2026-12-20" }));
    expect(syncs).toBe(5);
  });

  it("refuses a comment for an objective no JBP has, writing nothing", async () => {
    await insertPlanData(scaledPlan(20));
    await expect(recordQuarterlyReview({ comments: { "OBJ-99": "x" } })).rejects.toMatchObject({ code: "invalidInput", message: expect.stringMatching(/OBJ-99/) });
    expect(sim().sheets().some((s) => s.name === "Quarterly Reviews")).toBe(false);
  });
});
