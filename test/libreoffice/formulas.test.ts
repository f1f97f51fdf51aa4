/**
 * The formulas we write compute in a real spreadsheet engine what the TypeScript engine computes:
 * generated plans (edge rows and random mixes, 600+ actions, two as-of dates and both roll-up
 * methods) go through the .xlsx writer, LibreOffice recalculates them, and every RAG cell, every
 * JBP formula column, every live-rule condition and every RAG Summary figure is held equal to
 * the engine, row by row. A difference is listed with the row's inputs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { checkWorkbook } from "../../src/plan/rules";
import { defaultListNames, evaluateLiveRule } from "../../src/plan/layouts";
import { type CellValue, type CheckResult, DEFAULT_SETTINGS, isoFromSerial, jbpHeaderValues, LIST_NAMES, parseCellA1, ROSTER_NAMES, serialFromYmd, type Settings, type SheetGrid } from "../../src/plan/model";
import { countRags, objectiveRowValues, settingsNameValues } from "../../src/plan/rag";
import { summaryFigures, summaryValues } from "../../src/plan/summary";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { generatePlan } from "./generatePlan";
import { proofWorkbook, type ProofWorkbook } from "./proofWorkbook";
import { describeWithSoffice, recalculate } from "./soffice";

interface ProofCase {
  name: string;
  asOf: number;
  actions: number;
  seed: number;
  settings: Settings;
}

const CASES: ProofCase[] = [
  // A leap day as the as-of date, default settings (worst-of roll-up).
  { name: "leap-day", asOf: serialFromYmd(2028, 2, 29)!, actions: 330, seed: 20280229, settings: DEFAULT_SETTINGS },
  // A year end with other thresholds and the average-score roll-up.
  {
    name: "year-end",
    asOf: serialFromYmd(2026, 12, 31)!,
    actions: 330,
    seed: 20261231,
    settings: { ...DEFAULT_SETTINGS, rollUp: "Average score", greenThreshold: 0.9, amberThreshold: 0.7, paceAmber: 0.15, paceRed: 0.3, staleDays: 14 },
  },
];

interface Computed {
  proof: ProofWorkbook;
  grids: SheetGrid[];
  result: CheckResult;
  asOf: number;
}

const computed = new Map<string, Computed>();

/** A cell as a short text for difference reports (dates as ISO where the number looks like one). */
function show(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "blank";
  if (typeof v === "object") return v.error;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" && v > 30000 && v < 80000 && Number.isInteger(v)) return `${v} (${isoFromSerial(v)})`;
  return String(v);
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v));

