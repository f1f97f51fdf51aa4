/**
 * The JBP's YTD columns as of JP_AsOf (rag/ragRules.ts OBJECTIVE_KPI): the rule trees against the
 * rule stated literally (test/support/ytdRule.ts) on random objectives, headers and as-of dates; the
 * helper columns' split against the whole rule; the quarterly review's figures against the sheet's.
 */
import fc from "fast-check";
import { evaluate } from "../../../src/plan/expr";
import { type CellValue, type Objective, SETTING_NAMES, serialFromYmd } from "../../../src/plan/model";
import { objectiveRowValues } from "../../../src/plan/rag/engine";
import { columnTrees } from "../../../src/plan/rag/ragFormula";
import { OBJECTIVE_KPI } from "../../../src/plan/rag/ragRules";
import { JBP } from "../../../src/plan/layouts";
import { ytdFigures } from "../../../src/plan/cycle";
import { sameFigure, ytdByRule } from "../../support/ytdRule";

const d = (y: number, m: number, day: number): number => serialFromYmd(y, m, day)!;
const NO_ACTIONS = { Red: 0, Amber: 0, Green: 0, Grey: 0 };
const asOfName = (asOf: number): Record<string, CellValue> => ({ [SETTING_NAMES.asOf]: asOf });

/** An objective whose cells are `row` as the sheet holds them. */
function objectiveOf(row: Record<string, CellValue>): Objective {
  return {
    id: String(row.id ?? ""),
    objective: String(row.objective ?? ""),
    unit: typeof row.unit === "string" ? row.unit : "",
    direction: null,
    source: { sheet: "JBP", row: 9, raw: row },
  } as unknown as Objective;
}

const figure = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50, max: 400 }) },
  { weight: 2, arbitrary: fc.double({ min: 0.01, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, 0, "n/a", "") },
);
const rowArb = fc.record({
  id: fc.constant("O-1"),
  objective: fc.constant("Objective"),
  unit: fc.constantFrom<CellValue>("units", "EUR", " k€ ", "USD k", "'000 cases", "%", "days", "stores", "", null, 5, "UNITS"),
  direction: fc.constantFrom<CellValue>("Higher is better", "Lower is better", null),
  q1Target: figure,
  q2Target: figure,
  q3Target: figure,
  q4Target: figure,
  q1Actual: figure,
  q2Actual: figure,
  q3Actual: figure,
  q4Actual: figure,
});
const headerArb = fc.record({
  periodStart: fc.oneof(
    fc.integer({ min: d(2025, 1, 1), max: d(2027, 12, 31) }),
    fc.constantFrom<CellValue>(null, "2026-01-01", d(2026, 1, 31), d(2025, 11, 30), d(2024, 2, 29), 30),
  ),
  year: fc.constantFrom<CellValue>(2026, 2025, 2027, null, "2026", 1999, 26),
});
const asOfArb = fc.integer({ min: d(2024, 12, 1), max: d(2028, 3, 31) });

