/**
 * The JBP's YTD columns in a real spreadsheet: JBPs with a calendar, a fiscal (April) and a month-end
 * (31 August) Period start, a Year only, a Period start typed as text, no Period start nor Year, a
 * year not begun and a year ended, each with generated objectives (additive and other units; blank,
 * zero, text and fractional figures), judged on as-of dates in mid-quarter, on a quarter's first
 * day and at a month's end. LibreOffice's helper, YTD, % to target and RAG cells are held equal to
 * the engine, and the YTD figures to the rule as stated (test/support/ytdRule.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/plan/rules";
import { type CellValue, type CheckResult, DEFAULT_SETTINGS, jbpHeaderValues, type RosterEntry, serialFromYmd, type SheetGrid } from "../../src/plan/model";
import { JBP_HELPER_COLUMNS, objectiveRowValues, settingsNameValues } from "../../src/plan/rag";
import { evaluate } from "../../src/plan/expr";
import { jbpSheetSpec, PlanNames, type SheetSpec } from "../../src/plan/sheets";
import { newWorkbook } from "../../src/plan/workbook";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { describeWithSoffice, recalculate } from "./soffice";
import { sameFigure, ytdByRule } from "../support/ytdRule";

const d = (y: number, m: number, day: number): number => serialFromYmd(y, m, day)!;

const HEADERS: { name: string; header: Record<string, CellValue> }[] = [
  { name: "calendar", header: { year: 2026, periodStart: d(2026, 1, 1), periodEnd: d(2026, 12, 31) } },
  { name: "fiscal April", header: { year: 2026, periodStart: d(2026, 4, 1), periodEnd: d(2027, 3, 31) } },
  { name: "from 31 August", header: { year: 2026, periodStart: d(2025, 8, 31), periodEnd: d(2026, 8, 30) } },
  { name: "year only", header: { year: 2026, periodStart: null, periodEnd: null } },
  { name: "start as text", header: { year: 2026, periodStart: "2026-04-01", periodEnd: null } },
  { name: "not placed", header: { year: null, periodStart: null, periodEnd: null } },
  { name: "not begun", header: { year: 2027, periodStart: d(2027, 1, 1), periodEnd: d(2027, 12, 31) } },
  { name: "ended", header: { year: 2025, periodStart: d(2025, 1, 1), periodEnd: d(2025, 12, 31) } },
];

const CASES = [
  { name: "mid-Q2", asOf: d(2026, 5, 15), seed: 515 },
  { name: "Q3-first-day", asOf: d(2026, 7, 1), seed: 701 },
  { name: "month-end", asOf: d(2026, 8, 31), seed: 831 },
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const UNITS: CellValue[] = ["units", "EUR", " k€ ", "USD k", "'000 Cases", "hl", "%", "days", "stores", "score", "", null, 5];

function objectives(rnd: () => number, count: number): Record<string, CellValue>[] {
  const fig = (): CellValue => {
    const r = rnd();
    return r < 0.08 ? null : r < 0.12 ? 0 : r < 0.15 ? "n/a" : r < 0.3 ? Math.round(rnd() * 10000) / 10000 : r < 0.33 ? -Math.round(rnd() * 50) : Math.round(20 + rnd() * 500);
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `OBJ-${i + 1}`,
    objective: `Objective ${i + 1}`,
    kpi: "KPI",
    unit: pick(rnd, UNITS),
    direction: pick(rnd, ["Higher is better", "Lower is better", null]),
    q1Target: fig(),
    q2Target: fig(),
    q3Target: fig(),
    q4Target: fig(),
    q1Actual: fig(),
    q2Actual: fig(),
    q3Actual: fig(),
    q4Actual: fig(),
  }));
}

const ROSTER: RosterEntry[] = [{ name: "Ana Silva", party: "Principal", role: "", email: "", active: true }];

function workbook(asOf: number, seed: number): SheetSpec[] {
  const rnd = random(seed);
  const [first, ...others] = HEADERS;
  const wb = newWorkbook({
    settings: { ...DEFAULT_SETTINGS, asOf },
    roster: ROSTER,
    jbp: { header: { principal: "P", distributor: "D0", ...first.header }, objectives: objectives(rnd, 24) },
    jap: { header: { distributor: "D0" }, actions: [] },
  });
  const names = new PlanNames(
    wb.specs.map((s) => s.sheetName),
    wb.specs.flatMap((s) => [...s.names.map((n) => n.name), ...s.tables.map((t) => t.name)]),
  );
  const extra = others.map((h, i) =>
    jbpSheetSpec(names, { header: { principal: "P", distributor: `D${i + 1}`, ...h.header }, year: Number(h.header.year ?? 2026), objectives: objectives(rnd, 24), sheetBase: `JBP ${h.name}` }),
  );
  return [...wb.specs, ...extra];
}

describeWithSoffice("the JBP's YTD columns in LibreOffice equal the engine and the rule", (soffice) => {
  let dir: string;
  const computed = new Map<string, { grids: SheetGrid[]; result: CheckResult }>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-ytd-"));
    const files: string[] = [];
    for (const c of CASES) {
      const file = path.join(dir, `${c.name}.xlsx`);
      writeFileSync(file, (await writeXlsx(workbook(c.asOf, c.seed))).bytes);
      files.push(file);
    }
    const outputs = recalculate(soffice, files, path.join(dir, "out"));
    for (let i = 0; i < CASES.length; i++) {
      const grids = await readXlsx(outputs[i]);
      computed.set(CASES[i].name, { grids, result: checkWorkbook(grids, { today: CASES[i].asOf }) });
    }
  }, 300_000);

  afterAll(() => (process.env.JOINTPLAN_KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

  it.each(CASES.map((c) => [c.name, c] as const))("%s: every JBP's helper, YTD, %% to target and RAG cells", (name, c) => {
    const { grids, result } = computed.get(name)!;
    expect(result.asOf).toBe(c.asOf);
    expect(result.plan.jbps).toHaveLength(HEADERS.length);
    const names = settingsNameValues(result.plan.settings, c.asOf);
    const diffs: string[] = [];
    const shapes = new Set<string>();
    for (const jbp of result.plan.jbps) {
      const grid = grids.find((g) => g.name === jbp.position.sheet)!;
      const header = jbpHeaderValues(jbp);
      for (const o of jbp.objectives) {
        const cell = (key: string): CellValue => grid.values[o.source.row]?.[jbp.position.columns[key]] ?? null;
        const engine = objectiveRowValues(o, { Red: 0, Amber: 0, Green: 0, Grey: 0 }, names, header);
        const rule = ytdByRule(o.source.raw, header, c.asOf);
        // The helper columns' parts of the rule, as the engine evaluates them inline.
        for (const h of JBP_HELPER_COLUMNS) engine[h.key] = evaluate(h.expr, { row: engine, names, header });
        for (const key of [...JBP_HELPER_COLUMNS.map((h) => h.key), "ytdTarget", "ytdActual", "pctToTarget"]) {
          const lo = cell(key);
          const ts = engine[key];
          const same = typeof lo === "number" && typeof ts === "number" ? sameFigure(lo, ts) : JSON.stringify(lo ?? "") === JSON.stringify(ts ?? "");
          if (!same) diffs.push(`${jbp.position.sheet} ${o.id} ${key}: LibreOffice ${JSON.stringify(lo)}, engine ${JSON.stringify(ts)}`);
        }
        for (const key of ["ytdTarget", "ytdActual", "pctToTarget"] as const) {
          if (!sameFigure(cell(key), rule[key])) diffs.push(`${jbp.position.sheet} ${o.id} ${key}: LibreOffice ${JSON.stringify(cell(key))}, rule ${rule[key]}`);
        }
        const rag = result.rag.objectives.find((r) => r.sheet === o.source.sheet && r.row === o.source.row)!;
        if (String(cell("rag") ?? "") !== rag.rag) diffs.push(`${jbp.position.sheet} ${o.id} RAG: LibreOffice ${JSON.stringify(cell("rag"))}, engine ${rag.rag}`);
        // Which kinds of quarter weights the cases exercise (a part of a quarter, whole quarters, days, 1).
        for (const q of [1, 2, 3, 4]) {
          const w = cell(`calcQ${q}`);
          shapes.add(typeof w !== "number" ? "none" : w === 1 ? "one" : w < 1 ? "part" : "days");
        }
      }
    }
    expect(diffs).toEqual([]);
    expect([...shapes].sort()).toEqual(["days", "none", "one", "part"]);
    // The cases are what they say: a Period start read back as text, a year not begun (all blank), figures elsewhere.
    const sheetOf = (n: string) => result.plan.jbps.find((j) => j.position.sheet === `JBP ${n}`)!;
    expect(typeof jbpHeaderValues(sheetOf("start as text")).periodStart).toBe("string");
    const ytdCells = (n: string) => sheetOf(n).objectives.map((o) => grids.find((g) => g.name === `JBP ${n}`)!.values[o.source.row][sheetOf(n).position.columns.ytdTarget]);
    expect(ytdCells("not begun").every((v) => v === null || v === "")).toBe(true);
    expect(ytdCells("ended").filter((v) => typeof v === "number").length).toBeGreaterThan(10);
  });
});
