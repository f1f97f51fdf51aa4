import { JAP, JBP, tableHeaderRow } from "../../../src/plan/layouts";
import { isAdditiveUnit, isPercentUnit } from "../../../src/plan/model";
import { findingsOf } from "../../support/checkPlan";
import { soundPlan, withAction, type SoundPlanChanges } from "../../support/soundPlan";
import { colOf, type Row } from "../../support/planGrids";

const r = (i: number) => tableHeaderRow(JAP) + 2 + i;
const objRow = (i: number) => tableHeaderRow(JBP) + 2 + i;
const withObjective = (i: number, patch: Row): SoundPlanChanges => ({ objectives: (rows) => rows.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
const rules = (changes: SoundPlanChanges) => findingsOf(soundPlan(changes)).map((f) => [f.rule, f.severity, f.cell, f.message]);

describe("KPI rules on actions", () => {
  test("kpi.targetMissing, kpi.unitMissing, kpi.directionMissing", () => {
    expect(rules(withAction(0, { target: null, actual: null }))).toEqual([["kpi.targetMissing", "error", `${colOf(JAP, "target")}${r(0)}`, "KPI 'New stores' has no Target. Type the number it should reach."]]);
    expect(rules(withAction(0, { unit: "" }))).toEqual([["kpi.unitMissing", "warning", `${colOf(JAP, "unit")}${r(0)}`, "KPI 'New stores' has no unit. Type its unit, such as cases, EUR or %."]]);
    expect(rules(withAction(0, { direction: null }))).toEqual([["kpi.directionMissing", "error", `${colOf(JAP, "direction")}${r(0)}`, "KPI 'New stores' has no Direction. Choose Higher is better or Lower is better."]]);
  });

  test("kpi.badDirection: unknown is an error; another wording is a warning with a repair", () => {
    expect(rules(withAction(0, { direction: "sideways" }))).toEqual([["kpi.badDirection", "error", `${colOf(JAP, "direction")}${r(0)}`, "Direction 'sideways' is neither Higher is better nor Lower is better."]]);
    const [f] = findingsOf(soundPlan(withAction(0, { direction: "higher" })));
    expect(f).toMatchObject({ rule: "kpi.badDirection", severity: "warning", repair: { value: "Higher is better" } });
  });

  test("a row without a KPI has no KPI findings; figures without a KPI name are a warning", () => {
    expect(findingsOf(soundPlan(withAction(0, { kpi: "", unit: "", direction: "", baseline: null, target: null, actual: null })))).toEqual([]);
    expect(rules(withAction(0, { kpi: "" }))).toEqual([["kpi.nameMissing", "warning", `${colOf(JAP, "kpi")}${r(0)}`, "Baseline is set but KPI is empty. Name the KPI it measures."]]);
  });

  test("kpi.notANumber: numeric text is repaired, other text and errors are not", () => {
    const [f] = findingsOf(soundPlan(withAction(0, { target: "1,200" })));
    expect(f).toMatchObject({
      rule: "kpi.notANumber",
      severity: "error",
      cell: `${colOf(JAP, "target")}${r(0)}`,
      message: "Target '1,200' is text, not a number, so it cannot be compared. Make it the number 1,200.",
      repair: { value: 1200, label: "Make this the number 1,200" },
    });
    expect(rules(withAction(0, { actual: "about 20" }))).toEqual([["kpi.notANumber", "error", `${colOf(JAP, "actual")}${r(0)}`, "Actual 'about 20' is not a number. Type a number, or leave it blank."]]);
    expect(rules(withAction(0, { baseline: { error: "#DIV/0!" } }))).toEqual([["kpi.notANumber", "error", `${colOf(JAP, "baseline")}${r(0)}`, "Baseline shows the error #DIV/0!. Type a number."]]);
    expect(findingsOf(soundPlan(withAction(0, { pctComplete: "50%" })))[0]).toMatchObject({ rule: "kpi.notANumber", repair: { value: 0.5 } });
  });

  test("kpi.actualWithoutTarget replaces targetMissing when there is an actual", () => {
    expect(rules(withAction(0, { target: null }))).toEqual([["kpi.actualWithoutTarget", "error", `${colOf(JAP, "actual")}${r(0)}`, "Actual is 18 but Target is empty. Type the target it is measured against."]]);
  });

  test("kpi.targetWorseThanBaseline for both directions", () => {
    expect(rules(withAction(0, { baseline: 50 }))).toEqual([
      ["kpi.targetWorseThanBaseline", "warning", `${colOf(JAP, "target")}${r(0)}`, "Target 40 is below the baseline 50 although higher is better. Check the target or the Direction."],
    ]);
    expect(rules(withAction(0, { direction: "Lower is better", baseline: 30 }))).toEqual([
      ["kpi.targetWorseThanBaseline", "warning", `${colOf(JAP, "target")}${r(0)}`, "Target 40 is above the baseline 30 although lower is better. Check the target or the Direction."],
    ]);
  });

  test("kpi.percentScale: % complete of 50 means 50 %", () => {
    const [f] = findingsOf(soundPlan(withAction(0, { pctComplete: 50 })));
    expect(f).toMatchObject({
      rule: "kpi.percentScale",
      cell: `${colOf(JAP, "pctComplete")}${r(0)}`,
      message: "% complete is 50, which Excel reads as 5,000 %. Did you mean 50 %?",
      repair: { value: 0.5, numberFormat: "0%", label: "Make this 50 %" },
    });
  });

  test("kpi.percentScale: a % KPI mixing fractions and points", () => {
    const f = findingsOf(soundPlan(withAction(0, { unit: "%", baseline: 0.2, target: 0.25, actual: 22 })));
    expect(f.map((x) => [x.rule, x.cell, x.repair?.value])).toEqual([["kpi.percentScale", `${colOf(JAP, "actual")}${r(0)}`, 0.22]]);
    expect(f[0].message).toBe("Actual is 22 while other figures of this % KPI are fractions (0.25 is 25 %). Did you mean 22 %?");
    // 120 % attainment is not a scale slip; points throughout are consistent.
    expect(findingsOf(soundPlan(withAction(0, { unit: "%", baseline: 0.8, target: 0.9, actual: 1.2 })))).toEqual([]);
    expect(findingsOf(soundPlan(withAction(0, { unit: "%", baseline: 20, target: 25, actual: 22 })))).toEqual([]);
  });
});

describe("KPI rules on JBP objectives", () => {
  test("kpi.fyMismatch for additive units, with the sum as repair", () => {
    const f = findingsOf(soundPlan(withObjective(0, { fyTarget: 12500 })));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.message, x.repair?.value])).toEqual([
      ["kpi.fyMismatch", "warning", `${colOf(JBP, "fyTarget")}${objRow(0)}`, "FY target 12,500 is not the sum of the quarter targets (12,000) although cases add up over the year.", 12000],
    ]);
    // % and stocks such as stores do not add up over quarters.
    expect(findingsOf(soundPlan(withObjective(1, { fyTarget: 0.04 })))).toEqual([]);
    expect(findingsOf(soundPlan(withObjective(0, { fyTarget: 12500, unit: "stores" })))).toEqual([]);
    // Rounding within 0.1 % is tolerated.
    expect(findingsOf(soundPlan(withObjective(0, { fyTarget: 12005 })))).toEqual([]);
  });

  test("quarter figures: not numbers, actual without its quarter's target, no target at all", () => {
    expect(rules(withObjective(0, { q2Target: "3 000" }))).toEqual([
      ["kpi.notANumber", "error", `${colOf(JBP, "q2Target")}${objRow(0)}`, "Q2 target '3 000' is text, not a number, so it cannot be compared. Make it the number 3,000."],
    ]);
    expect(rules(withObjective(0, { q1Target: null }))).toEqual([["kpi.actualWithoutTarget", "error", `${colOf(JBP, "q1Actual")}${objRow(0)}`, "Q1 actual is 2,900 but Q1 target is empty. Type the target it is measured against."]]);
    expect(rules(withObjective(1, { q1Target: null, q2Target: null, q3Target: null, q4Target: null, fyTarget: null }))).toEqual([
      ["kpi.targetMissing", "error", `${colOf(JBP, "fyTarget")}${objRow(1)}`, "KPI 'OOS rate' has no FY target. Type the number it should reach."],
    ]);
  });

  test("objective target worse than baseline", () => {
    expect(rules(withObjective(0, { baseline: 13000 })).map((x) => x[0])).toEqual(["kpi.targetWorseThanBaseline"]);
  });
});

test("units: percent and additive", () => {
  expect(["%", " Percent ", "pct"].every(isPercentUnit)).toBe(true);
  expect(isPercentUnit("cases")).toBe(false);
  expect(["EUR", "€", "k€", "USD k", "$", "cases", "units", "hl", "kg", "tonnes"].every(isAdditiveUnit)).toBe(true);
  expect(["%", "stores", "days", "score", "ratio", "NPS", "", "index"].some(isAdditiveUnit)).toBe(false);
});
