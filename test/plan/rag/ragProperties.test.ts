/**
 * Properties of the RAG engine on random rows, and an independent plain-TypeScript statement of
 * the action rules (the oracle) that the rule trees must agree with.
 */
import fc from "fast-check";
import { compileExpr, evaluate, withHelperRefs } from "../../../src/plan/expr";
import { type CellValue, DEFAULT_SETTINGS, type Rag, type Settings } from "../../../src/plan/model";
import { computeActionRag, computeObjectiveRag, settingsNameValues } from "../../../src/plan/rag/engine";
import { actionRagExpr, JAP_HELPER_COLUMNS, objectiveRagExpr } from "../../../src/plan/rag/ragRules";
import { actionRagFormula, columnTrees, japHelperFormulas } from "../../../src/plan/rag/ragFormula";
import { JAP } from "../../../src/plan/layouts";
import { countRags, RAG_SCORE, rollUp, rollUpCounts } from "../../../src/plan/rag/rollUp";
import { actionOf, japRowArb } from "./ragArbitraries";
import { AS_OF } from "./ragFixtures";

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    greenThreshold: fc.constantFrom(0.95, 0.9, 1),
    amberThreshold: fc.constantFrom(0.85, 0.5, 0.9),
    paceAmber: fc.constantFrom(0.1, 0.05),
    paceRed: fc.constantFrom(0.2, 0.3),
    staleDays: fc.constantFrom(30, 7),
    rollUp: fc.constantFrom("Worst of" as const, "Average score" as const),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s, amberThreshold: Math.min(s.amberThreshold, s.greenThreshold) }));

/** The action rules as a planner would write them down, straight in TypeScript. */
function oracle(row: Record<string, CellValue>, asOf: number, s: Settings): Rag | "" {
  const text = (v: CellValue | undefined): string =>
    typeof v === "string" ? v.trim().replace(/ +/g, " ").toLowerCase() : typeof v === "number" ? String(v) : "";
  const n = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);
  const inUse = ["id", "action", "owner", "status", "start", "due"].some((k) => text(row[k]) !== "");
  if (!inUse) return "";
  const ov = text(row.ragOverride);
  const ovRag = (["Red", "Amber", "Green", "Grey"] as Rag[]).find((r) => r.toLowerCase() === ov);
  if (ovRag && text(row.overrideReason) !== "") return ovRag;
  const status = text(row.status);
  const due = n(row.due);
  const start = n(row.start);
  if (status === "cancelled") return "Grey";
  if (!["not started", "in progress", "on hold", "done"].includes(status)) return "Grey";
  if (due === null) return "Grey";
  if (status === "done") return "Green";
  if (due < asOf) return "Red";
  const eps = (a: number, b: number): boolean => Math.abs(a - b) <= Math.abs(a) * 1e-12;
  const above = (a: number, b: number): boolean => a > b && !eps(a, b);
  const below = (a: number, b: number): boolean => a < b && !eps(a, b);
  let schedule = 3;
  if (start !== null) {
    const expected = due <= start ? (asOf >= start ? 1 : 0) : Math.min(1, Math.max(0, (asOf - start) / (due - start)));
    const behind = expected - (n(row.pctComplete) ?? 0);
    if (above(behind, s.paceRed)) schedule = 1;
    else if (above(behind, s.paceAmber)) schedule = 2;
    else if (status === "not started" && asOf > start) schedule = 2;
  }
  if (schedule === 3 && status === "on hold") schedule = 2;
  let kpi = 3;
  const target = n(row.target);
  const actual = n(row.actual);
  if (target !== null && actual !== null) {
    const lower = text(row.direction) === "lower is better";
    const att = lower ? (actual === 0 ? (target >= 0 ? 1 : 0) : target / actual) : target === 0 ? (actual >= 0 ? 1 : 0) : actual / target;
    kpi = below(att, s.amberThreshold) ? 1 : below(att, s.greenThreshold) ? 2 : 3;
  }
  const lu = n(row.lastUpdate);
  const stale = lu !== null && asOf - lu > s.staleDays ? 2 : 3;
  return (["Red", "Amber", "Green"] as Rag[])[Math.min(schedule, kpi, stale) - 1];
}

