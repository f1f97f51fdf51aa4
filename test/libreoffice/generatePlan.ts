/**
 * Generated plans for the LibreOffice suite: rows by layout column key, deterministic (seeded),
 * covering every RAG rule and its edges: due = as-of, start = due, month ends and leap days, both
 * KPI directions, zero targets, overrides with and without reason, blanks, text dates and text
 * numbers, wrong scales and unknown list values. Hand-picked edge rows first, then random mixes.
 */
import { type CellValue, serialFromYmd } from "../../src/plan/model";
import { random } from "../support/planGenerator";

export type Row = Record<string, CellValue>;

export interface GeneratedPlan {
  asOf: number;
  year: number;
  month: number;
  roster: Row[];
  objectives: Row[];
  actions: Row[];
}

const ymd = (y: number, m: number, d: number): number => serialFromYmd(y, m, d) as number;

const ROSTER: Row[] = [
  { name: "Ana Silva", party: "Principal", role: "KAM", email: "ana@p.example", active: true },
  { name: "Laura Méndez", party: "Principal", role: "Manager", email: "laura@p.example", active: true },
  { name: "Carlos Rojas", party: "Distributor", role: "Sales", email: "carlos@d.example", active: true },
  { name: "Jorge Paredes", party: "Distributor", role: "Logistics", email: "jorge@d.example", active: true },
  { name: "Diego Flores", party: "Distributor", role: "Former", email: "diego@d.example", active: false },
  // Faulty roster rows for the Roster's live rules: no name, a party not in the list, no party.
  { name: null, party: "Principal", role: "Temp", email: null, active: true },
  { name: "Zoe Park", party: "Both", role: null, email: null, active: true },
  { name: "Yan Li", party: null, role: "Analyst", email: null, active: true },
];

const STATUSES: CellValue[] = ["Not started", "In progress", "On hold", "Done", "Cancelled", null, "in progress", "Started", " Done "];
const OWNERS: CellValue[] = ["Ana Silva", "Carlos Rojas", "Jorge Paredes", "Laura Méndez", null, "ana silva", " Carlos  Rojas ", "Pedro Gómez", "Diego Flores", "=Ana"];
const PARTIES: CellValue[] = ["Principal", "Distributor", "Joint", null, "Both"];
const DIRECTIONS: CellValue[] = ["Higher is better", "Lower is better", null, "Higher", "lower is better"];
const OVERRIDES: CellValue[] = [null, null, null, "Red", "Amber", "Green", "Grey", "Purple", "green"];
const REASONS: CellValue[] = [null, "", "Customer confirmed the order", "   "];
const OBJECTIVE_IDS = ["OBJ-1", "OBJ-2", "OBJ-3", "OBJ-4", "OBJ-5", "OBJ-6"];

function pick<T>(rnd: () => number, pool: readonly T[]): T {
  return pool[Math.floor(rnd() * pool.length)];
}

/** An action with sensible defaults: In progress, on pace, on target, updated recently. */
function action(asOf: number, fields: Row): Row {
  return {
    id: null,
    objectiveId: "OBJ-1",
    priority: 1,
    action: "Generated action",
    party: "Principal",
    owner: "Ana Silva",
    start: asOf - 10,
    due: asOf + 10,
    status: "In progress",
    pctComplete: 0.5,
    kpi: "Units",
    unit: "units",
    direction: "Higher is better",
    baseline: 0,
    target: 100,
    actual: 100,
    resources: null,
    lastUpdate: asOf - 1,
    nextStep: null,
    ragOverride: null,
    overrideReason: null,
    ...fields,
  };
}

