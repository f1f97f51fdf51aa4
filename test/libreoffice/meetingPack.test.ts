/**
 * The Meeting pack in a real spreadsheet engine (issue 14): LibreOffice recalculates the pack of
 * the sample (`jointplan new --sample`) and of generated plans (edge rows and random mixes, both
 * roll-up methods, a Review Log of an earlier review with colours changed since), and every formula
 * cell of the pack, figure by figure and list row by row, equals what the engine gives (packFigures
 * over the plan as LibreOffice's file reads back). The sample's pack also prints on exactly one
 * landscape page, A4 and Letter, and is rendered to PNG with the end-to-end screenshots.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { DEFAULT_SETTINGS, parseCellA1, type RosterEntry, serialFromYmd, type Settings, type SheetGrid, todaySerial } from "../../src/plan/model";
import { checkWorkbook } from "../../src/plan/rules";
import { reviewRows } from "../../src/plan/cycle";
import { packFigures, packValues } from "../../src/plan/pack";
import { specGrid } from "../../src/plan/sheets";
import { newWorkbook, type NewWorkbook } from "../../src/plan/workbook";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { cli, FIXED_NOW } from "../cli/runCli";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { packageParts, sheetPartName } from "../xlsx/rawPackage";
import { generatePlan, type Row } from "./generatePlan";
import { differences } from "./packDifferences";
import { describeWithSoffice, printToPdf, recalculate } from "./soffice";

const SCREENSHOTS = path.resolve(__dirname, "../../test-output/screenshots");
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8", timeout: 120_000 });

interface Case {
  name: string;
  asOf: number;
  actions: number;
  seed: number;
  settings: Settings;
}

const CASES: Case[] = [
  { name: "mid-month", asOf: serialFromYmd(2026, 3, 18)!, actions: 90, seed: 14, settings: DEFAULT_SETTINGS },
  { name: "average", asOf: serialFromYmd(2026, 11, 30)!, actions: 150, seed: 1411, settings: { ...DEFAULT_SETTINGS, rollUp: "Average score", staleDays: 14 } },
];

/** A generated plan with a Review Log: the JAP as reviewed 20 days earlier, some colours changed since. */
function generatedWorkbook(c: Case): NewWorkbook {
  const g = generatePlan(c.asOf, c.actions, c.seed);
  const data = {
    settings: { ...c.settings, asOf: c.asOf },
    roster: g.roster.map((r) => r as unknown as RosterEntry),
    jbp: { header: { principal: "P", distributor: "Dist & Co", year: g.year }, objectives: g.objectives },
    jap: { header: { distributor: "Dist & Co", month: serialFromYmd(g.year, g.month, 1) }, actions: g.actions },
  };
  const first = newWorkbook(data);
  const grids = first.specs.map(specGrid);
  const plan = checkWorkbook(grids, { today: c.asOf }).plan;
  const then = c.asOf - 20;
  const flip: Record<string, string> = { Red: "Green", Green: "Amber", Amber: "Red", Grey: "Grey" };
  const log: Row[] = reviewRows(plan, plan.japs[0], then).rows.map((r, i) => ({ ...r, rag: i % 3 === 0 ? flip[r.rag] : r.rag, distributor: i % 7 === 0 ? " dist & co " : r.distributor }));
  // Another distributor's review on a later day: never counted for this one.
  log.push({ ...log[0], date: c.asOf - 5, distributor: "Other", rag: "Red" });
  return newWorkbook({ ...data, reviewLog: log });
}

