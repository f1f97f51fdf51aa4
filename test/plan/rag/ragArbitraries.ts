/**
 * Random JAP and JBP rows as a sheet holds them (blanks, text where numbers belong, aliases, edge
 * dates around the as-of date, both KPI directions, overrides with and without reasons), for the
 * property tests and for the LibreOffice proof.
 */
import fc from "fast-check";
import { Action, type CellValue, Objective } from "../../../src/plan/model";
import { AS_OF } from "./ragFixtures";

const day = (lo: number, hi: number): fc.Arbitrary<CellValue> => fc.integer({ min: AS_OF + lo, max: AS_OF + hi });
const dateCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: day(-60, 60) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "2026-03-01", "", AS_OF, AS_OF - 1, AS_OF + 1) },
);
const figure: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => n / 20) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(null, 0, "x", "12", 100, 95, 85) },
);

export const japRowArb: fc.Arbitrary<Record<string, CellValue>> = fc.record({
  id: fc.constantFrom<CellValue>("A-1", "A-2", "", null),
  objectiveId: fc.constantFrom<CellValue>("O-1", "O-2", "o-1", "", null),
  priority: fc.constantFrom<CellValue>(1, 2, 3, null),
  action: fc.constantFrom<CellValue>("Do it", "", null),
  party: fc.constantFrom<CellValue>("Principal", "Distributor", "Joint", null),
  owner: fc.constantFrom<CellValue>("Ana Silva", "Bruno Costa", "", null),
  start: dateCell,
  due: dateCell,
  status: fc.constantFrom<CellValue>("Not started", "In progress", "On hold", "Done", "Cancelled", "done", " In  progress ", "Completed", "", null),
  pctComplete: fc.oneof(
    fc.integer({ min: 0, max: 20 }).map<CellValue>((n) => n / 20),
    fc.constantFrom<CellValue>(null, 1.2, -0.1, "50%", 0.7, 0.5, 0.6),
  ),
  direction: fc.constantFrom<CellValue>("Higher is better", "Lower is better", "lower is better", "Down", null),
  target: figure,
  actual: figure,
  lastUpdate: dateCell,
  ragOverride: fc.constantFrom<CellValue>(null, null, null, "Red", "amber", "Green", "Grey", "R", ""),
  overrideReason: fc.constantFrom<CellValue>("", "", "  ", "Agreed in review", null),
});

/** An Action whose parsed fields are left at blanks: the engine reads the raw cells, as the formula does. */
export function actionOf(row: Record<string, CellValue>, sheetRow = 5): Action {
  const text = (v: CellValue): string => (typeof v === "string" ? v : "");
  return Action.parse({
    source: { sheet: "JAP", row: sheetRow, raw: row },
    id: text(row.id),
    objectiveId: text(row.objectiveId),
    priority: null,
    action: text(row.action),
    party: null,
    owner: text(row.owner),
    start: null,
    due: null,
    status: null,
    pctComplete: null,
    kpi: "",
    unit: "",
    direction: null,
    baseline: null,
    target: null,
    actual: null,
    resources: "",
    lastUpdate: null,
    nextStep: "",
    ragOverride: null,
    overrideReason: text(row.overrideReason),
  });
}

export const jbpRowArb: fc.Arbitrary<Record<string, CellValue>> = fc.record({
  id: fc.constantFrom<CellValue>("O-1", "O-2", "O-3", ""),
  objective: fc.constantFrom<CellValue>("Grow", "", null),
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

export function objectiveOf(row: Record<string, CellValue>, sheetRow = 12): Objective {
  return Objective.parse({
    source: { sheet: "JBP", row: sheetRow, raw: row },
    id: typeof row.id === "string" ? row.id : "",
    objective: "",
    initiative: "",
    kpi: "",
    unit: "",
    direction: null,
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
  });
}
