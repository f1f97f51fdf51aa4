/**
 * The RAG engine: evaluates the rule trees of ragRules.ts (the same trees the RAG formulas are
 * compiled from); reasons.ts says why in words.
 */
import { type Action, type CellValue, currentJaps, jbpHeaderValues, isErrorCell as modelIsErrorCell, type Objective, type PlanRag, type PlanWorkbook, type Rag, type RagResult, SETTING_NAMES, type Settings } from "../model";
import { compiled, type EvalEnv, evaluate, type Expr, isTrue as exprIsTrue, withHelperRefs } from "../expr";
import {
  ACTION_RULES,
  japRowInUse,
  JBP_HELPER_COLUMNS,
  OBJECTIVE_KPI,
  objectiveKpiScore,
  objectiveRagExpr,
  SIGNAL_GROUPS,
  type RagGate,
  type RagSignal,
} from "./ragRules";
import { countRags, RAG_SCORE, rollUpCounts, type RagCounts } from "./rollUp";
import { EMPTY_ROW, gateReason, objectiveReason, ON_TRACK, overrideReason, planReason, signalReason, signalsReason } from "./reasons";

// Bound once: called for every cell of every action, and a CommonJS build (Jest, the command line)
// reads an import from another room's index.ts through a getter on each call.
const isErrorCell = modelIsErrorCell;
const isTrue = exprIsTrue;


/** The workbook names the rules read, as the engine's settings give them. */
export function settingsNameValues(settings: Settings, asOf: number): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const key of Object.keys(SETTING_NAMES) as (keyof Settings)[]) out[SETTING_NAMES[key]] = key === "asOf" ? asOf : (settings[key] as CellValue);
  return out;
}

/**
 * An action's cells as the RAG formula reads them, by the columns the formula reads (the one list of
 * them): the cell as it stands on the sheet (`source.raw`) when the reader kept it, so the engine sees
 * exactly what the formula sees (a status typed as "Completed" is not Done for either); else the
 * parsed field (actions built in code). An error value counts as blank here; on the sheet the formula
 * shows the error. One object literal: every row has the same shape (the rules read it key by key).
 */
export function actionRowValues(a: Action): Record<ActionKey, CellValue> {
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
  };
}

/** The action cells the rules read (the JAP RAG formula's columns). */
type ActionKey = "id" | "objectiveId" | "priority" | "party" | "action" | "owner" | "status" | "start" | "due" | "pctComplete" | "direction" | "target" | "actual" | "lastUpdate" | "ragOverride" | "overrideReason";

/** The raw cell when the reader kept it (an error value as blank), else the parsed field. */
function cellOf(raw: CellValue | undefined, parsed: CellValue): CellValue {
  return raw === undefined ? parsed : isErrorCell(raw) ? null : raw;
}

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
  if (hits === null) return { rag: "Green", reason: ON_TRACK };
  if (hits.length === 1) return { rag: hits[0].rag, reason: signalReason(hits[0], env) };
  hits.sort((x, y) => RAG_SCORE[x.rag] - RAG_SCORE[y.rag]);
  return { rag: hits[0].rag, reason: signalsReason(hits, env) };
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
    const reason = overrideReason(rag, env);
    return { id, sheet: source.sheet, row: source.row, computed: computed.rag, rag, overridden: true, reason };
  }
  return { id, sheet: source.sheet, row: source.row, computed: computed.rag, rag: computed.rag, overridden: false, reason: computed.reason };
}