/** Rows aimed at each rule and the boundaries between colours. */
function edgeActions(asOf: number, y: number, m: number): Row[] {
  const a = (f: Row): Row => action(asOf, f);
  const monthEnd = ymd(y, m + 1, 1) - 1;
  const rows: Row[] = [
    // 1. Cancelled and not enough data
    a({ status: "Cancelled" }),
    a({ status: "Cancelled", due: asOf - 30 }),
    a({ status: null }),
    a({ status: "Started" }),
    a({ due: null }),
    a({ start: null }),
    a({ start: null, due: null }),
    a({ due: "2026-03-15" }),
    a({ start: "15/03/2026" }),
    a({ due: "not a date" }),
    a({ pctComplete: null }),
    a({ pctComplete: "50%" }),
    // 2. Done
    a({ status: "Done", due: asOf - 40, pctComplete: 1, actual: 0 }),
    a({ status: "Done", pctComplete: 0.2, lastUpdate: asOf - 200 }),
    // 3. Overdue: due = as-of is not overdue; the day before is.
    a({ due: asOf }),
    a({ due: asOf - 1 }),
    a({ due: asOf - 1, status: "On hold" }),
    // Padded open statuses: overdue for the RAG, so for the summary's and the pack's overdue lists too.
    a({ due: asOf - 2, status: " In progress " }),
    a({ due: asOf - 3, status: "not started " }),
    a({ due: asOf + 1 }),
    // start = due, start after due
    a({ start: asOf, due: asOf }),
    a({ start: asOf + 5, due: asOf + 5, status: "Not started", pctComplete: 0 }),
    a({ start: asOf + 5, due: asOf - 5 }),
    a({ start: asOf - 5, due: asOf - 5 }),
    // 4. Schedule: expected % = elapsed / planned, around the Amber (10 pt) and Red (20 pt) tolerances
    ...[0.25, 0.3, 0.35, 0.39, 0.4, 0.41, 0.45, 0.5, 0.6].map((p) => a({ start: asOf - 50, due: asOf + 50, pctComplete: p })),
    a({ start: asOf - 10, due: asOf + 10, pctComplete: 0.4 }),
    a({ start: asOf - 10, due: asOf + 10, pctComplete: 0.3 }),
    a({ start: asOf - 10, due: asOf + 10, pctComplete: 0.29 }),
    a({ start: asOf - 10, due: asOf + 10, pctComplete: 0.31 }),
    a({ start: asOf - 1, due: asOf + 1, pctComplete: 0 }),
    a({ start: asOf, due: asOf + 10, pctComplete: 0, status: "Not started" }),
    a({ start: asOf - 1, due: asOf + 10, pctComplete: 0, status: "Not started" }),
    a({ start: asOf + 1, due: asOf + 10, pctComplete: 0, status: "Not started" }),
    a({ status: "On hold" }),
    a({ pctComplete: 60 }),
    a({ pctComplete: 1.5 }),
    a({ pctComplete: -0.1 }),
    a({ start: ymd(2028, 2, 28), due: ymd(2028, 3, 1), pctComplete: 0.5 }),
    a({ start: ymd(2028, 2, 29), due: ymd(2028, 2, 29) }),
    a({ start: ymd(y, m, 1), due: monthEnd }),
    a({ due: monthEnd, start: monthEnd - 30, pctComplete: 0.1 }),
    // 5. KPI attainment around the thresholds (Green 95 %, Amber 85 %), both directions
    ...[100, 96, 95, 94.99, 90, 85, 84.99, 50, 0].map((actual) => a({ target: 100, actual })),
    ...[100, 104, 105.26, 106, 117, 117.65, 118, 200].map((actual) => a({ direction: "Lower is better", target: 100, actual })),
    a({ direction: "Lower is better", target: 100, actual: 0 }),
    a({ target: 0, actual: 0 }),
    a({ target: 0, actual: 5 }),
    a({ direction: "Lower is better", target: 0, actual: 0 }),
    a({ direction: "Lower is better", target: 0, actual: 3 }),
    a({ target: null, actual: 50 }),
    a({ target: 100, actual: null }),
    a({ target: "100", actual: 50 }),
    a({ target: 100, actual: "1,200" }),
    a({ target: 100, actual: "n/a" }),
    a({ direction: null, target: 100, actual: 50 }),
    a({ direction: "Higher", target: 100, actual: 50 }),
    a({ target: -100, actual: -50 }),
    // 6. Stale updates around 30 days; a future update
    ...[29, 30, 31, 60].map((days) => a({ lastUpdate: asOf - days })),
    a({ lastUpdate: null }),
    a({ lastUpdate: asOf + 3 }),
    a({ lastUpdate: "2026-01-01" }),
    // 7. Overrides with and without a reason, and unknown colours
    a({ ragOverride: "Green", overrideReason: "Agreed in the review", due: asOf - 3 }),
    a({ ragOverride: "Red", overrideReason: null }),
    a({ ragOverride: "Grey", overrideReason: "Parked" }),
    a({ ragOverride: "Purple", overrideReason: "Typo" }),
    a({ ragOverride: "amber", overrideReason: "lower case" }),
    a({ ragOverride: "Amber", overrideReason: "   " }),
    a({ ragOverride: "Green", overrideReason: "Cancelled anyway", status: "Cancelled" }),
    // Padded and lower-case overrides and statuses: the RAG trims them, and so do the summary's flags (overridden, counted).
    a({ ragOverride: " Red ", overrideReason: "Padded" }),
    a({ status: " Cancelled ", pctComplete: 0.5 }),
    a({ status: "cancelled", pctComplete: 0.3 }),
    a({ status: "Done ", pctComplete: 1 }),
    // A fully blank row inside the table, and one with only an ID
    Object.fromEntries(Object.keys(a({})).map((k) => [k, null])),
    { ...Object.fromEntries(Object.keys(a({})).map((k) => [k, null])), id: "X-ONLY" },
    // 8. Duplicate IDs (twice, in another case, with a stray space), a pattern character in an ID
    a({ id: "DUP-1" }),
    a({ id: "dup-1" }),
    a({ id: "DUP-1 " }),
    a({ id: "DUP-*" }),
  ];
  return rows;
}

