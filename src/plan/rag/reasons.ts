/**
 * The RAG reasons in words a planner understands: why an action, an objective or the plan has its
 * colour. The engine (engine.ts) decides the colour; these say why, from the same rule trees and the
 * same row (ragRules.ts's measures, evaluated only where their rule held).
 */
import { add, and, choose, concat, eq, type EvalEnv, evaluate, type Expr, gt, iff, isFilled, isNumber, mid, mul, not, num, ref, round, str, trim } from "../expr";
import { Rag, type RollUpMethod } from "../model";
import { ACTION_MEASURES, ACTION_RULES, japRowInUse, RAG_PARTS, type RagGate, type RagSignal, SIGNAL_GROUPS } from "./ragRules";
import { RAG_ORDER, type RagCounts } from "./rollUp";

/** The reason of a row the RAG formula leaves blank (nothing in ID, Action, Owner, Status, Start, Due). */
export const EMPTY_ROW = "Empty row: nothing to judge";
/** The reason of an action that no gate or signal marks. */
export const ON_TRACK = "On track";

/**
 * The words as expressions over the row (each evaluated only where its rule held), so the engine
 * says them and the JAP's "RAG reason" column (actionReasonExpr) writes them from one description.
 */
const pctText = (x: Expr): Expr => concat(round(mul(x, num(100))), str(" %"));
const daysText = (n: Expr): Expr => concat(round(n), iff(eq(round(n), num(1)), str(" day"), str(" days")));
/** Text someone typed (not a number): what "status 'x'" quotes. */
const typedText = (key: string): Expr => and(not(isNumber(ref(key))), isFilled(ref(key)));
const M = ACTION_MEASURES;

export const GATE_TEXT: Record<RagGate["id"], Expr> = {
  cancelled: str("Cancelled"),
  noStatus: iff(typedText("status"), concat(str("Not enough data: status '"), trim(ref("status")), str("' is not in the list")), str("Not enough data: no status")),
  noDue: iff(typedText("due"), str("Not enough data: the due date is not a real date"), str("Not enough data: no due date")),
  done: str("Done"),
  overdue: concat(str("Overdue by "), daysText(M.daysOverdue)),
};

const behindText = concat(str("Behind schedule: "), pctText(M.done), str(" done, "), pctText(M.expected), str(" expected"));
const kpiText = concat(str("KPI at "), pctText(M.attainment), str(" of target"));
export const SIGNAL_TEXT: Record<RagSignal["id"], Expr> = {
  behindRed: behindText,
  behindAmber: behindText,
  notStartedLate: concat(str("Not started, "), daysText(M.daysSinceStart), str(" after its start date")),
  onHold: str("On hold"),
  kpiRed: kpiText,
  kpiAmber: kpiText,
  stale: concat(str("No update for "), daysText(M.daysSinceUpdate)),
};

const textAt = (e: Expr, env: EvalEnv): string => {
  const v = evaluate(e, env);
  return typeof v === "string" ? v : String(v);
};

/** Why a gate (Cancelled, no status, no due date, Done, overdue) decided the colour. */
export const gateReason = (id: RagGate["id"], env: EvalEnv): string => textAt(GATE_TEXT[id], env);

/** Why a schedule, KPI or stale signal marks the action. */
export const signalReason = (s: RagSignal, env: EvalEnv): string => textAt(SIGNAL_TEXT[s.id], env);

/** The signals that hold, worst first, in one reason. */
export const signalsReason = (hits: readonly RagSignal[], env: EvalEnv): string => hits.map((h) => signalReason(h, env)).join("; ");

/** An override with its reason replaces the computed colour. */
export const OVERRIDE_TEXT = (colour: Expr): Expr => concat(str("Override: "), colour, str(" (reason: "), trim(ref("overrideReason")), str(")"));
// One tree per colour, built once: the engine's compiled trees are cached by tree.
const OVERRIDE_TEXTS = Object.fromEntries(Rag.options.map((r) => [r, OVERRIDE_TEXT(str(r))])) as Record<Rag, Expr>;
export const overrideReason = (rag: Rag, env: EvalEnv): string => textAt(OVERRIDE_TEXTS[rag], env);

/**
 * The reason of a JAP row as the "RAG reason" column computes it, from the parts the RAG reads: the
 * override, the deciding gate, or the signals that hold, worst first ("; " between them), else
 * "On track"; blank on a row not in use. The engine gives the same words (property test).
 */
export function actionReasonExpr(): Expr {
  const P = RAG_PARTS;
  // One slot per group and colour, Red before Amber and the groups in order, as the engine sorts its hits.
  const slots: Expr[] = [];
  for (const colour of ["Red", "Amber"] as const) {
    for (const group of SIGNAL_GROUPS) {
      const signals = P.signalsOf(group);
      if (!signals.some((x) => x.rag === colour)) continue;
      slots.push(choose(add(P.groups[group], num(1)), str(""), ...signals.map((x) => (x.rag === colour ? concat(str("; "), SIGNAL_TEXT[x.id]) : str("")))));
    }
  }
  const none = and(...SIGNAL_GROUPS.map((g) => eq(P.groups[g], num(0))));
  const signals = iff(none, str(ON_TRACK), mid(concat(...slots), 3, 1000));
  const gated = iff(gt(P.gate, num(0)), choose(P.gate, ...ACTION_RULES.gates.map((g) => GATE_TEXT[g.id])), signals);
  return iff(japRowInUse, iff(isFilled(P.override), OVERRIDE_TEXT(P.override), gated), str(""));
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;

/** "actions 1 Red, 2 Amber" (colours with zero left out; "no actions" when none): the noun first, so the colours read as a list. */
export function describeCounts(c: RagCounts, noun: string): string {
  const parts = RAG_ORDER.filter((r) => c[r] > 0).map((r) => `${c[r]} ${r}`);
  return parts.length === 0 ? `no ${noun}` : `${noun} ${parts.join(", ")}`;
}

/** "Red: " or, by average score, "Amber (average score): ": the colour first, so what follows says why. */
const lead = (rag: Rag, method: RollUpMethod): string => (method === "Average score" && rag !== "Grey" ? `${rag} (average score): ` : `${rag}: `);

const KPI_COLOUR: Record<number, Rag> = { 1: "Red", 2: "Amber", 3: "Green" };

/**
 * An objective's roll-up of its actions and its own YTD KPI (`attainment` and its score 1..3, else
 * null), phrased so the colour follows: "Red: KPI at 83 % of the YTD target; actions 2 Amber, 2 Green".
 * What decides the colour comes first (the KPI when it has the objective's colour, else the actions).
 */
export function objectiveReason(method: RollUpMethod, rag: Rag, counts: RagCounts, kpi: { attainment: number; score: number } | null): string {
  const actions = describeCounts({ ...counts, Grey: 0 }, "actions");
  const kpiPart = kpi ? `KPI at ${pct(kpi.attainment)} of the YTD target` : "no KPI results yet";
  const kpiFirst = kpi !== null && KPI_COLOUR[kpi.score] === rag;
  return lead(rag, method) + (kpiFirst ? `${kpiPart}; ${actions}` : `${actions}; ${kpiPart}`);
}

/** The plan's roll-up of its objectives (or of its actions when there is no JBP): "Red: objectives 1 Red, 2 Green". */
export const planReason = (method: RollUpMethod, rag: Rag, counts: RagCounts, noun: "objectives" | "actions"): string => lead(rag, method) + describeCounts(counts, noun);
