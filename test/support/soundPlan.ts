/**
 * A small plan with no faults, for rule tests: each test changes one cell and expects exactly the
 * finding of that fault. As of 2026-03-18, JAP for March 2026.
 */
import { type CellValue, serialFromIso, type SheetGrid } from "../../src/plan/model";
import { japGrid, jbpGrid, rosterGrid, settingsGrid, type Row, type TableGridOptions } from "./planGrids";

export const d = (iso: string): number => {
  const s = serialFromIso(iso);
  if (s === null) throw new Error(`bad test date ${iso}`);
  return s;
};

export const AS_OF = d("2026-03-18");

export function soundRoster(): Row[] {
  return [
    { name: "Ana Silva", party: "Principal", role: "Key account manager", email: "ana@northwind.example", active: "Yes" },
    { name: "Bruno Costa", party: "Distributor", role: "Sales director", email: "bruno@andes.example", active: "Yes" },
    { name: "Carla Ruiz", party: "Distributor", role: "Trade marketing", email: "carla@andes.example", active: null },
    { name: "Dan Old", party: "Principal", role: "Former KAM", email: "", active: "No" },
  ];
}

export function soundObjectives(): Row[] {
  return [
    { id: "O-1", objective: "Grow sell-out", initiative: "Wider distribution", kpi: "Sell-out", unit: "cases", direction: "Higher is better", baseline: 10000, q1Target: 3000, q2Target: 3000, q3Target: 3000, q4Target: 3000, fyTarget: 12000, q1Actual: 2900, principalOwner: "Ana Silva", distributorOwner: "Bruno Costa" },
    { id: "O-2", objective: "Cut out-of-stocks", initiative: "Replenishment", kpi: "OOS rate", unit: "%", direction: "Lower is better", baseline: 0.08, q1Target: 0.06, q2Target: 0.05, q3Target: 0.05, q4Target: 0.04, fyTarget: 0.05, principalOwner: "Ana Silva", distributorOwner: "Carla Ruiz" },
  ];
}

export function soundActions(): Row[] {
  return [
    { id: "A-1", objectiveId: "O-1", priority: 1, action: "List 40 new stores", party: "Distributor", owner: "Bruno Costa", start: d("2026-03-02"), due: d("2026-03-31"), status: "In progress", pctComplete: 0.5, kpi: "New stores", unit: "stores", direction: "Higher is better", baseline: 0, target: 40, actual: 18, lastUpdate: d("2026-03-16"), nextStep: "Visit north region" },
    { id: "A-2", objectiveId: "O-2", priority: 2, action: "Weekly stock review", party: "Joint", owner: "Ana Silva", start: d("2026-03-01"), due: d("2026-03-10"), status: "Done", pctComplete: 1, lastUpdate: d("2026-03-10") },
    { id: "A-3", objectiveId: "O-1", priority: 1, action: "Shelf audit", party: "Principal", owner: "Ana Silva", start: d("2026-03-20"), due: d("2026-03-28"), status: "Not started", pctComplete: 0 },
    { id: "A-4", objectiveId: "O-2", priority: 3, action: "Safety stock policy", party: "Distributor", owner: "Carla Ruiz", start: d("2026-03-05"), due: d("2026-03-25"), status: "On hold", pctComplete: 0.2, ragOverride: "Amber", overrideReason: "Waiting for ERP change" },
  ];
}

export const JBP_HEADER: Row = { principal: "Northwind", distributor: "Andes Foods", market: "Peru", year: 2026, periodStart: d("2026-01-01"), periodEnd: d("2026-12-31") };
export const JAP_HEADER: Row = { distributor: "Andes Foods", month: d("2026-03-01"), reviewDate: d("2026-03-18") };

export interface SoundPlanChanges {
  roster?: (rows: Row[]) => Row[];
  objectives?: (rows: Row[]) => Row[];
  actions?: (rows: Row[]) => Row[];
  japOptions?: TableGridOptions;
  jbpOptions?: TableGridOptions;
  japHeader?: Row;
  settings?: Record<string, CellValue>;
}

/** The sound plan's grids, with changes applied. */
export function soundPlan(changes: SoundPlanChanges = {}): SheetGrid[] {
  return [
    rosterGrid((changes.roster ?? ((r) => r))(soundRoster())),
    settingsGrid({ asOf: AS_OF, greenThreshold: 0.95, maxPriorities: 5, ...changes.settings }),
    jbpGrid(JBP_HEADER, (changes.objectives ?? ((r) => r))(soundObjectives()), changes.jbpOptions),
    japGrid(changes.japHeader ?? JAP_HEADER, (changes.actions ?? ((r) => r))(soundActions()), changes.japOptions),
  ];
}

/** Changes one action (by index) of the sound plan. */
export function withAction(i: number, patch: Row): SoundPlanChanges {
  return { actions: (rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) };
}
