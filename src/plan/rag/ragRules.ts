/**
 * The RAG rules, written once as data (../shared/DESIGN.md "RAG rules"). The JAP and JBP RAG
 * formulas (ragFormula.ts) are compiled from these trees, and the engine (engine.ts) evaluates the
 * same trees, so a row gets one colour whichever computes it.
 *
 * Action, in order:
 *   in use    a row with nothing in ID, Action, Owner, Status, Start and Due is not judged: the
 *             formula shows blank ("") and the engine says Grey ("Empty row");
 *   override  a RAG override (Red/Amber/Green/Grey) with a non-blank reason replaces the colour;
 *   gates     first match wins: Cancelled → Grey; no Status (blank or not in the list) → Grey;
 *             no Due date as a real date (blank or text) → Grey; Done → Green; Due before the
 *             as-of date → Red;
 *   signals   otherwise the worst of three groups, each scored Red 1, Amber 2, Green 3:
 *             schedule  (needs Start as a real date) expected = (as-of − start)/(due − start)
 *                       clipped to 0..1, or 1 once as-of ≥ start when due ≤ start; behind =
 *                       expected − % complete (blank % complete is 0); behind > JP_PaceRed → Red;
 *                       > JP_PaceAmber → Amber; Not started with as-of > start → Amber; On hold →
 *                       Amber (On hold counts without a start date too);
 *             KPI       (needs Target and Actual as numbers) attainment = actual/target (Higher is
 *                       better, and a blank or unknown Direction) or target/actual (Lower is
 *                       better); a zero denominator counts as attained when the numerator is ≥ 0,
 *                       else 0; attainment < JP_Amber → Red; < JP_Green → Amber;
 *             stale     Last update as a real date and as-of − last update > JP_StaleDays → Amber
 *                       (no Last update: no stale signal).
 * List cells are compared as Excel does (TRIM, case ignored); aliases such as "Completed" are not
 * list values: the live rule and the check flag them.
 */
import { add, and, choose, countRows, div, eq, type Expr, ge, gt, guarded, iff, isFilled, isNumber, isText, le, lt, max, min, mul, name, not, num, or, ref, rowInUse, str, sub } from "../expr";
import { Rag, SETTING_NAMES, Status } from "../model";
import { RAG_SCORE } from "./rollUp";

const N = SETTING_NAMES;
export const asOf = name(N.asOf);
const status = ref("status");
const start = ref("start");
const due = ref("due");
const pctComplete = ref("pctComplete");
const target = ref("target");
const actual = ref("actual");
const lastUpdate = ref("lastUpdate");
const override = ref("ragOverride");
const reasonCell = ref("overrideReason");

const isStatus = (s: Status): Expr => isText(status, s);

/** The RAG an override cell asks for, in its canonical spelling. */
const overrideValue: Expr = iff(
  isText(override, "Red"),
  str("Red"),
  iff(isText(override, "Amber"), str("Amber"), iff(isText(override, "Green"), str("Green"), str("Grey"))),
);


/** Attainment of a KPI by direction, with zero guards; both figures must be numbers. */
export function attainment(targetE: Expr, actualE: Expr, lowerIsBetter: Expr): Expr {
  return iff(
    lowerIsBetter,
    iff(eq(actualE, num(0)), iff(ge(targetE, num(0)), num(1), num(0)), div(targetE, actualE)),
    iff(eq(targetE, num(0)), iff(ge(actualE, num(0)), num(1), num(0)), div(actualE, targetE)),
  );
}

/** Numbers the reasons quote, evaluated only where their guards hold. */
export const ACTION_MEASURES = {
  expected: iff(le(due, start), iff(ge(asOf, start), num(1), num(0)), min(num(1), max(num(0), div(sub(asOf, start), sub(due, start))))),
  done: iff(isNumber(pctComplete), pctComplete, num(0)),
  attainment: attainment(target, actual, isText(ref("direction"), "Lower is better")),
  daysOverdue: sub(asOf, due),
  daysSinceStart: sub(asOf, start),
  daysSinceUpdate: sub(asOf, lastUpdate),
};
const M = ACTION_MEASURES;
const behind = sub(M.expected, M.done);
const hasStart = isNumber(start);
const hasKpi = and(isNumber(target), isNumber(actual));

