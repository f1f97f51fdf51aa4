/**
 * A year of monthly cycles in the simulated workbook: twelve reviews and eleven carry-overs on a
 * generated plan, with actions done and added along the way. Counts never double, IDs stay unique
 * per JAP, the Review Log has exactly one row per action per review, and every command costs the
 * same syncs in month 12 as in month 1.
 */
import { getOverview } from "../../src/excel/checkPlan";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { recordReview } from "../../src/excel/recordReview";
import { getReviewState } from "../../src/excel/reviewState";
import { TOP_COLS, TOP_ROWS } from "../../src/excel/readWorkbookState";
import { startNextMonth } from "../../src/excel/startNextMonth";
import { buildSummary } from "../../src/excel/summary";
import { TREND_ROWS, TREND_TITLE } from "../../src/plan/summary";
import { engineValuesOf } from "../../preview/engineValues";
import { planTrend, readReviewLog } from "../../src/plan/cycle";
import { addMonths, cellA1, isoFromSerial, japStandings, parseRangeA1, type JapPlan } from "../../src/plan/model";
import { readPlan } from "../../src/plan/read";
import { actionInUse } from "../../src/plan/rag";
import type { SimulatedExcel } from "../sim";
import { simGrids } from "./support/grids";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

/** A plan of `n` actions with unique IDs (the sample's deliberate duplicate renamed). */
function uniquePlan(n: number) {
  const data = scaledPlan(n);
  data.jap.actions = data.jap.actions.map((a, i) => ({ ...a, id: `A-${String(i + 1).padStart(3, "0")}` }));
  return data;
}

function current(sim: SimulatedExcel): JapPlan {
  const plan = readPlan(simGrids(sim));
  return japStandings(plan).find((s) => s.current)!.jap;
}

/** Writes `values` (header → value) into the JAP table row of action `id`, or into its first blank row (else just below it) when `id` is null. */
async function writeAction(sim: SimulatedExcel, sheet: string, id: string | null, values: Record<string, unknown>): Promise<void> {
  const t = sim.tables().find((x) => x.sheet === sheet)!;
  const r = parseRangeA1(t.address)!;
  const idCol = r.col + t.columns.indexOf("ID");
  for (let row = r.row + 1; row <= r.lastRow; row++) {
    const v = sim.cell(sheet, cellA1(row, idCol)).value;
    if (id === null ? v === "" : v === id) {
      for (const [h, value] of Object.entries(values)) await sim.userEdit(sheet, cellA1(row, r.col + t.columns.indexOf(h)), [[value]]);
      return;
    }
  }
  if (id !== null) throw new Error(`no row for ${id} in ${sheet}`);
  // No blank row left: typed just below the table, which takes the row in (auto-expansion).
  for (const [h, value] of Object.entries(values)) await sim.userEdit(sheet, cellA1(r.lastRow + 1, r.col + t.columns.indexOf(h)), [[value]]);
}

