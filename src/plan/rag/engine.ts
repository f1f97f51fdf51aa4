/**
 * The RAG engine: evaluates the rule trees of ragRules.ts (the same trees the RAG formulas are
 * compiled from) and says why in words a planner understands.
 */
import type { CellValue } from "../model/schemas";
import { compiled, evaluate, isTrue, type EvalEnv } from "../expr/evalExpr";
import type { Action, Objective, Rag, RagResult, Settings } from "../model/schemas";
import type { PlanRag, PlanWorkbook } from "../model/planWorkbook";
import {
  ACTION_MEASURES,
  ACTION_RULES,
  japRowInUse,
  OBJECTIVE_KPI,
  objectiveKpiScore,
  objectiveRagExpr,
  SCORE,
  SIGNAL_GROUPS,
  type RagGate,
  type RagSignal,
} from "./ragRules";
import { countRags, describeCounts, rollUpCounts, type RagCounts } from "./rollUp";
import { SETTING_NAMES } from "../model/workbookNames";

/** The reason of a row the RAG formula leaves blank (nothing in ID, Action, Owner, Status, Start, Due). */
export const EMPTY_ROW = "Empty row: nothing to judge";

/** The workbook names the rules read, as the engine's settings give them. */
export function settingsNameValues(settings: Settings, asOf: number): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const key of Object.keys(SETTING_NAMES) as (keyof Settings)[]) out[SETTING_NAMES[key]] = key === "asOf" ? asOf : (settings[key] as CellValue);
  return out;
}

/** The action cells the rules read (the JAP RAG formula's columns). */
type ActionKey =
  | "id"
  | "objectiveId"
  | "priority"
  | "party"
  | "action"
  | "owner"
  | "status"
  | "start"
  | "due"
  | "pctComplete"
  | "direction"
  | "target"
  | "actual"
  | "lastUpdate"
  | "ragOverride"
  | "overrideReason";

/**
 * An action's cells as the RAG formula reads them: the cell as it stands on the sheet
 * (`source.raw`) when the reader kept it, so the engine sees exactly what the formula sees (a
 * status typed as "Completed" is not Done for either); else the parsed field (actions built in
 * code). An error value counts as blank here; on the sheet the formula shows the error.
 */
export function actionRowValues(a: Action): Record<string, CellValue> {
  // One object literal: every row has the same shape from the start (the rules read it key by key).
  const raw = a.source.raw;
  return {
    id: cellOf(raw.id, a.id),
    objectiveId: cellOf(raw.objectiveId, a.objectiveId),
    priority: cellOf(raw.priority, a.priority),
    party: cellOf(raw.party, a.party),
    action: cellOf(raw.action, a.action),
    owner: cellOf(raw.owner, a.owner),
    status: cellOf(raw.status, a.status),
    start: cellOf(raw.start, a.start),
    due: cellOf(raw.due, a.due),
    pctComplete: cellOf(raw.pctComplete, a.pctComplete),
    direction: cellOf(raw.direction, a.direction),
    target: cellOf(raw.target, a.target),
    actual: cellOf(raw.actual, a.actual),
    lastUpdate: cellOf(raw.lastUpdate, a.lastUpdate),
    ragOverride: cellOf(raw.ragOverride, a.ragOverride),
    overrideReason: cellOf(raw.overrideReason, a.overrideReason),
  } satisfies Record<ActionKey, CellValue>;
}

/** actionRowValues into a row object it made before: the engine reuses one for all the actions of a plan. */
function fillActionRow(a: Action, row: Record<ActionKey, CellValue>): void {
  const raw = a.source.raw;
  row.id = cellOf(raw.id, a.id);
  row.objectiveId = cellOf(raw.objectiveId, a.objectiveId);
  row.priority = cellOf(raw.priority, a.priority);
  row.party = cellOf(raw.party, a.party);
  row.action = cellOf(raw.action, a.action);
  row.owner = cellOf(raw.owner, a.owner);
  row.status = cellOf(raw.status, a.status);
  row.start = cellOf(raw.start, a.start);
  row.due = cellOf(raw.due, a.due);
  row.pctComplete = cellOf(raw.pctComplete, a.pctComplete);
  row.direction = cellOf(raw.direction, a.direction);
  row.target = cellOf(raw.target, a.target);
  row.actual = cellOf(raw.actual, a.actual);
  row.lastUpdate = cellOf(raw.lastUpdate, a.lastUpdate);
  row.ragOverride = cellOf(raw.ragOverride, a.ragOverride);
  row.overrideReason = cellOf(raw.overrideReason, a.overrideReason);
}