export interface RagGate {
  id: "cancelled" | "noStatus" | "noDue" | "done" | "overdue";
  when: Expr;
  rag: Rag;
}

export type SignalGroup = "schedule" | "kpi" | "stale";

export interface RagSignal {
  id: "behindRed" | "behindAmber" | "notStartedLate" | "onHold" | "kpiRed" | "kpiAmber" | "stale";
  group: SignalGroup;
  when: Expr;
  rag: Exclude<Rag, "Grey" | "Green">;
}

export const ACTION_RULES = {
  override: { valid: and(or(...Rag.options.map((r) => isText(override, r))), isFilled(reasonCell)), value: overrideValue },
  gates: [
    { id: "cancelled", when: isStatus("Cancelled"), rag: "Grey" },
    { id: "noStatus", when: not(or(...Status.options.map(isStatus))), rag: "Grey" },
    { id: "noDue", when: not(isNumber(due)), rag: "Grey" },
    { id: "done", when: isStatus("Done"), rag: "Green" },
    { id: "overdue", when: lt(due, asOf), rag: "Red" },
  ] as RagGate[],
  /** In priority order within each group: the first that holds scores the group. */
  signals: [
    { id: "behindRed", group: "schedule", when: guarded(hasStart, gt(behind, name(N.paceRed))), rag: "Red" },
    { id: "behindAmber", group: "schedule", when: guarded(hasStart, gt(behind, name(N.paceAmber))), rag: "Amber" },
    { id: "notStartedLate", group: "schedule", when: guarded(hasStart, and(isStatus("Not started"), gt(asOf, start))), rag: "Amber" },
    { id: "onHold", group: "schedule", when: isStatus("On hold"), rag: "Amber" },
    { id: "kpiRed", group: "kpi", when: guarded(hasKpi, lt(M.attainment, name(N.amberThreshold))), rag: "Red" },
    { id: "kpiAmber", group: "kpi", when: guarded(hasKpi, lt(M.attainment, name(N.greenThreshold))), rag: "Amber" },
    { id: "stale", group: "stale", when: guarded(isNumber(lastUpdate), gt(M.daysSinceUpdate, name(N.staleDays))), rag: "Amber" },
  ] as RagSignal[],
};

/** The cells that make a JAP row "in use". */
export const JAP_IN_USE_KEYS = ["id", "action", "owner", "status", "start", "due"];
export const japRowInUse: Expr = rowInUse(JAP_IN_USE_KEYS);

export const SIGNAL_GROUPS: SignalGroup[] = ["schedule", "kpi", "stale"];

/** A group's score as a formula: the first signal that holds, else Green (3). */
export function groupScore(group: SignalGroup): Expr {
  const signals = ACTION_RULES.signals.filter((s) => s.group === group);
  return signals.reduceRight<Expr>((rest, s) => iff(s.when, num(RAG_SCORE[s.rag]), rest), num(RAG_SCORE.Green));
}

/** The whole action rule as one expression: what the JAP RAG column computes. */
export function actionRagExpr(): Expr {
  return ACTION_RAG_EXPR;
}
const ACTION_RAG_EXPR: Expr = buildActionRagExpr();
function buildActionRagExpr(): Expr {
  const signals = choose(min(...SIGNAL_GROUPS.map(groupScore)), str("Red"), str("Amber"), str("Green"));
  const gated = ACTION_RULES.gates.reduceRight<Expr>((rest, g) => iff(g.when, str(g.rag), rest), signals);
  return iff(japRowInUse, iff(ACTION_RULES.override.valid, ACTION_RULES.override.value, gated), str(""));
}

// ---------------------------------------------------------------- objectives (JBP rows)

const QUARTERS = [1, 2, 3, 4] as const;
const qTarget = (q: number): Expr => ref(`q${q}Target`);
const qActual = (q: number): Expr => ref(`q${q}Actual`);
/** A quarter counts towards YTD once it has both a target and an actual as numbers. */
const quarterIn = (q: number): Expr => and(isNumber(qTarget(q)), isNumber(qActual(q)));
const sumQuarters = (value: (q: number) => Expr): Expr => QUARTERS.map((q) => iff(quarterIn(q), value(q), num(0))).reduce((a, b) => add(a, b));
const anyQuarter = or(...QUARTERS.map(quarterIn));