describe("a year of monthly cycles", () => {
  const sim = useSim();

  it("twelve reviews and eleven carry-overs: counts never double, IDs unique per JAP, one log row per action per review", async () => {
    await insertPlanData(uniquePlan(40));
    // With a RAG Summary, which each carry-over rebuilds over the new month.
    await buildSummary();
    const costs = { record: [] as number[], next: [] as number[] };
    const responses: number[] = [];
    let expectedLog = 0;
    const perReview: number[] = [];
    for (let m = 1; m <= 12; m++) {
      const jap = current(sim());
      const sheet = jap.position.sheet;
      const inUse = jap.actions.filter(actionInUse);
      // IDs unique in every month's JAP.
      const ids = inUse.map((a) => a.id.trim());
      expect(new Set(ids).size).toBe(ids.length);
      // Counts are the current month's only.
      expect((await getOverview()).actions).toBe(inUse.length);

      // Along the way: the first open action is done, and a new one is added.
      const open = inUse.find((a) => a.status !== "Done" && a.status !== "Cancelled");
      if (open) await writeAction(sim(), sheet, open.id, { Status: "Done", "% complete": 1 });
      await writeAction(sim(), sheet, null, { ID: `N-${String(m).padStart(2, "0")}`, Action: `New action of month ${m}`, Owner: "Ana Silva", Due: addMonths(jap.header.month!, 1)! - 1, Status: "Not started" });
      const reviewed = inUse.length + 1;

      const date = isoFromSerial(jap.header.month! + 24);
      const rec = await measure(sim(), () => recordReview({ date }));
      costs.record.push(rec.syncs);
      responses.push(sim().stats.batches.reduce((a, b) => a + b.responseBytes, 0));
      expect(rec.result.recorded).toBe(reviewed);
      expectedLog += reviewed;
      perReview.push(reviewed);
      expect(readReviewLog(simGrids(sim())).rows).toHaveLength(expectedLog);
      if (m < 12) {
        const next = await measure(sim(), () => startNextMonth());
        costs.next.push(next.syncs);
        expect(next.result.unreviewed).toEqual([]);
        expect(next.result.started).toHaveLength(1);
      }
    }
    // The first recording creates the log (4 syncs); from then on the same whatever the months.
    expect(costs.record).toEqual([4, ...Array(11).fill(5)]);
    expect(costs.next).toEqual(Array(11).fill(6));
    // What Record review reads grows with the months only by each history sheet's corner (its header
    // block, TOP_ROWS x TOP_COLS at most, whatever its actions) and the log's key columns: not by the
    // history JAPs' rows (40 actions x 23 columns a month would be about 15 KB more each month).
    const perMonth = (responses[11] - responses[1]) / 10;
    expect(perMonth).toBeLessThan(TOP_ROWS * TOP_COLS * 8 + 41 * 3 * 16);
    const log = readReviewLog(simGrids(sim()));
    expect(log.problems).toEqual([]);
    // One row per action per review, and one trend point per review.
    const trend = planTrend(log.rows);
    expect(trend).toHaveLength(12);
    expect(trend.map((p) => Object.values(p.counts).reduce((a, b) => a + b, 0))).toEqual(perReview);
    const state = await getReviewState();
    expect(state.japs).toHaveLength(1);
    // The pane reads the last six reviews back (TREND_REVIEWS).
    expect(state.japs[0].trend).toHaveLength(6);
    expect(state.japs[0].trend).toEqual(trend.slice(-6));
    // Each action's last six colours, the older four read as ID and RAG alone: the same as the whole log says.
    const a = state.japs[0].actions.find((x) => x.trend.length === 6)!;
    const fromLog = log.rows.filter((r) => r.actionId === a.id).slice(-6).map((r) => ({ date: r.date, rag: r.rag }));
    expect(a.trend).toEqual(fromLog);
    // The summary's trend: one row per review (the engine's values, as the preview shows them), under its chart.
    const values = engineValuesOf(sim())["RAG Summary"];
    const title = Object.entries(sim().snapshot("RAG Summary")).find(([, c]) => c.value === TREND_TITLE)![0];
    const first = Number(title.slice(1)) + 2;
    const rows = Array.from({ length: TREND_ROWS }, (_, i) => [values[`A${first + i}`], values[`F${first + i}`]]);
    expect(rows).toEqual(trend.map((p) => [p.date, perReview[trend.indexOf(p)]]));
    const chart = sim().charts("RAG Summary").find((c) => c.name === "JP_TrendChart")!;
    expect(chart.source).toBe(`'RAG Summary'!A${first - 1}:E${first - 1 + TREND_ROWS}`);
    // Twelve JAP sheets, eleven of them history.
    const plan = readPlan(simGrids(sim()));
    const standings = japStandings(plan);
    expect(standings).toHaveLength(12);
    expect(standings.filter((s) => s.current)).toHaveLength(1);
    expect(sim().sheets().filter((s) => s.tabColor !== null && s.tabColor !== "" && s.name.startsWith("JAP"))).toHaveLength(11);
  }, 120_000);
});
