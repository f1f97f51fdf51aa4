/** Actions and objectives built in code for the RAG tests (no reader involved). */
import { Action, type CellValue, DEFAULT_SETTINGS, Objective, serialFromIso, type Settings } from "../../../src/plan/model";

export const d = (iso: string): number => {
  const s = serialFromIso(iso);
  if (s === null) throw new Error(`bad test date ${iso}`);
  return s;
};

export const AS_OF = d("2026-03-18");
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS };

/** An in-progress action, on pace, with no KPI: Green unless a test changes it. */
export function action(fields: Partial<Omit<Action, "source">> = {}, raw: Record<string, CellValue> = {}, row = 5): Action {
  return Action.parse({
    source: { sheet: "JAP", row, raw },
    id: "A-1",
    objectiveId: "O-1",
    priority: 1,
    action: "List 40 new stores",
    party: "Distributor",
    owner: "Bruno Costa",
    start: d("2026-03-01"),
    due: d("2026-03-31"),
    status: "In progress",
    pctComplete: 0.6,
    kpi: "",
    unit: "",
    direction: null,
    baseline: null,
    target: null,
    actual: null,
    resources: "",
    lastUpdate: d("2026-03-16"),
    nextStep: "",
    ragOverride: null,
    overrideReason: "",
    ...fields,
  });
}

export function objective(fields: Partial<Omit<Objective, "source">> = {}, row = 12): Objective {
  return Objective.parse({
    source: { sheet: "JBP", row, raw: {} },
    id: "O-1",
    objective: "Grow sell-out",
    initiative: "",
    kpi: "Sell-out",
    unit: "cases",
    direction: "Higher is better",
    baseline: null,
    q1Target: null,
    q2Target: null,
    q3Target: null,
    q4Target: null,
    fyTarget: null,
    q1Actual: null,
    q2Actual: null,
    q3Actual: null,
    q4Actual: null,
    principalOwner: "",
    distributorOwner: "",
    comment: "",
    ...fields,
  });
}
