/**
 * `jointplan review IN OUT`: the Review Log of the copy holds one row per action of the current JAP,
 * each action's RAG as of the review date, comments as text; the same review recorded again replaces
 * its rows; the input is never written; what cannot be rewritten is refused in one line.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { readReviewLog } from "../../src/plan/cycle";
import { computePlanRag } from "../../src/plan/rag";
import { checkWorkbook } from "../../src/plan/rules";
import { parseCellA1, serialFromIso } from "../../src/plan/model";
import { meetingPacks, packReviewLog } from "../../src/plan/pack";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { sampleFile } from "../xlsx/fixtures";
import { LOSS_FEATURES } from "../xlsx/lossFixtures";
import { addToPackage, packageParts, sheetPartName } from "../xlsx/rawPackage";
import { cli, expectOneLineError } from "./runCli";

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-review-"));
  sample = path.join(dir, "sample.xlsx");
  writeFileSync(sample, await sampleFile());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => path.join(dir, name);
const logOf = async (file: string) => readReviewLog(await readXlsx(readFileSync(file)));

describe("jointplan review", () => {
  it("records one row per action of the current JAP, rated as of the review date, and leaves the input as it was", async () => {
    const before = readFileSync(sample);
    const run = await cli("review", sample, at("r1.xlsx"), "--date", "2026-03-10", "--comment", "A-01==SUM(1)", "--comment", "a-02=+call Ana");
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("Recorded the review of 2026-03-10 in 'Review Log':");
    expect(run.out).toMatch(/'JAP' \(.+, 2026-03\): 20 actions, 2 comments/);
    expect(readFileSync(sample).equals(before)).toBe(true);

    const log = await logOf(at("r1.xlsx"));
    expect(log.problems).toEqual([]);
    expect(log.rows).toHaveLength(20);
    const day = serialFromIso("2026-03-10")!;
    const plan = checkWorkbook(await readXlsx(before), { today: day }).plan;
    const rag = computePlanRag(plan, day);
    expect(log.rows.map((r) => [r.actionId, r.rag])).toEqual(rag.actions.filter((a) => a.id !== "").map((a) => [a.id, a.rag]));
    expect(new Set(log.rows.map((r) => r.date))).toEqual(new Set([day]));
    expect(log.rows.find((r) => r.actionId === "A-01")!.comment).toBe("=SUM(1)");
    expect(log.rows.find((r) => r.actionId === "A-02")!.comment).toBe("+call Ana");
    // Text, never a formula: no <f> in the Review Log's part holds it.
    const parts = await packageParts(readFileSync(at("r1.xlsx")));
    expect(parts[sheetPartName(parts, "Review Log")]).not.toMatch(/<f>[^<]*SUM\(1\)/);
    // The RAG Summary's trend counts the log: the file asks to be recalculated on open.
    expect(parts["xl/workbook.xml"]).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("rebuilds the Meeting pack: its last review is the one just recorded", async () => {
    const run = await cli("review", sample, at("packed.xlsx"), "--date", "2026-03-10");
    expect(run.out).toContain("Rebuilt 'Meeting pack' (about 'JAP'): the meeting pack of the current JAP.");
    const value = async (file: string): Promise<unknown> => {
      const grids = await readXlsx(readFileSync(file));
      const { plan, asOf } = checkWorkbook(grids, { today: serialFromIso("2026-03-18")! });
      const [pack] = meetingPacks(plan, packReviewLog(grids, plan), asOf);
      const at = parseCellA1(pack.layout.map.figures.lastReview)!;
      return grids.find((g) => g.name === "Meeting pack")!.values[at.row][at.col];
    };
    expect(await value(sample)).not.toBe(serialFromIso("2026-03-10"));
    expect(await value(at("packed.xlsx"))).toBe(serialFromIso("2026-03-10"));
  });

  it("replaces the rows of the same review recorded again, keeping its comments; another date adds a review", async () => {
    const again = await cli("review", at("r1.xlsx"), at("r2.xlsx"), "--date", "2026-03-10", "--comment", "A-03=new one");
    expect(again.code).toBe(0);
    expect(again.out).toContain("Replaced the 20 rows this review already had (recorded again on the same date), keeping 2 comments given then.");
    const log = await logOf(at("r2.xlsx"));
    expect(log.rows).toHaveLength(20);
    expect(log.rows.filter((r) => r.comment !== "").map((r) => [r.actionId, r.comment])).toEqual([
      ["A-01", "=SUM(1)"],
      ["A-02", "+call Ana"],
      ["A-03", "new one"],
    ]);
    expect((await cli("review", at("r2.xlsx"), at("r3.xlsx"), "--date", "2026-03-18")).code).toBe(0);
    const three = await logOf(at("r3.xlsx"));
    expect(three.rows).toHaveLength(40);
    expect(three.rows.slice(0, 20)).toEqual(log.rows);
    // The table grew with its rows: the log is an Excel table from its header to its last row.
    const parts = await packageParts(readFileSync(at("r3.xlsx")));
    const table = Object.entries(parts).find(([n, x]) => n.startsWith("xl/tables/") && x.includes('name="JP_ReviewLog"'))![1];
    expect(table).toMatch(/ ref="A1:O41"/);
  });

  it("defaults the date to today", async () => {
    expect((await cli("review", sample, at("today.xlsx"))).out).toContain("Recorded the review of 2026-03-18");
    expect(new Set((await logOf(at("today.xlsx"))).rows.map((r) => r.date))).toEqual(new Set([serialFromIso("2026-03-18")]));
  });

  it("refuses a comment for an action no current JAP has, writing nothing", async () => {
    const run = await cli("review", sample, at("bad.xlsx"), "--comment", "A-99=late", "--comment", "A-01=fine");
    expectOneLineError(run);
    expect(run.err).toBe("jointplan review: --comment A-99: no action with that ID in the current JAP ('JAP'); nothing was written\n");
    expect(() => readFileSync(at("bad.xlsx"))).toThrow();
    expectOneLineError(await cli("review", sample, at("bad.xlsx"), "--comment", "no equals sign"));
    expectOneLineError(await cli("review", sample, at("bad.xlsx"), "--comment", "A-01=x", "--comment", " a-01 =y"));
  });

  it("never writes its input, by the same path or another, and replaces OUT only with --force", async () => {
    const same = await cli("review", sample, sample);
    expectOneLineError(same);
    expect(same.err).toContain("jointplan never writes its input");
    linkSync(sample, at("linked.xlsx"));
    const linked = await cli("review", sample, at("linked.xlsx"), "--force");
    expectOneLineError(linked);
    expect(linked.err).toContain("is the input file");
    const exists = await cli("review", sample, at("r1.xlsx"));
    expectOneLineError(exists);
    expect(exists.err).toContain("already exists: give --force to replace it");
    expect((await cli("review", sample, at("r1.xlsx"), "--force", "--date", "2026-03-01")).code).toBe(0);
  });

  it("refuses a workbook whose rewrite would lose a user's chart, unless --allow-loss, and keeps the summary's own", async () => {
    const parts = await packageParts(readFileSync(sample));
    const chart = LOSS_FEATURES.find((f) => f.key === "chart")!;
    writeFileSync(at("chart.xlsx"), await addToPackage(readFileSync(sample), chart.add(sheetPartName(parts, "JAP"))));
    const run = await cli("review", at("chart.xlsx"), at("chart-out.xlsx"));
    expectOneLineError(run);
    expect(run.err).toBe("jointplan review: chart.xlsx: charts (1) would be lost in chart-out.xlsx (jointplan cannot write them back): give --allow-loss to write it without them\n");
    const allowed = await cli("review", at("chart.xlsx"), at("chart-out.xlsx"), "--allow-loss");
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain("Note: charts (1) would be lost (--allow-loss).");
    expect((await logOf(at("chart-out.xlsx"))).rows).toHaveLength(20);
    const out = await packageParts(readFileSync(at("chart-out.xlsx")));
    const frames = Object.entries(out).filter(([name]) => name.startsWith("xl/drawings/") && !name.includes("_rels")).flatMap(([, xml]) => [...xml.matchAll(/<xdr:cNvPr [^>]*name="([^"]*)"/g)].map((m) => m[1]));
    expect(frames.sort()).toEqual(["JP_RagChart", "JP_TrendChart"]);
  });

  it("adds a Review Log to a workbook that has none, and never writes over cells below the log", async () => {
    const noLog = await rewriteWorkbook(readFileSync(sample), (wb) => void wb.removeWorksheet(wb.getWorksheet("Review Log")!.id));
    writeFileSync(at("nolog.xlsx"), noLog);
    const run = await cli("review", at("nolog.xlsx"), at("nolog-out.xlsx"));
    expect(run.out).toContain("in 'Review Log' (a new sheet)");
    expect((await logOf(at("nolog-out.xlsx"))).rows).toHaveLength(20);

    const blocked = await rewriteWorkbook(readFileSync(at("r1.xlsx")), (wb) => void (wb.getWorksheet("Review Log")!.getCell("C30").value = "my note"));
    writeFileSync(at("blocked.xlsx"), blocked);
    const refused = await cli("review", at("blocked.xlsx"), at("blocked-out.xlsx"), "--date", "2026-03-20");
    expectOneLineError(refused);
    expect(refused.err).toContain("The Review Log cannot grow: cell C30 of 'Review Log', below its table, is not empty");
  });
});
