/**
 * `jointplan quarterly-review IN OUT` on the sample: one row per objective in Quarterly Reviews, the
 * quarter the last ended by the review date, the YTD figures by the core's pro-rata rule, the JBP's
 * Last quarterly review set; recorded again the same day, the rows are replaced and the comments kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { lastReviewCell, quarterlyReviewRows, readQuarterlyReviews } from "../../src/plan/cycle";
import { serialFromIso } from "../../src/plan/model";
import { checkWorkbook } from "../../src/plan/rules";
import { partsLostOnRewrite } from "../../src/xlsx/packageInventory";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { sampleFile } from "../xlsx/fixtures";
import { chartsOnSheet, packageParts, sheetPartName } from "../xlsx/rawPackage";
import { cli, expectOneLineError } from "./runCli";

let dir: string;
let sample: string;
const at = (name: string): string => path.join(dir, name);
const day = serialFromIso("2026-07-06")!;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-quarterly-"));
  sample = at("sample.xlsx");
  writeFileSync(sample, await sampleFile());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("jointplan quarterly-review", () => {
  it("records one row per objective for the quarter last ended, and sets the JBP's Last quarterly review", async () => {
    const before = readFileSync(sample);
    const run = await cli("quarterly-review", sample, at("q2.xlsx"), "--date", "2026-07-06", "--comment", "OBJ-1==push Q3");
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("Recorded the quarterly review of 2026-07-06 in 'Quarterly Reviews' (a new sheet):");
    expect(run.out).toMatch(/'JBP' \(.+, Q2 2026\): \d+ objectives, .* by YTD attainment/);
    expect(run.out).toContain("Set its Last quarterly review to 2026-07-06.");
    expect(readFileSync(sample).equals(before)).toBe(true);

    const grids = await readXlsx(readFileSync(at("q2.xlsx")));
    const log = readQuarterlyReviews(grids);
    expect(log.problems).toEqual([]);
    // The rows are the core's for the plan as it was, on that day.
    const { plan } = checkWorkbook(await readXlsx(before), { today: day });
    const want = quarterlyReviewRows(plan.jbps[0], day, plan.settings, { "OBJ-1": "=push Q3" })!;
    expect(log.rows).toEqual(want);
    expect(log.rows.every((r) => r.quarter === "Q2" && r.date === day)).toBe(true);
    expect(log.rows.find((r) => r.objectiveId === "OBJ-1")!.comment).toBe("=push Q3");
    const parts = await packageParts(readFileSync(at("q2.xlsx")));
    expect(parts[sheetPartName(parts, "Quarterly Reviews")]).not.toMatch(/<f>[^<]*push/);
    // The JBP's header: Last quarterly review is the review date.
    const after = checkWorkbook(grids, { today: day }).plan.jbps[0];
    const cell = lastReviewCell(grids.find((g) => g.name === "JBP")!, after)!;
    expect(grids.find((g) => g.name === "JBP")!.values[cell.row][cell.col]).toBe(day);
    expect(after.header.lastReview).toBe(day);
    expect(await partsLostOnRewrite(readFileSync(at("q2.xlsx")))).toEqual([]);
    // The summary is not rebuilt: its charts come through as they were stored.
    expect(chartsOnSheet(parts, "RAG Summary")!.charts).toEqual(chartsOnSheet(await packageParts(before), "RAG Summary")!.charts);
    expect(chartsOnSheet(parts, "RAG Summary")!.charts).toHaveLength(2);
  });

  it("replaces the same quarter recorded again on the same date, keeping its comments; another date adds rows", async () => {
    const again = await cli("quarterly-review", at("q2.xlsx"), at("q2-again.xlsx"), "--date", "2026-07-06", "--comment", "OBJ-2=new");
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/Replaced the \d+ rows this review already had \(recorded again on the same date\), keeping the comment given then\./);
    const first = readQuarterlyReviews(await readXlsx(readFileSync(at("q2.xlsx")))).rows;
    const rows = readQuarterlyReviews(await readXlsx(readFileSync(at("q2-again.xlsx")))).rows;
    expect(rows).toHaveLength(first.length);
    expect(rows.find((r) => r.objectiveId === "OBJ-1")!.comment).toBe("=push Q3");
    expect(rows.find((r) => r.objectiveId === "OBJ-2")!.comment).toBe("new");
    const later = await cli("quarterly-review", at("q2-again.xlsx"), at("q3.xlsx"), "--date", "2026-10-02");
    expect(later.out).toContain("Q3 2026");
    const all = readQuarterlyReviews(await readXlsx(readFileSync(at("q3.xlsx")))).rows;
    expect(all).toHaveLength(2 * first.length);
    expect(all.slice(first.length).every((r) => r.quarter === "Q3")).toBe(true);
  });

  it("refuses a comment for an objective no JBP has, and a JBP without a year, writing nothing", async () => {
    const unknown = await cli("quarterly-review", sample, at("x.xlsx"), "--comment", "OBJ-99=x");
    expectOneLineError(unknown);
    expect(unknown.err).toMatch(/^jointplan quarterly-review: --comment OBJ-99: no objective with that ID in 'JBP'; nothing was written\n$/);
    const help = await cli("quarterly-review", "--help");
    expect(help.out).toMatch(/^Usage: jointplan quarterly-review IN.xlsx OUT.xlsx/);
    const same = await cli("quarterly-review", sample, sample);
    expect(same.code).toBe(2);
    const noYear = await rewriteWorkbook(readFileSync(sample), (wb) => {
      const ws = wb.getWorksheet("JBP")!;
      ws.eachRow((row) => row.eachCell((cell) => void (cell.value === "Year" || cell.value === "Period start" ? (ws.getCell(cell.row, Number(cell.col) + 1).value = null) : undefined)));
    });
    writeFileSync(at("noyear.xlsx"), noYear);
    const refused = await cli("quarterly-review", at("noyear.xlsx"), at("noyear-out.xlsx"));
    expectOneLineError(refused);
    expect(refused.err).toMatch(/^jointplan quarterly-review: 'JBP' has no Year and no Period start, so its quarters are unknown: type its Year \(such as 2026\) first\. Nothing was written\.\n$/);
  });
});