function randomDate(rnd: () => number, asOf: number): CellValue {
  const r = rnd();
  if (r < 0.06) return null;
  if (r < 0.09) return pick(rnd, ["2026-03-15", "15/03/2026", "March 3", "31/02/2026"]);
  return asOf + Math.round((rnd() - 0.5) * 120);
}

function randomNumber(rnd: () => number, scale: number): CellValue {
  const r = rnd();
  if (r < 0.08) return null;
  if (r < 0.11) return pick(rnd, ["1,200", "75", "n/a", " 12 "]);
  if (r < 0.16) return 0;
  return Math.round(rnd() * scale * 100) / 100;
}

function randomAction(rnd: () => number, asOf: number): Row {
  const start = randomDate(rnd, asOf);
  let due = randomDate(rnd, asOf);
  if (typeof start === "number" && typeof due === "number" && rnd() < 0.8) due = start + Math.round(rnd() * 90);
  const target = randomNumber(rnd, 200);
  const actual = typeof target === "number" && rnd() < 0.7 ? Math.round(target * (0.6 + rnd() * 0.6) * 100) / 100 : randomNumber(rnd, 200);
  const pct = rnd();
  return action(asOf, {
    objectiveId: pick(rnd, [...OBJECTIVE_IDS, "OBJ-9", null]),
    priority: pick(rnd, [1, 2, 3, null, 7]),
    party: pick(rnd, PARTIES),
    owner: pick(rnd, OWNERS),
    start,
    due,
    status: pick(rnd, STATUSES),
    pctComplete: pct < 0.05 ? null : pct < 0.08 ? 55 : Math.round(rnd() * 100) / 100,
    direction: pick(rnd, DIRECTIONS),
    baseline: randomNumber(rnd, 100),
    target,
    actual,
    lastUpdate: rnd() < 0.1 ? null : asOf - Math.round(rnd() * 60) + (rnd() < 0.05 ? 10 : 0),
    ragOverride: pick(rnd, OVERRIDES),
    overrideReason: pick(rnd, REASONS),
  });
}

/** Objectives: quarterly grids with zero, blank and text targets, both directions. */
function objectives(rnd: () => number, count: number): Row[] {
  const rows: Row[] = [];
  const dirs: CellValue[] = ["Higher is better", "Lower is better", null];
  for (let i = 0; i < count; i++) {
    const quarters = [0, 1, 2, 3].map(() => (rnd() < 0.1 ? null : rnd() < 0.08 ? 0 : Math.round(50 + rnd() * 100)));
    const actuals = quarters.map((t) => (typeof t === "number" && rnd() < 0.8 ? Math.round(t * (0.7 + rnd() * 0.5)) : rnd() < 0.1 ? "n/a" : null));
    rows.push({
      id: `OBJ-${i + 1}`,
      objective: `Objective ${i + 1}`,
      initiative: null,
      kpi: "KPI",
      unit: pick(rnd, ["units", "%", "k cases"]),
      direction: dirs[i % 3],
      baseline: 40,
      q1Target: quarters[0],
      q2Target: quarters[1],
      q3Target: quarters[2],
      q4Target: quarters[3],
      fyTarget: quarters.reduce<number>((s, q) => s + (typeof q === "number" ? q : 0), 0),
      q1Actual: actuals[0],
      q2Actual: actuals[1],
      q3Actual: actuals[2],
      q4Actual: actuals[3],
      principalOwner: pick(rnd, ["Ana Silva", "Laura Méndez", null]),
      distributorOwner: pick(rnd, ["Carlos Rojas", "Jorge Paredes", null]),
      comment: null,
    });
  }
  return rows;
}

/** A plan judged on `asOf` with at least `count` actions (edge rows first). */
export function generatePlan(asOf: number, count: number, seed: number): GeneratedPlan {
  const rnd = random(seed);
  const date = new Date(Date.UTC(1899, 11, 30) + asOf * 86_400_000);
  const [y, m] = [date.getUTCFullYear(), date.getUTCMonth() + 1];
  const actions = edgeActions(asOf, y, m);
  while (actions.length < count) actions.push(randomAction(rnd, asOf));
  actions.forEach((row, i) => {
    if (row.id === null && Object.values(row).some((v) => v !== null)) row.id = `A-${String(i + 1).padStart(3, "0")}`;
  });
  return { asOf, year: y, month: m, roster: ROSTER.map((r) => ({ ...r })), objectives: objectives(rnd, OBJECTIVE_IDS.length), actions };
}
