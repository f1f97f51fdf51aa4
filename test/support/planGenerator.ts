/**
 * Realistic generated plans without faults, for property tests and benchmarks: a roster of 40
 * (principal and distributor people), Settings, a JBP with eight objectives whose quarters add up,
 * and a March 2026 JAP of n actions that pass every error rule (warnings such as an owner with many
 * open actions can occur in large plans). Deterministic for a seed.
 */
import { JAP } from "../../src/plan/layouts";
import { type CellValue, serialFromYmd, type SheetGrid } from "../../src/plan/model";
import { japGrid, jbpGrid, rosterGrid, settingsGrid, type Row } from "./planGrids";

export const GENERATED_AS_OF = serialFromYmd(2026, 3, 18)!;
const MONTH_START = serialFromYmd(2026, 3, 1)!;

/** mulberry32: small, fast and good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fabio", "Gloria", "Hugo", "Irene", "Javier", "Karen", "Luis", "Marta", "Nico", "Olga", "Pablo", "Rosa", "Sergio", "Teresa", "Victor"];
const LAST = ["Silva", "Costa", "Ruiz", "Mendes", "Vargas", "Rocha", "Paredes", "Lima", "Soto", "Reyes"];
const VERBS = ["List", "Promote", "Audit", "Train", "Negotiate", "Launch", "Review", "Replenish", "Merchandise", "Track"];
const THINGS = ["new stores", "end caps in key accounts", "the sales team", "promo calendar", "safety stock", "SKU range", "distributor portal", "field visits", "price ladder", "cooler placement"];
const KPIS: { kpi: string; unit: string; direction: string; scale: number }[] = [
  { kpi: "New stores", unit: "stores", direction: "Higher is better", scale: 40 },
  { kpi: "Sell-out", unit: "cases", direction: "Higher is better", scale: 5000 },
  { kpi: "Revenue", unit: "EUR", direction: "Higher is better", scale: 120000 },
  { kpi: "Out-of-stock rate", unit: "%", direction: "Lower is better", scale: 0.08 },
  { kpi: "Days of stock", unit: "days", direction: "Lower is better", scale: 30 },
];

export interface GeneratedPlanOptions {
  /** Shuffle the JAP's columns (reading is by header, so nothing may change). */
  shuffleColumns?: boolean;
}

export function generateRoster(): Row[] {
  return Array.from({ length: 40 }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / 4) % LAST.length]}`,
    party: i % 2 === 0 ? "Principal" : "Distributor",
    role: i % 2 === 0 ? "Key account manager" : "Sales lead",
    email: `p${i}@example.com`,
    active: "Yes",
  }));
}

export function generateObjectives(): Row[] {
  return Array.from({ length: 8 }, (_, i) => {
    const k = KPIS[i % KPIS.length];
    const q = k.unit === "%" ? k.scale * 0.8 : Math.round(k.scale);
    return {
      id: `O-${i + 1}`,
      objective: `Objective ${i + 1}: ${k.kpi}`,
      initiative: "Joint initiative",
      kpi: k.kpi,
      unit: k.unit,
      direction: k.direction,
      baseline: k.direction === "Higher is better" ? (k.unit === "EUR" || k.unit === "cases" ? q * 3.6 : Math.round(q * 0.9)) : k.scale,
      q1Target: q,
      q2Target: q,
      q3Target: q,
      q4Target: q,
      fyTarget: k.unit === "EUR" || k.unit === "cases" ? q * 4 : q,
      q1Actual: k.unit === "%" ? q * 1.05 : Math.round(q * 0.97),
      principalOwner: "Ana Silva",
      distributorOwner: "Bruno Silva",
    };
  });
}

export function generateAction(i: number, rnd: () => number, roster: Row[]): Row {
  const owner = roster[Math.floor(rnd() * roster.length)];
  const party = rnd() < 0.25 ? "Joint" : owner.party;
  const start = MONTH_START - 10 + Math.floor(rnd() * 35);
  const due = Math.max(start, MONTH_START) + Math.floor(rnd() * 30);
  const overdue = due < GENERATED_AS_OF;
  const status = overdue ? (rnd() < 0.8 ? "Done" : "Cancelled") : start > GENERATED_AS_OF ? "Not started" : (["In progress", "On hold", "Done"] as const)[Math.floor(rnd() * 3)];
  const pct = status === "Done" ? 1 : status === "Not started" ? 0 : Math.round(rnd() * 90) / 100;
  const row: Row = {
    id: `A-${String(i + 1).padStart(5, "0")}`,
    objectiveId: `O-${1 + Math.floor(rnd() * 8)}`,
    priority: 1 + Math.floor(rnd() * 5),
    action: `${VERBS[Math.floor(rnd() * VERBS.length)]} ${THINGS[Math.floor(rnd() * THINGS.length)]}`,
    party,
    owner: owner.name,
    start,
    due,
    status,
    pctComplete: pct,
    resources: rnd() < 0.5 ? "Trade budget" : "",
    lastUpdate: Math.min(GENERATED_AS_OF, start + Math.floor(rnd() * 20)),
    nextStep: rnd() < 0.5 ? "Follow up in review" : "",
  };
  if (rnd() < 0.6) {
    const k = KPIS[Math.floor(rnd() * KPIS.length)];
    const better = k.direction === "Higher is better" ? 1.1 : 0.9;
    const baseline = k.unit === "%" ? k.scale : Math.round(k.scale);
    Object.assign(row, {
      kpi: k.kpi,
      unit: k.unit,
      direction: k.direction,
      baseline,
      target: k.unit === "%" ? baseline * better : Math.round(baseline * better),
      actual: rnd() < 0.7 ? (k.unit === "%" ? baseline * (0.8 + rnd() * 0.4) : Math.round(baseline * (0.8 + rnd() * 0.4))) : null,
    });
  }
  if (rnd() < 0.05) Object.assign(row, { ragOverride: (["Red", "Amber", "Green"] as const)[Math.floor(rnd() * 3)], overrideReason: "Agreed in the monthly review" });
  return row;
}

/** Roster, Settings, JBP and JAP grids of a fault-free plan with n actions. */
export function generateActionGrid(n: number, seed: number, options: GeneratedPlanOptions = {}): SheetGrid[] {
  const rnd = random(seed);
  const roster = generateRoster();
  const actions = Array.from({ length: n }, (_, i) => generateAction(i, rnd, roster));
  let columns: string[] | undefined;
  if (options.shuffleColumns) {
    columns = JAP.columns.map((c) => c.key);
    for (let i = columns.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [columns[i], columns[j]] = [columns[j], columns[i]];
    }
  }
  const settings: Record<string, CellValue> = { asOf: GENERATED_AS_OF, greenThreshold: 0.95, amberThreshold: 0.85, maxPriorities: 5, rollUp: "Worst of", dateOrder: "DMY" };
  return [
    rosterGrid(roster),
    settingsGrid(settings),
    jbpGrid({ principal: "Northwind", distributor: "Andes Foods", market: "Peru", year: 2026, periodStart: serialFromYmd(2026, 1, 1), periodEnd: serialFromYmd(2026, 12, 31) }, generateObjectives()),
    japGrid({ distributor: "Andes Foods", month: MONTH_START, reviewDate: GENERATED_AS_OF }, actions, columns ? { columns } : {}),
  ];
}