const OBJECTIVE_KEYS = [
  "id",
  "objective",
  "unit",
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

/**
 * An objective's cells as the JBP formulas read them (raw cells first, as for actions); the formula
 * columns are computed here. `header`: the JBP's header cells the YTD rule reads (jbpHeaderValues);
 * without them the quarters cannot be placed in time.
 */
export function objectiveRowValues(o: Objective, counts: RagCounts, names: Record<string, CellValue>, header: Record<string, CellValue> = {}): Record<string, CellValue> {
  const row: Record<string, CellValue> = {};
  for (const key of OBJECTIVE_KEYS) {
    const raw = o.source.raw[key];
    row[key] = cellOf(raw, o[key] as CellValue);
  }
  Object.assign(row, {
    actionsRed: counts.Red,
    actionsAmber: counts.Amber,
    actionsGreen: counts.Green,
  });
  const env = { row, names, header };
  // In sheet order: the helper columns (each once), then the later formula columns reading the earlier ones.
  const trees = objectiveTrees();
  for (const h of trees.helpers) row[h.key] = evaluate(h.tree, env);
  row.ytdTarget = evaluate(trees.ytdTarget, env);
  row.ytdActual = evaluate(trees.ytdActual, env);
  row.pctToTarget = evaluate(OBJECTIVE_KPI.pctToTarget, env);
  return row;
}

/** The YTD rule as the JBP sheet computes it: its helper columns, then the YTD columns reading them (equal to the whole rule: tested). */
let jbpTrees: { helpers: { key: string; tree: Expr }[]; ytdTarget: Expr; ytdActual: Expr } | null = null;
function objectiveTrees(): NonNullable<typeof jbpTrees> {
  if (!jbpTrees) {
    const left = new Set<string>();
    const helpers = JBP_HELPER_COLUMNS.map((h) => {
      const tree = withHelperRefs(h.expr, new Set(left));
      left.add(h.key);
      return { key: h.key, tree };
    });
    jbpTrees = { helpers, ytdTarget: withHelperRefs(OBJECTIVE_KPI.ytdTarget, left), ytdActual: withHelperRefs(OBJECTIVE_KPI.ytdActual, left) };
  }
  return jbpTrees;
}

/** Objective IDs as COUNTIFS matches them: ignoring case, exactly otherwise. */
export const objectiveKey = (id: string): string => id.toLowerCase();

/**
 * An objective's RAG from the RAG of its actions (overrides included, as the JAP RAG column shows
 * them) and its own YTD KPI. `actions` are all actions of the workbook with their results.
 */
export function computeObjectiveRag(objective: Objective, actions: { objectiveId: string; rag: Rag }[], asOf: number, settings: Settings, header: Record<string, CellValue> = {}): RagResult {
  const key = objectiveKey(objective.id);
  const counts = countRags(objective.id.trim() === "" ? [] : actions.filter((a) => objectiveKey(a.objectiveId) === key).map((a) => a.rag));
  return objectiveRag(objective, counts, settingsNameValues(settings, asOf), settings, header);
}

function objectiveRag(objective: Objective, counts: RagCounts, names: Record<string, CellValue>, settings: Settings, header: Record<string, CellValue>): RagResult {
  const env = { row: objectiveRowValues(objective, counts, names, header), names };
  const value = evaluate(objectiveRagExpr(), env);
  if (value === "") {
    return { id: objective.id, sheet: objective.source.sheet, row: objective.source.row, rag: "Grey", computed: "Grey", overridden: false, reason: EMPTY_ROW };
  }
  const rag = value as Rag;
  const kpi = evaluate(objectiveKpiScore, env);
  const attained = env.row.pctToTarget;
  const reason = objectiveReason(settings.rollUp, rag, counts, typeof kpi === "number" && kpi > 0 && typeof attained === "number" ? { attainment: attained, score: kpi } : null);
  return { id: objective.id, sheet: objective.source.sheet, row: objective.source.row, rag, computed: rag, overridden: false, reason };
}

export function computePlanRag(plan: PlanWorkbook, asOf: number): PlanRag {
  const settings = plan.settings;
  const names = settingsNameValues(settings, asOf);
  const actions: RagResult[] = [];
  const byObjective = new Map<string, Rag[]>();
  // One environment for all the actions, each action's row set in turn (the rules keep nothing).
  const helpers: NonNullable<EvalEnv["helpers"]> = new Map();
  const env: EvalEnv = { row: {}, names, helpers };
  // Thousands of actions share a few objective IDs: each ID's key is worked out once.
  const keys = new Map<string, string>();
  // Every JAP's actions are rated (a history sheet keeps its colours); only current JAPs roll up.
  const current = new Set(currentJaps(plan));
  const counted: RagResult[] = [];
  for (const jap of plan.japs) {
    const isCurrent = current.has(jap);
    for (const a of jap.actions) {
      env.row = actionRowValues(a);
      helpers.clear();
      const r = actionRag(a, env);
      actions.push(r);
      if (!isCurrent) continue;
      counted.push(r);
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
    const header = jbpHeaderValues(jbp);
    for (const o of jbp.objectives) {
      const counts = countRags(o.id.trim() === "" ? [] : (byObjective.get(objectiveKey(o.id)) ?? []));
      objectives.push(objectiveRag(o, counts, names, settings, header));
    }
  }
  const basis = objectives.length > 0 ? objectives : counted;
  const counts = countRags(basis.map((r) => r.rag));
  const noun = objectives.length > 0 ? "objectives" : "actions";
  const planRag = rollUpCounts(counts, settings.rollUp);
  return { actions, objectives, plan: { rag: planRag, reason: planReason(settings.rollUp, planRag, counts, noun) } };
}
