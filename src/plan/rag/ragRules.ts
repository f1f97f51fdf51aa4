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
import { add, and, choose, countRows, dateOf, div, edate, eq, type Expr, ge, gt, guarded, header, helper, iff, inJoins, isFilled, isNumber, isText, le, lt, max, min, mul, name, not, num, or, ref, rowInUse, str, sub } from "../expr";
import { ADDITIVE_UNIT_JOINS, Rag, SETTING_NAMES, Status } from "../model";
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

/** The cells that make a JAP row "in use". */
export const JAP_IN_USE_KEYS = ["id", "action", "owner", "status", "start", "due"];

/**
 * The parts of the action rule that helper columns at the JAP table's right end compute once a row
 * (issue 16): the RAG formula, the reason and the live marks read them instead of repeating the
 * text comparisons and the arithmetic; the engine evaluates the same trees inline. The parts that
 * read no date of the as-of (in use, override, status, attainment) are kept apart from those that
 * do (expected progress, gate, signals), so what "today" makes volatile is a few short formulas.
 */
export const JAP_HELPER = {
  inUse: helper("calcInUse", rowInUse(JAP_IN_USE_KEYS)),
  /** The status as a code: its place in the list (Not started 1 … Cancelled 5), 0 when not in it. */
  status: helper(
    "calcStatus",
    Status.options.reduceRight<Expr>((rest, s, i) => iff(isText(status, s), num(i + 1), rest), num(0)),
  ),
};
const statusCode = (s: Status): number => Status.options.indexOf(s) + 1;
const isStatus = (s: Status): Expr => eq(JAP_HELPER.status, num(statusCode(s)));

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

const hasStart = isNumber(start);
const hasKpi = and(isNumber(target), isNumber(actual));
const expectedInline = iff(le(due, start), iff(ge(asOf, start), num(1), num(0)), min(num(1), max(num(0), div(sub(asOf, start), sub(due, start)))));
const attainmentInline = attainment(target, actual, isText(ref("direction"), "Lower is better"));
/** Expected progress where Start and Due are dates (else ""), and KPI attainment where Target and Actual are numbers (else ""). */
const expectedHelper = helper("calcExpected", iff(and(hasStart, isNumber(due)), expectedInline, str("")));
const attainmentHelper = helper("calcAttainment", iff(hasKpi, attainmentInline, str("")));

/** Numbers the reasons quote, evaluated only where their guards hold. */
export const ACTION_MEASURES = {
  expected: expectedHelper,
  done: iff(isNumber(pctComplete), pctComplete, num(0)),
  attainment: attainmentHelper,
  daysOverdue: sub(asOf, due),
  daysSinceStart: sub(asOf, start),
  daysSinceUpdate: sub(asOf, lastUpdate),
};
const M = ACTION_MEASURES;
const behind = sub(M.expected, M.done);

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
    { id: "noStatus", when: eq(JAP_HELPER.status, num(0)), rag: "Grey" },
    { id: "noDue", when: not(isNumber(due)), rag: "Grey" },
    { id: "done", when: isStatus("Done"), rag: "Green" },
    { id: "overdue", when: lt(due, asOf), rag: "Red" },
  ] as RagGate[],
  /** In priority order within each group: the first that holds scores the group. */
  signals: [
    // Expected progress is a number exactly when Start and Due are dates (Due is one past the gates).
    { id: "behindRed", group: "schedule", when: guarded(isNumber(M.expected), gt(behind, name(N.paceRed))), rag: "Red" },
    { id: "behindAmber", group: "schedule", when: guarded(isNumber(M.expected), gt(behind, name(N.paceAmber))), rag: "Amber" },
    { id: "notStartedLate", group: "schedule", when: guarded(hasStart, and(isStatus("Not started"), gt(asOf, start))), rag: "Amber" },
    { id: "onHold", group: "schedule", when: isStatus("On hold"), rag: "Amber" },
    { id: "kpiRed", group: "kpi", when: guarded(hasKpi, lt(M.attainment, name(N.amberThreshold))), rag: "Red" },
    { id: "kpiAmber", group: "kpi", when: guarded(hasKpi, lt(M.attainment, name(N.greenThreshold))), rag: "Amber" },
    { id: "stale", group: "stale", when: guarded(isNumber(lastUpdate), gt(M.daysSinceUpdate, name(N.staleDays))), rag: "Amber" },
  ] as RagSignal[],
};

export const japRowInUse: Expr = JAP_HELPER.inUse;

export const SIGNAL_GROUPS: SignalGroup[] = ["schedule", "kpi", "stale"];

