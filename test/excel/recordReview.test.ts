import { insertPlanData } from "../../src/excel/insertTemplates";
import { recordReview } from "../../src/excel/recordReview";
import { readReviewLog } from "../../src/plan/cycle";
import { serialFromIso } from "../../src/plan/model";
import { simGrids } from "./support/grids";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

describe("recordReview", () => {
  const sim = useSim();
  const log = () => readReviewLog(simGrids(sim()));

  it("creates the Review Log and records one row per action, its RAG as of the review date", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { result, syncs } = await measure(sim(), () => recordReview({ date: "2026-03-20", comments: { "A-01": "=HYPERLINK(\"x\")", "a-02": "+1+1" } }));
    expect(result.sheetName).toBe("Review Log");
    expect(result.message).toMatch(/^Recorded the review of 2026-03-20: \d+ actions of 1 current JAP in 'Review Log' \(a new sheet\)/);
    expect(syncs).toBe(4);
    const read = log();
    expect(read.problems).toEqual([]);
    expect(read.rows.length).toBe(result.recorded);
    expect(read.rows.length).toBeGreaterThan(15);
    expect(new Set(read.rows.map((r) => r.date))).toEqual(new Set([serialFromIso("2026-03-20")]));
    expect(read.rows.every((r) => ["Red", "Amber", "Green", "Grey"].includes(r.rag))).toBe(true);
    // User text stays text: the comment is no formula.
    const a01 = read.rows.find((r) => r.actionId === "A-01")!;
    expect(a01.comment).toBe("=HYPERLINK(\"x\")");
    expect(read.rows.find((r) => r.actionId === "A-02")!.comment).toBe("+1+1");
    const cells = Object.values(sim().snapshot("Review Log"));
    expect(cells.every((c) => c.formula === null)).toBe(true);
    expect(jap).toBeTruthy();
  });

  it("replaces the same review's rows when recorded again on the same date, and appends another date's", async () => {
    await insertPlanData(scaledPlan(20));
    const first = await recordReview({ date: "2026-03-20", comments: { "A-01": "=escalate", "A-03": "first word" } });
    const again = await measure(sim(), () => recordReview({ date: "2026-03-20", comments: { "A-03": "moved" } }));
    // One more read than a first recording: the replaced rows' comments, to keep them.
    expect(again.syncs).toBe(6);
    expect(again.result.replaced).toBe(first.recorded);
    expect(again.result.message).toMatch(/Replaced the \d+ rows this review already had \(recorded again on the same date\), keeping the comment given then\./);
    expect(log().rows.length).toBe(first.recorded);
    // A comment given now wins; one given only the first time stays, as text.
    expect(log().rows.find((r) => r.actionId === "A-03")!.comment).toBe("moved");
    expect(log().rows.find((r) => r.actionId === "A-01")!.comment).toBe("=escalate");
    expect(Object.values(sim().snapshot("Review Log")).every((c) => c.formula === null)).toBe(true);
    const later = await recordReview({ date: "2026-04-02" });
    expect(later.replaced).toBe(0);
    const rows = log().rows;
    expect(rows.length).toBe(2 * first.recorded);
    // The table took the rows in (written below it, auto-expansion), no row lost to a blank gap.
    const table = sim().tables().find((t) => t.sheet === "Review Log")!;
    expect(table.rowCount).toBe(rows.length);
    // The earlier date recorded again (not the tail any more): its rows blanked, the new ones at the end.
    await recordReview({ date: "2026-03-20" });
    const after = log().rows;
    expect(after.length).toBe(2 * first.recorded);
    expect(after.at(-1)!.date).toBe(serialFromIso("2026-03-20"));
  });

  it("refuses a comment for an ID no current JAP has, writing nothing", async () => {
    await insertPlanData(scaledPlan(20));
    await expect(recordReview({ comments: { "Z-99": "x" } })).rejects.toMatchObject({ code: "invalidInput", message: expect.stringMatching(/Z-99/) });
    expect(sim().sheets().some((s) => s.name === "Review Log")).toBe(false);
    await expect(recordReview({ date: "31/03/2026" })).rejects.toMatchObject({ code: "invalidInput" });
  });

  it("costs the same syncs whatever the number of actions", async () => {
    await insertPlanData(scaledPlan(400));
    await recordReview({ date: "2026-03-20" });
    const { syncs, maxBytes } = await measure(sim(), () => recordReview({ date: "2026-03-21" }));
    expect(syncs).toBe(5);
    expect(maxBytes).toBeLessThan(4 * 1024 * 1024);
  });
});