describeWithSoffice("the Meeting pack in LibreOffice", (soffice) => {
  let dir: string;
  const recalculated = new Map<string, SheetGrid[]>();
  const workbooks = new Map<string, NewWorkbook>();
  let samplePdf: string;
  let sampleFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-pack-"));
    sampleFile = path.join(dir, "sample.xlsx");
    expect((await cli("new", sampleFile, "--sample")).code).toBe(0);
    const files = [sampleFile];
    for (const c of CASES) {
      const wb = generatedWorkbook(c);
      workbooks.set(c.name, wb);
      const file = path.join(dir, `${c.name}.xlsx`);
      writeFileSync(file, (await writeXlsx(wb.specs)).bytes);
      files.push(file);
    }
    const outputs = recalculate(soffice, files, path.join(dir, "out"));
    recalculated.set("sample", await readXlsx(outputs[0]));
    for (let i = 0; i < CASES.length; i++) recalculated.set(CASES[i].name, await readXlsx(outputs[i + 1]));
    [samplePdf] = printToPdf(soffice, [sampleFile], path.join(dir, "pdf"));
  }, 300_000);
  afterAll(() => (process.env.JOINTPLAN_KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

  it("recalculates the sample's pack to the engine's figures and lists, cell by cell", async () => {
    const grids = recalculated.get("sample")!;
    // The pack as `jointplan new --sample` planned it (the same input on the same day).
    const wb = sampleWorkbook();
    const { diffs, compared } = differences(grids, wb.packs[0], wb.asOf);
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(100);
    // The file carries the engine's values as cached values: what a previewer shows before any recalculation.
    const cached = (await readXlsx(sampleFile)).find((g) => g.name === "Meeting pack")!;
    const planRag = parseCellA1(wb.packs[0].layout.map.figures.planRag)!;
    expect(cached.values[planRag.row][planRag.col]).toBe(wb.packCells["Meeting pack"][wb.packs[0].layout.map.figures.planRag]);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("recalculates the pack of the generated plan %s to the engine's, cell by cell", (name, c) => {
    const wb = workbooks.get(name)!;
    const { diffs, compared } = differences(recalculated.get(name)!, wb.packs[0], c.asOf);
    expect(diffs).toEqual([]);
    expect(compared).toBeGreaterThan(100);
    // The generated plan fills the lists and the review comparison.
    const values = packValues(wb.packs[0].layout, packFigures(checkWorkbook(recalculated.get(name)!, { today: c.asOf }).plan, wb.packs[0].subject, c.asOf, wb.packs[0].input));
    const f = wb.packs[0].layout.map.figures;
    expect(typeof values[f.lastReview]).toBe("number");
    expect(values[f.lastReview]).toBe(c.asOf - 20);
    expect(wb.packs[0].input.changes.length).toBeGreaterThan(0);
  });

  it("prints the sample's pack on exactly one landscape page, its page setup in the package", async () => {
    const count = Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [samplePdf]))?.[1]);
    const pages = Array.from({ length: count }, (_, i) => run("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", samplePdf, "-"]));
    const packPages = pages.map((t, i) => ({ t, n: i + 1 })).filter((p) => /Meeting pack · March 2026/.test(p.t) && /Red and Amber actions/.test(p.t));
    expect(packPages.map((p) => p.n)).toHaveLength(1);
    const size = new RegExp(`^Page\\s+${packPages[0].n} size:\\s+([\\d.]+) x ([\\d.]+)`, "m").exec(run("pdfinfo", ["-f", "1", "-l", String(count), samplePdf]));
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
    const text = packPages[0].t;
    for (const s of ["Objectives", "Overdue actions", "Since the last review", "Decisions and next steps", "Why this colour"]) expect(text).toContain(s);
    // Nothing of the helper columns on paper.
    expect(text).not.toContain("Sheet row");
    const parts = await packageParts(readFileSync(sampleFile));
    const xml = parts[sheetPartName(parts, "Meeting pack")];
    expect(xml).toMatch(/<pageSetup\b[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup\b[^>]*fitToWidth="1"[^>]*fitToHeight="1"/);
    expect(parts["xl/workbook.xml"]).toMatch(/<definedName name="_xlnm\.Print_Area" localSheetId="\d+">&apos;Meeting pack&apos;!\$A:\$G<\/definedName>/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const out = path.join(SCREENSHOTS, "meeting-pack");
    run("pdftoppm", ["-f", String(packPages[0].n), "-l", String(packPages[0].n), "-png", "-r", "110", "-singlefile", samplePdf, out]);
    expect(readFileSync(`${out}.png`).subarray(1, 4).toString()).toBe("PNG");
  });
});

/** The sample's workbook as `jointplan new --sample` plans it (the same input the CLI builds on its day). */
function sampleWorkbook(): NewWorkbook {
  const today = todaySerial(FIXED_NOW);
  return newWorkbook({ ...newWorkbookInput({ sample: true, force: false }, today), today });
}