const engine = (row: Record<string, CellValue>, asOf: number, s: Settings): Rag | "" => {
  const r = computeActionRag(actionOf(row), asOf, s);
  return r.reason === "Empty row: nothing to judge" ? "" : r.rag;
};
const formula = (row: Record<string, CellValue>, asOf: number, s: Settings) => evaluate(actionRagExpr(), { row, names: settingsNameValues(s, asOf) });
const rank = (r: Rag): number => (r === "Grey" ? 4 : RAG_SCORE[r]);
const asOfArb = fc.integer({ min: AS_OF - 40, max: AS_OF + 40 });

describe("RAG properties", () => {
  it("the whole RAG formula (evaluated), computeActionRag and the oracle agree on random rows", () => {
    fc.assert(
      fc.property(japRowArb, asOfArb, settingsArb, (row, asOf, s) => {
        const e = engine(row, asOf, s);
        expect(formula(row, asOf, s)).toBe(e);
        expect(e).toBe(oracle(row, asOf, s));
      }),
      { numRuns: 3000 },
    );
  });

  it("the helper columns, computed left to right, and the RAG that reads them give the whole rule's colour", () => {
    // The trees the split formulas are compiled from: each helper reads the helpers left of it.
    const all = new Set(JAP_HELPER_COLUMNS.map((h) => h.key));
    const steps: { key: string; tree: ReturnType<typeof withHelperRefs> }[] = [];
    const left = new Set<string>();
    for (const h of JAP_HELPER_COLUMNS) {
      steps.push({ key: h.key, tree: withHelperRefs(h.expr, new Set(left)) });
      expect(`=${compileExpr(steps[steps.length - 1].tree)}`).toBe(japHelperFormulas()[h.key]);
      left.add(h.key);
    }
    const split = withHelperRefs(actionRagExpr(), all);
    expect(`=${compileExpr(split)}`).toBe(actionRagFormula());
    fc.assert(
      fc.property(japRowArb, asOfArb, settingsArb, (row, asOf, s) => {
        const names = settingsNameValues(s, asOf);
        const sheetRow: Record<string, CellValue> = { ...row };
        for (const step of steps) sheetRow[step.key] = evaluate(step.tree, { row: sheetRow, names });
        expect(evaluate(split, { row: sheetRow, names })).toBe(evaluate(actionRagExpr(), { row, names }));
      }),
      { numRuns: 3000 },
    );
  });

  it("the RAG reason column, computed from the helper columns, says the engine's words", () => {
    const trees = columnTrees("jap", new Set(JAP.columns.map((c) => c.key)));
    expect(trees.map((t) => t.key).slice(-2)).toEqual(["rag", "ragReason"]);
    fc.assert(
      fc.property(japRowArb, asOfArb, settingsArb, (row, asOf, s) => {
        const names = settingsNameValues(s, asOf);
        const sheetRow: Record<string, CellValue> = { ...row };
        for (const t of trees) sheetRow[t.key] = evaluate(t.tree, { row: sheetRow, names });
        const r = computeActionRag(actionOf(row), asOf, s);
        expect(sheetRow.ragReason).toBe(r.reason === "Empty row: nothing to judge" ? "" : r.reason);
      }),
      { numRuns: 3000 },
    );
  });

  it("a later as-of date never makes a Done action worse", () => {
    fc.assert(
      fc.property(japRowArb, asOfArb, fc.integer({ min: 0, max: 400 }), settingsArb, (row, asOf, later, s) => {
        const done = { ...row, status: "Done" };
        const a = computeActionRag(actionOf(done), asOf, s).rag;
        const b = computeActionRag(actionOf(done), asOf + later, s).rag;
        expect(rank(b)).toBeGreaterThanOrEqual(rank(a) === 4 ? 4 : rank(a));
      }),
      { numRuns: 1000 },
    );
  });

  it("an override with a reason always wins, one without a reason never changes the colour", () => {
    fc.assert(
      fc.property(japRowArb, fc.constantFrom<Rag>("Red", "Amber", "Green", "Grey"), (row, ov) => {
        const base = { ...row, id: "A-1", ragOverride: null, overrideReason: "" };
        const computed = computeActionRag(actionOf(base), AS_OF, DEFAULT_SETTINGS).rag;
        expect(computeActionRag(actionOf({ ...base, ragOverride: ov, overrideReason: "Agreed" }), AS_OF, DEFAULT_SETTINGS)).toMatchObject({
          rag: ov,
          computed,
          overridden: true,
        });
        expect(computeActionRag(actionOf({ ...base, ragOverride: ov, overrideReason: "  " }), AS_OF, DEFAULT_SETTINGS)).toMatchObject({
          rag: computed,
          overridden: false,
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("roll-up properties", () => {
  const ragsArb = fc.array(fc.constantFrom<Rag>("Red", "Amber", "Green", "Grey"), { maxLength: 30 });

  it("Worst of is exactly the worst non-Grey member; nothing left is Grey", () => {
    fc.assert(
      fc.property(ragsArb, (rags) => {
        const members = rags.filter((r) => r !== "Grey");
        const got = rollUp(rags, "Worst of");
        if (members.length === 0) expect(got).toBe("Grey");
        else expect(rank(got)).toBe(Math.min(...members.map(rank)));
      }),
    );
  });

  it("Average score is never worse than Worst of, nor better than the best member", () => {
    fc.assert(
      fc.property(ragsArb, (rags) => {
        const avg = rollUp(rags, "Average score");
        const worst = rollUp(rags, "Worst of");
        expect(avg === "Grey").toBe(worst === "Grey");
        if (avg !== "Grey") {
          expect(rank(avg)).toBeGreaterThanOrEqual(rank(worst));
          expect(rank(avg)).toBeLessThanOrEqual(Math.max(...rags.filter((r) => r !== "Grey").map(rank)));
        }
      }),
    );
  });

  it("the JBP RAG formula (evaluated) is rollUp of the actions plus the KPI colour, by either method", () => {
    const kpiArb = fc.constantFrom<[number | null, Rag | null]>([null, null], [1, "Green"], [0.9, "Amber"], [0.5, "Red"], [0.95, "Green"], [0.85, "Amber"]);
    fc.assert(
      fc.property(ragsArb, kpiArb, fc.constantFrom("Worst of" as const, "Average score" as const), (rags, [pct, kpiRag], method) => {
        const settings = { ...DEFAULT_SETTINGS, rollUp: method };
        const counts = countRags(rags);
        const names = settingsNameValues(settings, AS_OF);
        const row = { id: "O-1", objective: "x", actionsRed: counts.Red, actionsAmber: counts.Amber, actionsGreen: counts.Green, pctToTarget: pct ?? "" };
        const expected = rollUpCounts(kpiRag ? { ...counts, [kpiRag]: counts[kpiRag] + 1 } : counts, method);
        expect(evaluate(objectiveRagExpr(), { row, names })).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("computeObjectiveRag is never better than its worst action under Worst of", () => {
    fc.assert(
      fc.property(ragsArb, (rags) => {
        const o = computeObjectiveRag(
          {
            source: { sheet: "JBP", row: 1, raw: {} },
            id: "O-1",
            objective: "x",
            initiative: "",
            kpi: "",
            unit: "",
            direction: null,
            baseline: null,
            q1Target: 10,
            q2Target: null,
            q3Target: null,
            q4Target: null,
            fyTarget: null,
            q1Actual: 9,
            q2Actual: null,
            q3Actual: null,
            q4Actual: null,
            principalOwner: "",
            distributorOwner: "",
            comment: "",
          },
          rags.map((rag) => ({ objectiveId: "O-1", rag })),
          AS_OF,
          DEFAULT_SETTINGS,
        );
        const members = rags.filter((r) => r !== "Grey");
        if (members.length > 0) expect(rank(o.rag)).toBeLessThanOrEqual(Math.min(...members.map(rank)));
      }),
    );
  });
});