function sameNumber(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";
  if (blank(a) && blank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A spreadsheet's conditional format fires on TRUE or a non-zero number; errors and text do not. */
function cfTruth(v: CellValue | undefined): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  return false;
}

function gridOf(c: Computed, sheet: string): SheetGrid {
  const g = c.grids.find((x) => x.name === sheet);
  if (!g) throw new Error(`LibreOffice output has no sheet ${sheet}`);
  return g;
}

function rowInputs(grid: SheetGrid, row: number, columns: Record<string, number>, keys: string[]): string {
  return keys.map((k) => `${k}=${show(grid.values[row]?.[columns[k]])}`).join(", ");
}

const ACTION_INPUTS = ["id", "status", "start", "due", "pctComplete", "direction", "target", "actual", "lastUpdate", "ragOverride", "overrideReason"];

describeWithSoffice("formulas in LibreOffice equal the TypeScript engine", (soffice) => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-formulas-"));
    const files: string[] = [];
    const proofs: ProofWorkbook[] = [];
    for (const c of CASES) {
      const proof = proofWorkbook(generatePlan(c.asOf, c.actions, c.seed), c.settings);
      const file = path.join(dir, `${c.name}.xlsx`);
      writeFileSync(file, (await writeXlsx(proof.specs)).bytes);
      files.push(file);
      proofs.push(proof);
    }
    const outputs = recalculate(soffice, files, path.join(dir, "out"));
    for (let i = 0; i < CASES.length; i++) {
      const grids = await readXlsx(outputs[i]);
      const result = checkWorkbook(grids, { today: CASES[i].asOf });
      computed.set(CASES[i].name, { proof: proofs[i], grids, result, asOf: CASES[i].asOf });
    }
  }, 300_000);

  afterAll(() => (process.env.JOINTPLAN_KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

  describe.each(CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const get = (): Computed => computed.get(name)!;

    it("reads the as-of date and settings back as written", () => {
      const { result } = get();
      expect(result.asOf).toBe(c.asOf);
      expect(result.plan.settings.rollUp).toBe(c.settings.rollUp);
      expect(result.plan.japs).toHaveLength(1);
      expect(result.plan.japs[0].actions.length).toBeGreaterThanOrEqual(c.actions - 2);
    });

    it("computes every action's RAG as the engine does", () => {
      const cc = get();
      const jap = cc.result.plan.japs[0];
      const grid = gridOf(cc, jap.position.sheet);
      const table = cc.proof.specs.find((s) => s.kind === "jap")!.tables[0];
      const ragCol = jap.position.columns.rag;
      const byRow = new Map(cc.result.rag.actions.filter((a) => a.sheet === jap.position.sheet).map((a) => [a.row, a]));
      const diffs: string[] = [];
      const seen = new Set<string>();
      for (let row = (table.position.headerRow + 1); row <= table.position.lastRow; row++) {
        const lo = text(grid.values[row]?.[ragCol]);
        const ts = byRow.get(row);
        const expected = ts && ts.reason !== "Empty row: nothing to judge" ? ts.rag : "";
        if (lo !== expected) {
          diffs.push(`row ${row + 1}: LibreOffice ${JSON.stringify(lo)}, engine ${JSON.stringify(expected)} (${ts?.reason ?? "no action"}); ${rowInputs(grid, row, jap.position.columns, ACTION_INPUTS)}`);
        }
        if (expected) seen.add(expected);
      }
      expect(diffs).toEqual([]);
      // The generated plan exercises every colour.
      expect([...seen].sort()).toEqual(["Amber", "Green", "Grey", "Red"]);
    });

    it("writes every action's RAG reason in the engine's words", () => {
      const cc = get();
      const jap = cc.result.plan.japs[0];
      const grid = gridOf(cc, jap.position.sheet);
      const table = cc.proof.specs.find((s) => s.kind === "jap")!.tables[0];
      const col = jap.position.columns.ragReason;
      const byRow = new Map(cc.result.rag.actions.filter((a) => a.sheet === jap.position.sheet).map((a) => [a.row, a]));
      const diffs: string[] = [];
      let joined = 0;
      for (let row = table.position.headerRow + 1; row <= table.position.lastRow; row++) {
        const lo = text(grid.values[row]?.[col]);
        const ts = byRow.get(row);
        const expected = ts && ts.reason !== "Empty row: nothing to judge" ? ts.reason : "";
        if (expected.includes("; ")) joined++;
        if (lo !== expected) diffs.push(`row ${row + 1}: LibreOffice ${JSON.stringify(lo)}, engine ${JSON.stringify(expected)}; ${rowInputs(grid, row, jap.position.columns, ACTION_INPUTS)}`);
      }
      expect(diffs).toEqual([]);
      // Rows with several signals, joined worst first, are among them.
      expect(joined).toBeGreaterThan(5);
    });

    it("computes the JBP formula columns and the objectives' RAG as the engine does", () => {
      const cc = get();
      const jbp = cc.result.plan.jbps[0];
      const grid = gridOf(cc, jbp.position.sheet);
      const names = settingsNameValues(cc.result.plan.settings, cc.asOf);
      // Every action of the workbook counts for its objective, as the COUNTIFS over the JAP tables do.
      const actions = cc.result.plan.japs.flatMap((j) => j.actions);
      const ragOf = new Map(cc.result.rag.actions.map((r) => [`${r.sheet}!${r.row}`, r.rag]));
      const actionRags = actions.map((a) => ({ objectiveId: a.objectiveId, rag: ragOf.get(`${a.source.sheet}!${a.source.row}`)! }));
      const diffs: string[] = [];
      for (const o of jbp.objectives) {
        const counts = countRags(o.id.trim() === "" ? [] : actionRags.filter((a) => a.objectiveId.toLowerCase() === o.id.toLowerCase()).map((a) => a.rag));
        const expected = objectiveRowValues(o, counts, names, jbpHeaderValues(jbp));
        for (const key of ["ytdTarget", "ytdActual", "pctToTarget", "actionsRed", "actionsAmber", "actionsGreen"]) {
          const lo = grid.values[o.source.row][jbp.position.columns[key]];
          if (!sameNumber(lo, expected[key])) diffs.push(`${o.id} ${key}: LibreOffice ${show(lo)}, engine ${show(expected[key])}`);
        }
        const ts = cc.result.rag.objectives.find((r) => r.row === o.source.row)!;
        const lo = text(grid.values[o.source.row][jbp.position.columns.rag]);
        if (lo !== ts.rag) diffs.push(`${o.id} RAG: LibreOffice ${JSON.stringify(lo)}, engine ${ts.rag} (${ts.reason})`);
      }
      expect(diffs).toEqual([]);
      expect(jbp.objectives.length).toBeGreaterThan(3);
    });

    it("computes every live rule's condition as evaluateLiveRule does", () => {
      const cc = get();
      const roster = gridOf(cc, "Roster");
      // The Roster table's Name column (JP_RosterNames = JP_Roster[Name]) as LibreOffice sees it.
      const rosterSpec = cc.proof.specs.find((s) => s.kind === "roster")!;
      expect(rosterSpec.names.find((n) => n.name === ROSTER_NAMES.names)!.formula).toBe(`=${rosterSpec.tables[0].name}[Name]`);
      const t = rosterSpec.tables[0].position;
      const rosterNames: CellValue[] = [];
      const rosterParties: CellValue[] = [];
      for (let row = t.headerRow + 1; row <= t.lastRow; row++) {
        rosterNames.push(roster.values[row]?.[t.columns.name] ?? null);
        rosterParties.push(roster.values[row]?.[t.columns.party] ?? null);
      }
      // The JBP table's ID column (JP_ObjectiveIds = JP_Objectives[ID]).
      const jbpSpec = cc.proof.specs.find((s) => s.kind === "jbp")!;
      const jt = jbpSpec.tables[0].position;
      const jbpGrid = gridOf(cc, jbpSpec.sheetName);
      const objectiveIds: CellValue[] = [];
      for (let row = jt.headerRow + 1; row <= jt.lastRow; row++) objectiveIds.push(jbpGrid.values[row]?.[jt.columns.id] ?? null);
      const names = {
        ...defaultListNames(),
        ...settingsNameValues(cc.result.plan.settings, cc.asOf),
        [ROSTER_NAMES.names]: rosterNames,
        [ROSTER_NAMES.parties]: rosterParties,
        [LIST_NAMES.objectiveIds]: objectiveIds,
      };
      const diffs: string[] = [];
      let marked = 0;
      const markedBy = new Map<string, number>();
      for (const [sheet, helpers] of Object.entries(cc.proof.liveColumns)) {
        const grid = gridOf(cc, sheet);
        const spec = cc.proof.specs.find((s) => s.sheetName === sheet)!;
        const table = spec.tables[0];
        // The table's own columns, as a duplicate-ID rule counts in them.
        const columns: Record<string, CellValue[]> = {};
        for (const [k, i] of Object.entries(table.position.columns)) {
          columns[k] = [];
          for (let row = table.position.headerRow + 1; row <= table.position.lastRow; row++) columns[k].push(grid.values[row]?.[i] ?? null);
        }
        for (let row = (table.position.headerRow + 1); row <= table.position.lastRow; row++) {
          const cells: Record<string, CellValue> = {};
          Object.entries(table.position.columns).forEach(([k, i]) => (cells[k] = grid.values[row]?.[i] ?? null));
          for (const { rule, col } of helpers) {
            const lo = cfTruth(grid.values[row]?.[col]);
            const ts = evaluateLiveRule(rule, cells, names, columns);
            if (lo) {
              marked++;
              markedBy.set(rule.id, (markedBy.get(rule.id) ?? 0) + 1);
            }
            if (lo !== ts) {
              const keys = [...new Set([...rule.columns, "id"])];
              diffs.push(`${sheet} row ${row + 1} ${rule.id}: LibreOffice ${show(grid.values[row]?.[col])}, engine ${ts}; ${keys.map((k) => `${k}=${show(cells[k])}`).join(", ")}`);
            }
          }
        }
      }
      expect(diffs).toEqual([]);
      expect(marked).toBeGreaterThan(100);
      // The rules a co-author sees without the add-in, each proven on rows it marks.
      const families = ["jap.unknownObjective", "jap.partyOwnerMismatch", "jap.straySpaces.", "jap.ownerNotOnRoster"];
      expect(families.filter((f) => ![...markedBy.keys()].some((id) => id.startsWith(f)))).toEqual([]);
    });

    it("computes every RAG Summary cell as the engine does (summaryValues), working cells included", () => {
      const cc = get();
      const grid = gridOf(cc, cc.proof.summary.sheetName);
      const at = (address: string): CellValue => {
        const p = parseCellA1(address)!;
        return grid.values[p.row]?.[p.col] ?? null;
      };
      const layout = cc.proof.summary;
      const values = summaryValues(cc.result.plan, cc.asOf, layout);
      const diffs: string[] = [];
      let compared = 0;
      for (const cell of layout.cells) {
        if (cell.formula === undefined) continue;
        compared++;
        const expected = values.get(cell.address);
        if (!sameNumber(at(cell.address), expected ?? null)) diffs.push(`${cell.address} ${cell.formula.slice(0, 120)}: LibreOffice ${show(at(cell.address))}, engine ${show(expected)}`);
      }
      expect(diffs.slice(0, 40)).toEqual([]);
      expect(compared).toBeGreaterThan(300);
      const f = summaryFigures(cc.result.plan, cc.asOf, layout.input);
      expect(f.all.total).toBeGreaterThan(300);
      // The lists are compared for real: the generated plans have overdue actions, objectives and owners.
      expect(f.overdue.length).toBeGreaterThan(5);
      expect(f.dimensions.objective.length).toBeGreaterThan(3);
      expect(f.dimensions.owner.length).toBeGreaterThan(3);
    });
  });
});
