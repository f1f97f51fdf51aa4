import { checkPlan, getOverview } from "../../src/excel/checkPlan";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { recordReview } from "../../src/excel/recordReview";
import { getReviewState } from "../../src/excel/reviewState";
import { HISTORY_TAB_COLOR, startNextMonth } from "../../src/excel/startNextMonth";
import { buildSummary } from "../../src/excel/summary";
import * as sheetReads from "../../src/excel/sheetReads";
import { readPlan } from "../../src/plan/read";
import { japStandings } from "../../src/plan/model";
import { simGrids } from "./support/grids";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

describe("startNextMonth", () => {
  const sim = useSim();

  it("starts next month's JAP with the open actions, after the old one, which becomes history", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const before = sim().snapshot(jap);
    const overview = await getOverview();
    const { result, syncs } = await measure(sim(), () => startNextMonth());
    // No Review Log to read: five.
    expect(syncs).toBe(5);
    expect(result.unreviewed).toEqual([jap]);
    const [s] = result.started;
    expect(s.from).toBe(jap);
    expect(s.carried.length).toBeGreaterThan(0);
    expect(s.carried.length + s.leftBehind.length).toBeLessThanOrEqual(20);
    expect(result.message).toMatch(new RegExp(`Started '${s.sheetName}'.*is now history`));
    const tabs = sim().sheets();
    const at = tabs.findIndex((t) => t.name === jap);
    expect(tabs[at + 1].name).toBe(s.sheetName);
    expect(tabs[at].tabColor).toBe(HISTORY_TAB_COLOR);
    // The old JAP's cells are as they were, but for the banner in the blank row above its table.
    const after = sim().snapshot(jap);
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    expect(changed).toHaveLength(1);
    expect(after[changed[0]].value).toMatch(/^History: this JAP of \d{4}-\d{2} is kept as it was/);

    // The new JAP is current; its IDs are the carried ones, unique.
    const plan = readPlan(simGrids(sim()));
    const standings = japStandings(plan);
    expect(standings.filter((x) => x.current).map((x) => x.jap.position.sheet)).toEqual([s.sheetName]);
    const ids = standings.find((x) => x.current)!.jap.actions.map((a) => a.id).filter((id) => id !== "");
    expect(ids).toEqual(s.carried);
    // Counts are about the current JAP only: never both months.
    const next = await getOverview();
    expect(next.actions).toBe(s.carried.length);
    expect(next.actions).toBeLessThanOrEqual(overview.actions);
    // The JBP's counts name the new JAP's table, not the old one's.
    const newTable = sim().tables().find((t) => t.sheet === s.sheetName)!.name;
    const oldTable = sim().tables().find((t) => t.sheet === jap)!.name;
    const jbpFormulas = Object.values(sim().snapshot("JBP 2026")).map((c) => c.formula ?? "").filter((f) => f.includes("COUNTIFS"));
    expect(jbpFormulas.length).toBeGreaterThan(0);
    expect(jbpFormulas.every((f) => f.includes(`${newTable}[`) && !f.includes(`${oldTable}[`))).toBe(true);
    // Check finds nothing new to say about the banner.
    const check = await checkPlan();
    expect(JSON.stringify(check)).not.toMatch(/History: this JAP/);
  });

  it("knows a reviewed month, and rebuilds the summary over the new month", async () => {
    await insertPlanData(scaledPlan(20));
    await recordReview();
    await buildSummary();
    const { result, syncs } = await measure(sim(), () => startNextMonth());
    expect(syncs).toBe(6);
    expect(result.unreviewed).toEqual([]);
    expect(result.summarySheet).toBe("RAG Summary");
    const newTable = sim().tables().find((t) => t.sheet === result.started[0].sheetName)!.name;
    const formulas = Object.values(sim().snapshot("RAG Summary")).map((c) => c.formula ?? "");
    expect(formulas.some((f) => f.includes(`${newTable}[RAG]`))).toBe(true);
    expect(sim().sheets().filter((x) => x.name.startsWith("RAG Summary"))).toHaveLength(1);
  });

  it("costs the same syncs whatever the number of actions and of past months", async () => {
    await insertPlanData(scaledPlan(300));
    const costs: number[] = [];
    for (let i = 0; i < 4; i++) {
      await recordReview();
      costs.push((await measure(sim(), () => startNextMonth())).syncs);
    }
    expect(costs).toEqual([6, 6, 6, 6]);
  });

  it("reads the same of the Review Log whatever the number of past months: its end, not its key columns", async () => {
    await insertPlanData(scaledPlan(100));
    // The cells each command asks of the Review Log's sheet.
    const reads = jest.spyOn(sheetReads, "readRects");
    const logCells = async <T>(f: () => Promise<T>): Promise<number> => {
      reads.mockClear();
      await f();
      return reads.mock.calls.flatMap(([, rects]) => rects).filter((r) => r.sheet === "Review Log").reduce((n, r) => n + r.rows * r.cols, 0);
    };
    // A review a month, each on its own date (recorded twice, as when a meeting is recorded again).
    const cells: number[][] = [];
    for (let m = 0; m < 14; m++) {
      const date = new Date(Date.UTC(2026, 0, 25) + m * 30 * 86_400_000).toISOString().slice(0, 10);
      cells.push([await logCells(() => recordReview({ date })), await logCells(() => recordReview({ date })), await logCells(() => getReviewState()), await logCells(() => startNextMonth())]);
    }
    reads.mockRestore();
    // Past the reviews the Review tab reads back (six), the same cells every month, though the log
    // grows by a review a month.
    expect(cells[13]).toEqual(cells[8]);
    expect(cells[13].every((n) => n > 0)).toBe(true);
  });
});