function blankActionRow(): Record<ActionKey, CellValue> {
  return {
    id: null,
    objectiveId: null,
    priority: null,
    party: null,
    action: null,
    owner: null,
    status: null,
    start: null,
    due: null,
    pctComplete: null,
    direction: null,
    target: null,
    actual: null,
    lastUpdate: null,
    ragOverride: null,
    overrideReason: null,
  };
}

/** The raw cell when the reader kept it (an error value as blank), else the parsed field. */
function cellOf(raw: CellValue | undefined, parsed: CellValue): CellValue {
  return raw === undefined ? parsed : typeof raw === "object" && raw !== null ? null : raw;
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;
const days = (n: number): string => {
  const d = Math.round(n);
  return `${d} ${d === 1 ? "day" : "days"}`;
};
const numberAt = (e: Parameters<typeof evaluate>[0], env: EvalEnv): number => {
  const v = evaluate(e, env);
  return typeof v === "number" ? v : NaN;
};
const rawText = (env: EvalEnv, key: string): string => {
  const v = env.row[key];
  return typeof v === "string" ? v.trim() : "";
};

function gateReason(id: string, env: EvalEnv): string {
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

function signalReason(s: RagSignal, env: EvalEnv): string {
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

/** The computed colour (before any override) and its reason. */
/** The action rules of ragRules.ts compiled once, in their order: in use, gates, each group's signals, override. */
interface CompiledRules {
  inUse: (env: EvalEnv) => CellValue;
  gates: { gate: RagGate; when: (env: EvalEnv) => CellValue }[];
  groups: { signal: RagSignal; when: (env: EvalEnv) => CellValue }[][];
  overrideValid: (env: EvalEnv) => CellValue;
  overrideValue: (env: EvalEnv) => CellValue;
}
let rules: CompiledRules | null = null;
function compiledRules(): CompiledRules {
  rules ??= {
    inUse: compiled(japRowInUse),
    gates: ACTION_RULES.gates.map((gate) => ({ gate, when: compiled(gate.when) })),
    groups: SIGNAL_GROUPS.map((group) => ACTION_RULES.signals.filter((s) => s.group === group).map((signal) => ({ signal, when: compiled(signal.when) }))),
    overrideValid: compiled(ACTION_RULES.override.valid),
    overrideValue: compiled(ACTION_RULES.override.value),
  };
  return rules;
}

function computedActionRag(env: EvalEnv, r: CompiledRules): { rag: Rag; reason: string } {
  for (const g of r.gates) if (isTrue(g.when(env))) return { rag: g.gate.rag, reason: gateReason(g.gate.id, env) };
  // The first signal that holds in each group; the worst colour wins, and the reason lists the hits worst first.
  let hits: RagSignal[] | null = null;
  for (const group of r.groups) {
    for (const s of group) {
      if (isTrue(s.when(env))) {
        (hits ??= []).push(s.signal);
        break;
      }
    }
  }
  if (hits === null) return { rag: "Green", reason: "On track" };
  if (hits.length === 1) return { rag: hits[0].rag, reason: signalReason(hits[0], env) };
  hits.sort((x, y) => SCORE[x.rag] - SCORE[y.rag]);
  return { rag: hits[0].rag, reason: hits.map((h) => signalReason(h, env)).join("; ") };
}

/** Whether the RAG formula judges this row at all (something in ID, Action, Owner, Status, Start or Due). */
export function actionInUse(action: Action): boolean {
  return isTrue(evaluate(japRowInUse, { row: actionRowValues(action), names: {} }));
}

export function computeActionRag(action: Action, asOf: number, settings: Settings): RagResult {
  return actionRag(action, { row: actionRowValues(action), names: settingsNameValues(settings, asOf) });
}

function actionRag(action: Action, env: EvalEnv): RagResult {
  const r = compiledRules();
  const { id, source } = action;
  if (!isTrue(r.inUse(env))) {
    return { id, sheet: source.sheet, row: source.row, rag: "Grey", computed: "Grey", overridden: false, reason: EMPTY_ROW };
  }
  const computed = computedActionRag(env, r);
  // Result objects written out whole, in one key order (no spread of a partial object per row).
  if (isTrue(r.overrideValid(env))) {
    const rag = r.overrideValue(env) as Rag;
    const reason = `Override: ${rag} (reason: ${String(env.row.overrideReason ?? "").trim()})`;
    return { id, sheet: source.sheet, row: source.row, computed: computed.rag, rag, overridden: true, reason };
  }
  return { id, sheet: source.sheet, row: source.row, computed: computed.rag, rag: computed.rag, overridden: false, reason: computed.reason };
}

const OBJECTIVE_KEYS = [
  "id",
  "objective",
  "direction",
  "q1Target",
  "q2Target",
  "q3Target",
  "q4Target",
  "q1Actual",
  "q2Actual",
  "q3Actual",
  "q4Actual",
] as const;

/** An objective's cells as the JBP formulas read them (raw cells first, as for actions); the formula columns are computed here. */
export function objectiveRowValues(o: Objective, counts: RagCounts, names: Record<string, CellValue>): Record<string, CellValue> {
  const row: Record<string, CellValue> = {};
  for (const key of OBJECTIVE_KEYS) {
    const raw = o.source.raw[key];
    row[key] = raw === undefined ? (o[key] as CellValue) : typeof raw === "object" && raw !== null ? null : raw;
  }
  Object.assign(row, {
    actionsRed: counts.Red,
    actionsAmber: counts.Amber,
    actionsGreen: counts.Green,
  });
  const env = { row, names };
  // In sheet order: the later formula columns read the earlier ones.
  row.ytdTarget = evaluate(OBJECTIVE_KPI.ytdTarget, env);
  row.ytdActual = evaluate(OBJECTIVE_KPI.ytdActual, env);
  row.pctToTarget = evaluate(OBJECTIVE_KPI.pctToTarget, env);
  return row;
}

/** Objective IDs as COUNTIFS matches them: ignoring case, exactly otherwise. */
export const objectiveKey = (id: string): string => id.toLowerCase();

/**
 * An objective's RAG from the RAG of its actions (overrides included, as the JAP RAG column shows
 * them) and its own YTD KPI. `actions` are all actions of the workbook with their results.
 */
export function computeObjectiveRag(objective: Objective, actions: { objectiveId: string; rag: Rag }[], asOf: number, settings: Settings): RagResult {
  const key = objectiveKey(objective.id);
  const counts = countRags(objective.id.trim() === "" ? [] : actions.filter((a) => objectiveKey(a.objectiveId) === key).map((a) => a.rag));
  return objectiveRag(objective, counts, settingsNameValues(settings, asOf), settings);
}

function objectiveRag(objective: Objective, counts: RagCounts, names: Record<string, CellValue>, settings: Settings): RagResult {
  const env = { row: objectiveRowValues(objective, counts, names), names };
  const value = evaluate(objectiveRagExpr(), env);
  if (value === "") {
    return { id: objective.id, sheet: objective.source.sheet, row: objective.source.row, rag: "Grey", computed: "Grey", overridden: false, reason: EMPTY_ROW };
  }
  const rag = value as Rag;
  const parts = [describeCounts({ ...counts, Grey: 0 }, "actions")];
  const kpi = evaluate(objectiveKpiScore, env);
  const attained = env.row.pctToTarget;
  if (typeof kpi === "number" && kpi > 0 && typeof attained === "number") parts.push(`KPI at ${pct(attained)} of target (YTD)`);
  else parts.push("no KPI results yet");
  const reason = `${settings.rollUp}: ${parts.join("; ")}`;
  return { id: objective.id, sheet: objective.source.sheet, row: objective.source.row, rag, computed: rag, overridden: false, reason };
}

export function computePlanRag(plan: PlanWorkbook, asOf: number): PlanRag {
  const settings = plan.settings;
  const names = settingsNameValues(settings, asOf);
  const actions: RagResult[] = [];
  const byObjective = new Map<string, Rag[]>();
  // One row object and one environment for all the actions: the rules read them and keep nothing,
  // so 10,000 actions make no garbage beyond their results (less garbage collection while the
  // freshly read plan is still in the young generation).
  const row = blankActionRow();
  const env: EvalEnv = { row, names };
  // Thousands of actions share a few objective IDs: each ID's key is worked out once.
  const keys = new Map<string, string>();
  for (const jap of plan.japs) {
    for (const a of jap.actions) {
      fillActionRow(a, row);
      const r = actionRag(a, env);
      actions.push(r);
      let key = keys.get(a.objectiveId);
      if (key === undefined) {
        key = objectiveKey(a.objectiveId);
        keys.set(a.objectiveId, key);
      }
      const list = byObjective.get(key);
      if (list) list.push(r.rag);
      else byObjective.set(key, [r.rag]);
    }
  }
  const objectives: RagResult[] = [];
  for (const jbp of plan.jbps) {
    for (const o of jbp.objectives) {
      const counts = countRags(o.id.trim() === "" ? [] : (byObjective.get(objectiveKey(o.id)) ?? []));
      objectives.push(objectiveRag(o, counts, names, settings));
    }
  }
  const basis = objectives.length > 0 ? objectives : actions;
  const counts = countRags(basis.map((r) => r.rag));
  const noun = objectives.length > 0 ? "objectives" : "actions";
  return { actions, objectives, plan: { rag: rollUpCounts(counts, settings.rollUp), reason: `${settings.rollUp}: ${describeCounts(counts, noun)}` } };
}