/** The first of `items` whose condition holds, as its 1-based place, else 0. */
const firstThatHolds = (whens: Expr[]): Expr => whens.reduceRight<Expr>((rest, when, i) => iff(when, num(i + 1), rest), num(0));

/**
 * The override's colour when it is valid (a RAG word with a reason), else "": what
 * iff(override.valid, override.value, "") gives, written reason first and one colour at a time so a
 * sheet stops at the first test that fails (most rows have no reason) rather than evaluating all.
 */
const overrideHelper = helper(
  "calcOverride",
  iff(isFilled(reasonCell), Rag.options.reduceRight<Expr>((rest, r) => iff(isText(override, r), str(r), rest), str("")), str("")),
);
/** Which gate decides the row (its place in ACTION_RULES.gates), 0 when none does. */
const gateHelper = helper("calcGate", firstThatHolds(ACTION_RULES.gates.map((g) => g.when)));
/** Which signal of each group holds first (its place in the group), 0 when none does. */
const groupHelpers: Record<SignalGroup, Extract<Expr, { op: "helper" }>> = {
  schedule: helper("calcSchedule", firstThatHolds(signalsOf("schedule").map((s) => s.when))),
  kpi: helper("calcKpi", firstThatHolds(signalsOf("kpi").map((s) => s.when))),
  stale: helper("calcStale", firstThatHolds(signalsOf("stale").map((s) => s.when))),
};
function signalsOf(group: SignalGroup): RagSignal[] {
  return ACTION_RULES.signals.filter((s) => s.group === group);
}

/** A group's score: the first signal that holds scores it, else Green (3). */
export function groupScore(group: SignalGroup): Expr {
  return choose(add(groupHelpers[group], num(1)), num(RAG_SCORE.Green), ...signalsOf(group).map((s) => num(RAG_SCORE[s.rag])));
}

/**
 * Two flags the RAG Summary counts by (summary/summaryLayout.ts), 1 or 0 a row, so that each of its
 * label rows needs one numeric criterion where it compared text several times (issue 16: the
 * summary's COUNTIFS are the co-author's largest cost, and a "?*" criterion runs a pattern search in
 * every cell):
 *   overridden  the row is in use and its RAG shows a valid override (what `override.valid` says);
 *   counted     the row is in use, not Cancelled, and its % complete is a number from 0 to 1: it
 *               counts towards the summary's average % complete.
 */
export const SUMMARY_FLAGS = {
  overridden: helper("calcOverridden", iff(japRowInUse, iff(isFilled(overrideHelper), num(1), num(0)), num(0))),
  counted: helper(
    "calcCounted",
    iff(
      japRowInUse,
      iff(isNumber(pctComplete), iff(and(not(isStatus("Cancelled")), ge(pctComplete, num(0)), le(pctComplete, num(1))), num(1), num(0)), num(0)),
      num(0),
    ),
  ),
};

/**
 * The helper columns of the JAP table, left to right: each computes one helper node, and may read
 * the columns left of it. Their order is also the order a formula reads them in.
 */
export const JAP_HELPER_COLUMNS: readonly Extract<Expr, { op: "helper" }>[] = [
  JAP_HELPER.inUse,
  JAP_HELPER.status,
  overrideHelper,
  expectedHelper,
  attainmentHelper,
  gateHelper,
  groupHelpers.schedule,
  groupHelpers.kpi,
  groupHelpers.stale,
  SUMMARY_FLAGS.overridden,
  SUMMARY_FLAGS.counted,
];

/** The overdue gate's code in the `calc: gate` column: its place in ACTION_RULES.gates. */
export const OVERDUE_GATE = ACTION_RULES.gates.findIndex((g) => g.id === "overdue") + 1;
/**
 * Overdue as the RAG decides it: the overdue gate is the first that holds (an open Status, trimmed
 * and case ignored, and a real Due date before JP_AsOf; an open Status puts the row in use). The
 * overdue lists of the RAG Summary and the Meeting pack read the gate column with one numeric test.
 */
export const actionOverdue: Expr = eq(gateHelper, num(OVERDUE_GATE));

/** The parts the RAG reads, for the reason column to read them too (reasons.ts). */
export const RAG_PARTS = { override: overrideHelper, gate: gateHelper, groups: groupHelpers, signalsOf };

/** The whole action rule as one expression: what the JAP RAG column computes. */
export function actionRagExpr(): Expr {
  return ACTION_RAG_EXPR;
}
const ACTION_RAG_EXPR: Expr = buildActionRagExpr();
function buildActionRagExpr(): Expr {
  const signals = choose(min(...SIGNAL_GROUPS.map(groupScore)), str("Red"), str("Amber"), str("Green"));
  const gated = iff(gt(gateHelper, num(0)), choose(gateHelper, ...ACTION_RULES.gates.map((g) => str(g.rag))), signals);
  return iff(japRowInUse, iff(isFilled(overrideHelper), overrideHelper, gated), str(""));
}

