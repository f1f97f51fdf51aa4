/**
 * After eleven carry-overs on files (test/cli/yearOfCycles.ts), LibreOffice recalculates the final
 * workbook: the JBP's action counts and RAG, and the RAG Summary's plan RAG and "All actions" row,
 * equal the engine's over the current JAP (not the twelve months added together); the Meeting pack,
 * rebuilt by every review and carry-over, is about the current JAP and recalculates to the engine's.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { currentPlan, type CellValue } from "../../src/plan/model";
import { summaryFigures, summaryInput, TREND_ROWS, TREND_TITLE } from "../../src/plan/summary";
import { planTrend, readReviewLog } from "../../src/plan/cycle";
import { checkWorkbook } from "../../src/plan/rules";
import { meetingPacks, packReviewLog } from "../../src/plan/pack";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { planOfFile, runYear, YEAR_AS_OF } from "../cli/yearOfCycles";
import { differences } from "./packDifferences";
import { describeWithSoffice, recalculate } from "./soffice";

describeWithSoffice("a year of cycles recalculated by LibreOffice", (soffice) => {
  let dir: string;
  let engine: Awaited<ReturnType<typeof planOfFile>>;
  let lo: Awaited<ReturnType<typeof readXlsx>>;
  let grids: Awaited<ReturnType<typeof readXlsx>>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-year-"));
    const steps = await runYear(dir);
    const final = steps[11].reviewed;
    engine = await planOfFile(final);
    grids = await readXlsx(readFileSync(final));
    lo = await readXlsx(recalculate(soffice, [final], path.join(dir, "out"))[0]);
  }, 400_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the JBP's action counts and RAG the engine gives over the current JAP", () => {
    const jbp = engine.plan.jbps[0];
    const grid = lo.find((g) => g.name === jbp.position.sheet)!;
    const recalculated = checkWorkbook(lo, { today: YEAR_AS_OF });
    const current = currentPlan(engine.plan).japs[0];
    const ragOf = new Map(engine.rag.actions.map((r) => [`${r.sheet}!${r.row}`, r.rag]));
    const diffs: string[] = [];
    for (const o of jbp.objectives.filter((x) => x.id !== "")) {
      const mine = current.actions.filter((a) => a.objectiveId.trim().toLowerCase() === o.id.trim().toLowerCase()).map((a) => ragOf.get(`${a.source.sheet}!${a.source.row}`));
      for (const [key, rag] of [["actionsRed", "Red"], ["actionsAmber", "Amber"], ["actionsGreen", "Green"]] as const) {
        const cell = grid.values[o.source.row][jbp.position.columns[key]];
        const expected = mine.filter((r) => r === rag).length;
        if (cell !== expected) diffs.push(`${o.id} ${key}: LibreOffice ${String(cell)}, engine ${expected}`);
      }
      const rag = grid.values[o.source.row][jbp.position.columns.rag];
      const ts = engine.rag.objectives.find((r) => r.row === o.source.row)!.rag;
      if (rag !== ts) diffs.push(`${o.id} RAG: LibreOffice ${String(rag)}, engine ${ts}`);
    }
    expect(diffs).toEqual([]);
    expect(recalculated.rag.plan.rag).toBe(engine.rag.plan.rag);
  });

  it("gives the RAG Summary's plan RAG and All actions row of the current JAP only", () => {
    const grid = lo.find((g) => g.name === "RAG Summary")!;
    const cellRight = (label: string): CellValue[] => grid.values.find((row) => row[0] === label)!.slice(1, 8);
    const f = summaryFigures(currentPlan(engine.plan), YEAR_AS_OF, summaryInput(currentPlan(engine.plan), "RAG Summary"));
    expect(cellRight("Plan RAG")[0]).toBe(f.planRag);
    const all = cellRight("All actions");
    expect(all.slice(0, 6)).toEqual([f.all.Red, f.all.Amber, f.all.Green, f.all.Grey, f.all.overridden, f.all.total]);
    expect(f.all.total).toBe(currentPlan(engine.plan).japs[0].actions.filter((a) => a.id !== "").length);
    expect(engine.plan.japs).toHaveLength(12);
  });

  it("shows the plan's RAG by review on the RAG Summary: one row per review, the engine's planTrend of the Review Log", () => {
    const grid = lo.find((g) => g.name === "RAG Summary")!;
    const title = grid.values.findIndex((row) => row[0] === TREND_TITLE);
    expect(title).toBeGreaterThan(0);
    const rows = grid.values.slice(title + 2, title + 2 + TREND_ROWS).map((row) => row.slice(0, 6));
    const points = planTrend(readReviewLog(grids).rows).slice(-TREND_ROWS);
    expect(points).toHaveLength(12);
    const expected = points.map((p) => [p.date, p.counts.Red, p.counts.Amber, p.counts.Green, p.counts.Grey, p.counts.Red + p.counts.Amber + p.counts.Green + p.counts.Grey]);
    expect(rows).toEqual(expected);
    // Every month's actions were rated: the counts are not all of one colour, and each review has rows.
    expect(new Set(rows.map((r) => r[5])).size).toBeGreaterThan(1);
    expect(rows.every((r) => (r[5] as number) > 0)).toBe(true);
  });

  it("keeps the Meeting pack about the current JAP, recalculating to the engine's cell by cell", () => {
    const current = currentPlan(engine.plan).japs[0];
    const [pack] = meetingPacks(engine.plan, packReviewLog(grids, engine.plan), engine.asOf, [], () => "Meeting pack");
    expect(pack.subject.jap.position.sheet).toBe(current.position.sheet);
    const { diffs, compared } = differences(lo, pack, YEAR_AS_OF);
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(100);
    // The pack's JAP is named in G2: the one the recalculated sheet is about.
    expect(lo.find((g) => g.name === "Meeting pack")!.values[1][6]).toBe(current.position.sheet);
  });
});
