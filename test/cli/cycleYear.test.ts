/**
 * A year of cycles on files (issue 13, item 8): twelve reviews and eleven carry-overs, an action done
 * and one added each month. Counts never double, IDs stay unique per JAP, the Review Log has exactly
 * one row per action per review, and every file goes through a rewrite without losing a part.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readReviewLog } from "../../src/plan/cycle";
import { currentJaps, currentPlan, isOpenStatus, japStandings } from "../../src/plan/model";
import { summaryFigures, summaryInput } from "../../src/plan/summary";
import { partsLostOnRewrite } from "../../src/xlsx/packageInventory";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { packageParts, sheetPartName, sheetTableNames, tablesReadBy } from "../xlsx/rawPackage";
import { planOfFile, runYear, YEAR_AS_OF, type MonthStep } from "./yearOfCycles";

let dir: string;
let steps: MonthStep[];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-year-"));
  steps = await runYear(dir);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inUse = (jap: ReturnType<typeof currentJaps>[number]) => jap.actions.filter((a) => a.id !== "");

describe("a year of monthly cycles on files", () => {
  it("records twelve reviews and makes eleven carry-overs, one JAP a month, the latest current", async () => {
    expect(steps).toHaveLength(12);
    expect(steps.filter((s) => s.next)).toHaveLength(11);
    const { plan } = await planOfFile(steps[11].reviewed);
    expect(plan.japs).toHaveLength(12);
    expect(japStandings(plan).map((s) => s.current)).toEqual([...Array(11).fill(false), true]);
    expect(currentJaps(plan)[0].position.sheet).toBe("JAP 2026-12");
  });

  it("has exactly one Review Log row per action per review", async () => {
    let expected = 0;
    for (const step of steps) {
      const { plan } = await planOfFile(step.reviewed);
      expected += inUse(currentJaps(plan)[0]).length;
      const log = readReviewLog(await readXlsx(readFileSync(step.reviewed)));
      expect(log.problems).toEqual([]);
      expect([step.month, log.rows.length]).toEqual([step.month, expected]);
      const keys = log.rows.map((r) => `${r.date}|${r.month}|${r.actionId}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("carries the open actions each month with IDs unique per JAP, and never counts an action twice", async () => {
    for (const step of steps.filter((s) => s.next)) {
      const before = currentJaps((await planOfFile(step.edited!)).plan)[0];
      const { plan } = await planOfFile(step.next!);
      const now = currentJaps(plan);
      expect(now).toHaveLength(1);
      const ids = inUse(now[0]).map((a) => a.id);
      expect(ids).toEqual(inUse(before).filter((a) => isOpenStatus(a.status)).map((a) => a.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(`N-${String(step.month).padStart(2, "0")}`);
      // The summary's figures are the current JAP's, whatever the months behind it.
      const figures = summaryFigures(currentPlan(plan), YEAR_AS_OF, summaryInput(currentPlan(plan), "RAG Summary"));
      expect([step.month, figures.all.total]).toEqual([step.month, ids.length]);
      // The JBP counts over the current JAP's table only.
      const parts = await packageParts(readFileSync(step.next!));
      const counts = [...parts[sheetPartName(parts, "JBP")].matchAll(/<f>([^<]*COUNTIFS[^<]*)<\/f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
      expect(counts.length).toBeGreaterThan(0);
      // By structured reference to the current JAP's table, and no other JAP's cells.
      const [current] = sheetTableNames(parts, now[0].position.sheet);
      for (const f of counts) {
        expect(tablesReadBy(f)).toEqual([current]);
        expect((f.match(/'[^']+'!/g) ?? []).every((ref) => ref === `'${now[0].position.sheet}'!`)).toBe(true);
      }
    }
  });

  it("says each month what was carried and left behind; never a review missing", () => {
    for (const step of steps.filter((s) => s.next)) {
      expect(step.nextOut).toMatch(/carried \d+ open actions/);
      expect(step.nextOut).not.toContain("has no review in the Review Log");
    }
  });

  it("loses no part in any file of the year", async () => {
    for (const step of steps) for (const file of [step.reviewed, step.next].filter((f): f is string => f !== undefined)) expect([file, await partsLostOnRewrite(readFileSync(file))]).toEqual([file, []]);
  });
});