// ---------------------------------------------------------------- objectives (JBP rows)

const QUARTERS = [1, 2, 3, 4] as const;
const qTarget = (q: number): Expr => ref(`q${q}Target`);
const qActual = (q: number): Expr => ref(`q${q}Actual`);

/**
 * Q1's first day: the JBP header's Period start, else 1 January of its Year, else "" (the quarters
 * cannot be placed in time). A Period start before March 1900 or a Year outside 2000..2100 places
 * nothing: the spreadsheets count such dates differently, and the reader refuses such a year.
 */
const periodStart = header("periodStart");
const year = header("year");
export const JBP_Q1_START: Expr = iff(
  and(isNumber(periodStart), ge(periodStart, num(61))),
  periodStart,
  iff(and(isNumber(year), ge(year, num(2000)), le(year, num(2100))), dateOf(year, 1, 1), str("")),
);
const placed = isNumber(JBP_Q1_START);
const quarterStart = (q: number): Expr => edate(JBP_Q1_START, 3 * (q - 1));
const quarterNext = (q: number): Expr => edate(JBP_Q1_START, 3 * q);
/** Days of quarter q up to and including the as-of date: 0 before it starts, all its days once it has ended. */
const daysElapsed = (q: number): Expr => sub(min(quarterNext(q), add(asOf, num(1))), quarterStart(q));

/**
 * The parts of the YTD rule that helper columns at the JBP table's right end compute once a row:
 * whether the unit is additive, and the weight each quarter counts with ("" when it does not).
 */
export const JBP_HELPER = {
  additive: helper("calcAdditive", inJoins(ref("unit"), ADDITIVE_UNIT_JOINS)),
  /**
   * A quarter counts once it has a target and an actual (numbers) and has begun by the as-of date.
   * Its weight: for an additive unit the share of its days elapsed (1 once it has ended), else its
   * days elapsed; 1 when the quarters cannot be placed in time (every such quarter counts in full).
   */
  weight: (q: number): Extract<Expr, { op: "helper" }> =>
    helper(
      `calcQ${q}`,
      iff(
        and(isNumber(qTarget(q)), isNumber(qActual(q))),
        iff(
          placed,
          iff(gt(daysElapsed(q), num(0)), iff(JBP_HELPER.additive, div(daysElapsed(q), sub(quarterNext(q), quarterStart(q))), daysElapsed(q)), str("")),
          num(1),
        ),
        str(""),
      ),
    ),
};
const weights = QUARTERS.map((q) => JBP_HELPER.weight(q));
const counts = (q: number): Expr => isNumber(weights[q - 1]);
const sumOver = (value: (q: number) => Expr): Expr => QUARTERS.map((q) => iff(counts(q), value(q), num(0))).reduce((a, b) => add(a, b));
const anyQuarter = or(...QUARTERS.map(counts));
const weightSum = sumOver((q) => weights[q - 1]);

/** The JBP's helper columns, left to right (each reads only those left of it). */
export const JBP_HELPER_COLUMNS: readonly Extract<Expr, { op: "helper" }>[] = [JBP_HELPER.additive, ...weights];

/**
 * The objective's own KPI against its quarterly grid, as of JP_AsOf (the YTD rule, which the
 * quarterly review records too): a quarter that has ended counts in full, the quarter in progress
 * pro rata to its days elapsed, a quarter not begun not at all; only quarters with a target and an
 * actual count. Additive units (flows: money, volumes): YTD target = the targets of the quarters
 * that count, the one in progress pro rata; YTD actual = their actuals. Other units (%, days,
 * stores): day-weighted averages of the targets and of the actuals. Blank ("") when no quarter
 * counts (as of a date before the year starts). Without a Period start or a Year the quarters
 * cannot be placed in time: each quarter with both figures counts in full (a plain average for
 * non-additive units).
 */
export const OBJECTIVE_KPI = {
  ytdTarget: iff(anyQuarter, iff(JBP_HELPER.additive, sumOver((q) => mul(qTarget(q), weights[q - 1])), div(sumOver((q) => mul(qTarget(q), weights[q - 1])), weightSum)), str("")),
  ytdActual: iff(anyQuarter, iff(JBP_HELPER.additive, sumOver(qActual), div(sumOver((q) => mul(qActual(q), weights[q - 1])), weightSum)), str("")),
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