describe("the JBP's YTD columns", () => {
  it("follow the rule: ended quarters in full, the one in progress pro rata, non-additive units day-weighted", () => {
    fc.assert(
      fc.property(rowArb, headerArb, asOfArb, (row, header, asOf) => {
        const got = objectiveRowValues(objectiveOf(row), NO_ACTIONS, asOfName(asOf), header);
        const want = ytdByRule(row, header, asOf);
        expect({ t: sameFigure(got.ytdTarget, want.ytdTarget), a: sameFigure(got.ytdActual, want.ytdActual), p: sameFigure(got.pctToTarget, want.pctToTarget) }).toEqual({ t: true, a: true, p: true });
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it("compute the same through the helper columns as inline (what the sheet computes)", () => {
    const trees = columnTrees("jbp", new Set(JBP.columns.map((c) => c.key)));
    expect(trees.slice(0, 5).map((t) => t.key)).toEqual(["calcAdditive", "calcQ1", "calcQ2", "calcQ3", "calcQ4"]);
    fc.assert(
      fc.property(rowArb, headerArb, asOfArb, (row, header, asOf) => {
        const names = asOfName(asOf);
        const cells: Record<string, CellValue> = { ...row, actionsRed: 0, actionsAmber: 0, actionsGreen: 0 };
        for (const { key, tree } of trees) cells[key] = evaluate(tree, { row: cells, names, header });
        // The whole rule, every helper part computed inline.
        const inline: Record<string, CellValue> = { ...row };
        for (const key of ["ytdTarget", "ytdActual", "pctToTarget"] as const) inline[key] = evaluate(OBJECTIVE_KPI[key], { row: inline, names, header });
        expect([cells.ytdTarget, cells.ytdActual, cells.pctToTarget]).toEqual([inline.ytdTarget, inline.ytdActual, inline.pctToTarget]);
        // The engine computes the sheet's way.
        const engine = objectiveRowValues(objectiveOf(row), NO_ACTIONS, names, header);
        expect([engine.ytdTarget, engine.ytdActual, engine.pctToTarget]).toEqual([inline.ytdTarget, inline.ytdActual, inline.pctToTarget]);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("are what the quarterly review records", () => {
    fc.assert(
      fc.property(rowArb, headerArb, asOfArb, (row, header, asOf) => {
        const sheet = objectiveRowValues(objectiveOf(row), NO_ACTIONS, asOfName(asOf), header);
        const review = ytdFigures(objectiveOf(row), header, asOf);
        const n = (v: CellValue): number | null => (typeof v === "number" ? v : null);
        expect(review).toEqual({ ytdTarget: n(sheet.ytdTarget), ytdActual: n(sheet.ytdActual), pctToTarget: n(sheet.ytdTarget) === null || n(sheet.ytdActual) === null ? null : n(sheet.pctToTarget) });
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  describe("cases", () => {
    const calendar = { periodStart: d(2026, 1, 1), year: 2026 };
    const sales = { id: "O-1", objective: "Sales", unit: "EUR", q1Target: 3000, q2Target: 3000, q3Target: 3000, q4Target: 3000, q1Actual: 2900, q2Actual: 1000 };
    const ytd = (row: Record<string, CellValue>, header: Record<string, CellValue>, asOf: number) => objectiveRowValues(objectiveOf(row), NO_ACTIONS, asOfName(asOf), header);

    it("a Q2 actual entered in May is judged against the days of Q2 elapsed, not Q2's whole target", () => {
      const y = ytd(sales, calendar, d(2026, 5, 15));
      // Q2 (1 April to 30 June, 91 days) is 45 days in.
      expect(y.ytdTarget).toBeCloseTo(3000 + (3000 * 45) / 91, 9);
      expect(y.ytdActual).toBe(3900);
      expect(y.pctToTarget).toBeCloseTo(3900 / (3000 + (3000 * 45) / 91), 9);
    });

    it("before the year starts YTD is blank; after it ends all four quarters count in full", () => {
      expect(ytd(sales, calendar, d(2025, 12, 31))).toMatchObject({ ytdTarget: "", ytdActual: "", pctToTarget: "" });
      const full = { ...sales, q3Actual: 3100, q4Actual: 2000 };
      expect(ytd(full, calendar, d(2027, 3, 1))).toMatchObject({ ytdTarget: 12000, ytdActual: 9000, pctToTarget: 0.75 });
      // On the year's last day too.
      expect(ytd(full, calendar, d(2026, 12, 31))).toMatchObject({ ytdTarget: 12000, ytdActual: 9000 });
    });

    it("a quarter's first day counts one day; a quarter without an actual does not count", () => {
      const y = ytd(sales, calendar, d(2026, 4, 1));
      expect(y.ytdTarget).toBeCloseTo(3000 + 3000 / 91, 9);
      expect(ytd({ ...sales, q2Actual: null }, calendar, d(2026, 5, 15)).ytdTarget).toBe(3000);
    });

    it("a rate is day-weighted, not pro rated", () => {
      const rate = { ...sales, unit: "%", q1Target: 0.06, q2Target: 0.05, q1Actual: 0.06, q2Actual: 0.05 };
      const y = ytd(rate, calendar, d(2026, 5, 15));
      expect(y.ytdTarget).toBeCloseTo((0.06 * 90 + 0.05 * 45) / 135, 12);
      expect(y.pctToTarget).toBeCloseTo(1, 12);
    });

    it("Q1 starts on the Period start; without one on 1 January of the Year; with neither every quarter with both figures counts in full", () => {
      const fiscal = ytd(sales, { periodStart: d(2026, 4, 1), year: 2026 }, d(2026, 5, 15));
      // Q1 is April to June: 45 of its 91 days; Q2 has not begun.
      expect(fiscal.ytdTarget).toBeCloseTo((3000 * 45) / 91, 9);
      expect(fiscal.ytdActual).toBe(2900);
      expect(ytd(sales, { periodStart: null, year: 2026 }, d(2026, 5, 15)).ytdTarget).toBeCloseTo(3000 + (3000 * 45) / 91, 9);
      // A Period start typed as text is no date to the formula: the Year places the quarters.
      expect(ytd(sales, { periodStart: "2026-04-01", year: 2026 }, d(2026, 5, 15)).ytdTarget).toBeCloseTo(3000 + (3000 * 45) / 91, 9);
      expect(ytd(sales, {}, d(2026, 5, 15))).toMatchObject({ ytdTarget: 6000, ytdActual: 3900 });
      expect(ytd({ ...sales, unit: "%" }, {}, d(2026, 5, 15))).toMatchObject({ ytdTarget: 3000, ytdActual: 1950 });
    });
  });
});