/**
 * The objective's own KPI against its quarterly grid. YTD target = the targets of the quarters that
 * have an actual (and a target), YTD actual = those actuals; blank ("") when no quarter has both.
 * Decided this way rather than "quarters up to the as-of quarter" so a late actual is not read as
 * zero achievement, and the columns need no date. Attainment of sums equals attainment of averages,
 * so non-additive units (%, days) judge correctly too.
 */
export const OBJECTIVE_KPI = {
  ytdTarget: iff(anyQuarter, sumQuarters(qTarget), str("")),
  ytdActual: iff(anyQuarter, sumQuarters(qActual), str("")),
  pctToTarget: iff(
    and(isNumber(ref("ytdTarget")), isNumber(ref("ytdActual"))),
    attainment(ref("ytdTarget"), ref("ytdActual"), isText(ref("direction"), "Lower is better")),
    str(""),
  ),
};

/** The JAP tables an objective counts its actions in, by this alias (several are added up). */
export const JAP_ALIAS = "jap";
const idFilled = isFilled(ref("id"));

/** How many actions of `colour` (by their RAG column, overrides included) belong to this objective. */
export function objectiveActionCount(colour: Exclude<Rag, "Grey">): Expr {
  return iff(
    idFilled,
    countRows(JAP_ALIAS, [
      { key: "objectiveId", value: ref("id") },
      { key: "rag", value: str(colour) },
    ]),
    num(0),
  );
}

/** The objective KPI's score: Red 1, Amber 2, Green 3, or 0 when there is no YTD attainment. */
const pctToTarget = ref("pctToTarget");
export const objectiveKpiScore: Expr = iff(
  isNumber(pctToTarget),
  iff(lt(pctToTarget, name(N.amberThreshold)), num(1), iff(lt(pctToTarget, name(N.greenThreshold)), num(2), num(3))),
  num(0),
);

/**
 * The objective's RAG from its action counts (columns actionsRed/Amber/Green) and its KPI score.
 * Worst of: any Red → Red, any Amber → Amber, any Green → Green, else Grey. Average score: mean of
 * the scores (R 1, A 2, G 3) below 1.5 Red, below 2.5 Amber, else Green; compared as
 * sum < 1.5 × count so no division and no rounding. Grey actions are never counted.
 */
export function objectiveRagExpr(): Expr {
  return OBJECTIVE_RAG_EXPR;
}
/** The cells that make a JBP row "in use": blank template rows show a blank RAG. */
export const JBP_IN_USE_KEYS = ["id", "objective"];
export const jbpRowInUse: Expr = rowInUse(JBP_IN_USE_KEYS);

function buildObjectiveRagExpr(): Expr {
  return iff(jbpRowInUse, rollUpExpr(ref("actionsRed"), ref("actionsAmber"), ref("actionsGreen"), objectiveKpiScore), str(""));
}

/**
 * A roll-up as a formula: counts of Red, Amber and Green, plus an optional extra score `k` (0 when
 * absent, else 1..3) that joins as one more member. Method from JP_RollUp.
 */
export function rollUpExpr(r: Expr, a: Expr, g: Expr, k: Expr = num(0)): Expr {
  const worst = iff(
    or(gt(r, num(0)), eq(k, num(1))),
    str("Red"),
    iff(or(gt(a, num(0)), eq(k, num(2))), str("Amber"), iff(or(gt(g, num(0)), eq(k, num(3))), str("Green"), str("Grey"))),
  );
  const count = add(add(add(r, a), g), iff(gt(k, num(0)), num(1), num(0)));
  const sum = add(add(add(r, mul(num(2), a)), mul(num(3), g)), k);
  const average = iff(
    eq(count, num(0)),
    str("Grey"),
    iff(lt(sum, mul(num(1.5), count)), str("Red"), iff(lt(sum, mul(num(2.5), count)), str("Amber"), str("Green"))),
  );
  return iff(isText(name(N.rollUp), "Average score"), average, worst);
}

const OBJECTIVE_RAG_EXPR: Expr = buildObjectiveRagExpr();
