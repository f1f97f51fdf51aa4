/**
 * The RAG reasons in words a planner understands: why an action, an objective or the plan has its
 * colour. The engine (engine.ts) decides the colour; these say why, from the same rule trees and the
 * same row (ragRules.ts's measures, evaluated only where their rule held).
 */
import { type EvalEnv, evaluate, type Expr } from "../expr";
import type { Rag, RollUpMethod } from "../model";
import { ACTION_MEASURES, type RagGate, type RagSignal } from "./ragRules";
import { RAG_ORDER, type RagCounts } from "./rollUp";

/** The reason of a row the RAG formula leaves blank (nothing in ID, Action, Owner, Status, Start, Due). */
export const EMPTY_ROW = "Empty row: nothing to judge";
/** The reason of an action that no gate or signal marks. */
export const ON_TRACK = "On track";

const pct = (x: number): string => `${Math.round(x * 100)} %`;
const days = (n: number): string => {
  const d = Math.round(n);
  return `${d} ${d === 1 ? "day" : "days"}`;
};
const numberAt = (e: Expr, env: EvalEnv): number => {
  const v = evaluate(e, env);
  return typeof v === "number" ? v : NaN;
};
const rawText = (env: EvalEnv, key: string): string => {
  const v = env.row[key];
  return typeof v === "string" ? v.trim() : "";
};

/** Why a gate (Cancelled, no status, no due date, Done, overdue) decided the colour. */
export function gateReason(id: RagGate["id"], env: EvalEnv): string {
  switch (id) {
    case "cancelled":
      return "Cancelled";
    case "noStatus": {
      const typed = rawText(env, "status");
      return typed ? `Not enough data: status '${typed}' is not in the list` : "Not enough data: no status";
    }
    case "noDue":
      return rawText(env, "due") ? "Not enough data: the due date is not a real date" : "Not enough data: no due date";
    case "done":
      return "Done";
    default:
      return `Overdue by ${days(numberAt(ACTION_MEASURES.daysOverdue, env))}`;
  }
}

/** Why a schedule, KPI or stale signal marks the action. */
export function signalReason(s: RagSignal, env: EvalEnv): string {
  switch (s.id) {
    case "behindRed":
    case "behindAmber":
      return `Behind schedule: ${pct(numberAt(ACTION_MEASURES.done, env))} done, ${pct(numberAt(ACTION_MEASURES.expected, env))} expected`;
    case "notStartedLate":
      return `Not started, ${days(numberAt(ACTION_MEASURES.daysSinceStart, env))} after its start date`;
    case "onHold":
      return "On hold";
    case "kpiRed":
    case "kpiAmber":
      return `KPI at ${pct(numberAt(ACTION_MEASURES.attainment, env))} of target`;
    default:
      return `No update for ${days(numberAt(ACTION_MEASURES.daysSinceUpdate, env))}`;
  }
}

/** The signals that hold, worst first, in one reason. */
export const signalsReason = (hits: readonly RagSignal[], env: EvalEnv): string => hits.map((h) => signalReason(h, env)).join("; ");

/** An override with its reason replaces the computed colour. */
export const overrideReason = (rag: Rag, reasonCell: unknown): string => `Override: ${rag} (reason: ${String(reasonCell ?? "").trim()})`;

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
 * null), phrased so the colour follows: "Red: KPI at 71 % of the YTD target; actions 2 Amber, 2 Green".
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
