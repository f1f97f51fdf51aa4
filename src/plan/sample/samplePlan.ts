/**
 * A believable sample plan for a first try: Northwind Beverages and its Peruvian distributor,
 * a roster from both parties, a JBP with five objectives and a JAP of twenty actions for one month
 * (March 2026 unless another as-of date is given).
 * Some actions carry deliberate faults (marked FAULT below) so that "Check plan" has something
 * to show; the rest are sound. Pure data, rows by the layouts' column keys.
 */
import { type CellValue, DEFAULT_SETTINGS, monthEnd, type Rag, serialFromYmd, type Settings, ymdFromSerial } from "../model";

export type SampleRow = Record<string, CellValue>;

export interface SampleFault {
  /** Action or objective ID (as typed, so the duplicate ID shows twice). */
  id: string;
  /** Column key of the faulty cell. */
  column: string;
  /** The rule family that should catch it. */
  rule: "owner" | "date" | "kpi" | "structure";
  description: string;
}

/** The colour the RAG engine gives an action on the sample's as-of day, and words of its reason. */
export interface SampleExpectation {
  id: string;
  rag: Rag;
  /** Text the engine's reason contains. */
  reason: string;
}

export interface SamplePlan {
  /** The day the sample is made to be judged on: the 18th of its month (see SAMPLE_AS_OF). */
  asOf: number;
  /**
   * Settings with that as-of date, so that the sample shows its designed mix of colours whatever
   * the day it is inserted (on the 27th, a blank as-of date, meaning today, would make most actions
   * Red). Every writer of a new Settings sheet for the sample writes these; clearing the cell
   * judges the plan at today's date.
   */
  settings: Settings;
  roster: SampleRow[];
  jbp: { header: SampleRow; objectives: SampleRow[] };
  jap: { header: SampleRow; actions: SampleRow[] };
  /** Every deliberate fault, in action order, for tests and the task pane's tour. */
  faults: SampleFault[];
  /** Each action's RAG on the 18th of its month, in action order. */
  expectedRag: SampleExpectation[];
}

/** Excel serial of a calendar date (every date the sample uses exists). */
const serial = (year: number, month: number, day: number): number => serialFromYmd(year, month, day)!;

function calendar(s: number): { year: number; month: number } {
  const { y, m } = ymdFromSerial(s)!;
  return { year: y, month: m };
}

/** 2026-03-18: mid-month, so most actions are under way, two are overdue (A-06 by its Due-before-Start fault), one is stale. */
export const SAMPLE_AS_OF = serial(2026, 3, 18);
/** The day of its month the sample is made for, whatever the month. */
const SAMPLE_DAY = 18;

const P = "Principal";
const D = "Distributor";
const roster = (name: string, party: string, role: string, email: string, active = true): SampleRow => ({
  name,
  party,
  role,
  email,
  active,
});

const ROSTER_ROWS: SampleRow[] = [
  roster("Laura Méndez", P, "Commercial manager, Andean region", "laura.mendez@northwind.example"),
  roster("Ana Silva", P, "Key account manager", "ana.silva@northwind.example"),
  roster("Tomás Herrera", P, "Trade marketing manager", "tomas.herrera@northwind.example"),
  roster("Sofía Castro", P, "Supply chain analyst", "sofia.castro@northwind.example"),
  roster("James Whitfield", P, "Regional director", "james.whitfield@northwind.example"),
  roster("Carlos Rojas", D, "Sales director", "crojas@andesdistribucion.example"),
  roster("María Quispe", D, "Trade marketing lead", "mquispe@andesdistribucion.example"),
  roster("Jorge Paredes", D, "Logistics manager", "jparedes@andesdistribucion.example"),
  roster("Lucía Vargas", D, "Key account executive", "lvargas@andesdistribucion.example"),
  // Inactive: left the company in February; kept for history, not assignable.
  roster("Diego Flores", D, "Field sales supervisor", "dflores@andesdistribucion.example", false),
];

const H = "Higher is better";
const L = "Lower is better";

function objective(
  id: string,
  objective: string,
  initiative: string,
  kpi: string,
  unit: string,
  direction: string,
  baseline: number,
  targets: [number, number, number, number],
  fyTarget: number,
  q1Actual: number | null,
  principalOwner: string,
  distributorOwner: string,
  comment = "",
): SampleRow {
  const [q1Target, q2Target, q3Target, q4Target] = targets;
  return {
    id,
    objective,
    initiative,
    kpi,
    unit,
    direction,
    baseline,
    q1Target,
    q2Target,
    q3Target,
    q4Target,
    fyTarget,
    q1Actual,
    q2Actual: null,
    q3Actual: null,
    q4Actual: null,
    principalOwner,
    distributorOwner,
    comment,
  };
}

const OBJECTIVES: SampleRow[] = [
  objective("OBJ-1", "Grow numeric distribution", "Open traditional-trade outlets in Lima and Arequipa", "Numeric distribution", "%", H, 62, [64, 66, 68, 70], 70, 63.1, "Laura Méndez", "Carlos Rojas", "Q1 actual is month-to-date"),
  objective("OBJ-2", "Grow sell-out volume", "Launch the 500 ml returnable pack", "Sell-out volume", "k cases", H, 410, [100, 115, 120, 135], 470, 71, "Ana Silva", "Lucía Vargas"),
  objective("OBJ-3", "Expand cooler placements", "Cooler programme for the top 800 outlets", "Coolers placed", "units", H, 0, [150, 200, 250, 200], 800, 95, "Tomás Herrera", "Jorge Paredes"),
  objective("OBJ-4", "Cut out-of-stocks", "Weekly replenishment at key accounts", "Out-of-stock rate", "%", L, 8.5, [7.5, 6.5, 5.5, 5], 5, 7.9, "Sofía Castro", "Jorge Paredes"),
  objective("OBJ-5", "Perfect-store compliance", "Perfect-store standards in modern trade", "Compliance score", "%", H, 71, [75, 80, 85, 90], 90, null, "Tomás Herrera", "María Quispe", "First audit due in April"),
];

/** Everything an action row holds; faults override single cells by spreading. */
function action(fields: SampleRow): SampleRow {
  return {
    id: null,
    objectiveId: null,
    priority: null,
    action: null,
    party: null,
    owner: null,
    start: null,
    due: null,
    status: null,
    pctComplete: null,
    kpi: null,
    unit: null,
    direction: null,
    baseline: null,
    target: null,
    actual: null,
    resources: null,
    lastUpdate: null,
    nextStep: null,
    ragOverride: null,
    overrideReason: null,
    ...fields,
  };
}

function actions(year: number, month: number): { rows: SampleRow[]; faults: SampleFault[]; expected: SampleExpectation[] } {
  // d(n): day n of the plan month; d(0) is the last day of the month before.
  const d = (n: number): number => serial(year, month, 1) + n - 1;
  const mm = String(month).padStart(2, "0");
  const faults: SampleFault[] = [];
  const fault = (id: string, column: string, rule: SampleFault["rule"], description: string): void => {
    faults.push({ id, column, rule, description });
  };

  // Each action with the colour the RAG engine gives it on the 18th of the month (the sample's
  // as-of day) and words of the engine's reason; test/plan/samplePlan.test.ts holds them true.
  // Count KPIs of actions under way mostly have no Actual yet: the KPI rule compares an actual
  // with the month's full target, so a running count mid-month would read Red.
  const rows: SampleRow[] = [];
  const expected: SampleExpectation[] = [];
  const add = (rag: Rag, reason: string, fields: SampleRow): void => {
    rows.push(action(fields));
    expected.push({ id: String(fields.id), rag, reason });
  };

  add("Amber", "Behind schedule", { id: "A-01", objectiveId: "OBJ-1", priority: 1, action: "Map 600 unvisited outlets in North Lima", party: D, owner: "Carlos Rojas", start: d(2), due: d(27), status: "In progress", pctComplete: 0.5, kpi: "Outlets mapped", unit: "outlets", direction: H, baseline: 0, target: 600, resources: "2 field mappers, tablets", lastUpdate: d(16), nextStep: "Add a third mapper for the last two districts" });
  // FAULT owner: misspelt roster name; the check suggests "Ana Silva".
  add("Green", "On track", { id: "A-02", objectiveId: "OBJ-1", priority: 1, action: "Open 250 new outlets with the starter pack", party: "Joint", owner: "Ana Silvaa", start: d(1), due: d(31), status: "In progress", pctComplete: 0.55, kpi: "New outlets opened", unit: "outlets", direction: H, baseline: 0, target: 250, resources: "Starter packs, 4 sales reps", lastUpdate: d(17), nextStep: "Weekly count with the sales team" });
  // Sound data: still not started the day after its start date.
  add("Amber", "Not started, 1 day after its start date", { id: "A-03", objectiveId: "OBJ-2", priority: 2, action: "Launch 500 ml returnable in 300 bodegas", party: P, owner: "Ana Silva", start: d(17), due: d(31), status: "Not started", pctComplete: 0, kpi: "Bodegas listed", unit: "stores", direction: H, baseline: 0, target: 300, resources: "Returnable bottles, POS material", lastUpdate: d(10), nextStep: "Confirm bottle stock with the plant" });
  // FAULT owner: not on the roster at all.
  add("Green", "On track", { id: "A-04", objectiveId: "OBJ-2", priority: 2, action: "Easter-week price promotion in modern trade", party: D, owner: "Pedro Gómez", start: d(16), due: d(31), status: "In progress", pctComplete: 0.1, kpi: "Promo sell-out", unit: "k cases", direction: H, baseline: 9, target: 12, resources: "Promo budget USD 18,000", lastUpdate: d(17), nextStep: "Brief the key accounts" });
  // FAULT date: Start typed as text, not a real date (the schedule cannot be judged until it is repaired).
  add("Green", "On track", { id: "A-05", objectiveId: "OBJ-3", priority: 1, action: "Install 50 coolers at top outlets", party: D, owner: "Jorge Paredes", start: `${year}-${mm}-15`, due: d(31), status: "In progress", pctComplete: 0.2, kpi: "Coolers installed", unit: "units", direction: H, baseline: 0, target: 50, resources: "50 coolers, installation crew", lastUpdate: d(17), nextStep: "Second installation wave" });
  // FAULT date: Due before Start; that Due has passed, so the action is overdue.
  add("Red", "Overdue", { id: "A-06", objectiveId: "OBJ-3", priority: 3, action: "Cooler maintenance audit", party: P, owner: "Tomás Herrera", start: d(20), due: d(10), status: "Not started", pctComplete: 0, kpi: "Coolers audited", unit: "units", direction: H, baseline: 0, target: 120, resources: "Audit checklist", lastUpdate: d(5), nextStep: "Agree the route with logistics" });
  // FAULT date: overdue and not done (due on the 13th, still in progress).
  add("Red", "Overdue", { id: "A-07", objectiveId: "OBJ-4", priority: 1, action: "Weekly replenishment for the top 20 key accounts", party: D, owner: "Jorge Paredes", start: d(-12), due: d(13), status: "In progress", pctComplete: 0.7, kpi: "Out-of-stock rate", unit: "%", direction: L, baseline: 8.5, target: 7, actual: 7.6, resources: "VMI reports from the retailers", lastUpdate: d(12), nextStep: "Add the last 6 accounts" });
  // FAULT kpi: Actual typed as text with a thousands separator (1,200 of 1,250 once repaired: still Green).
  add("Green", "On track", { id: "A-08", objectiveId: "OBJ-4", priority: 2, action: "Out-of-stock audit of 1,250 shelves", party: P, owner: "Sofía Castro", start: d(2), due: d(28), status: "In progress", pctComplete: 0.95, kpi: "Shelves audited", unit: "shelves", direction: H, baseline: 0, target: 1250, actual: "1,200", resources: "Merchandiser app", lastUpdate: d(16), nextStep: "Send the gaps to replenishment" });
  // FAULT structure: RAG override without a reason, so the computed colour stands.
  add("Amber", "Behind schedule", { id: "A-09", objectiveId: "OBJ-5", priority: 1, action: "Perfect-store training for 40 merchandisers", party: D, owner: "María Quispe", start: d(3), due: d(24), status: "In progress", pctComplete: 0.55, kpi: "Merchandisers trained", unit: "people", direction: H, baseline: 0, target: 40, resources: "Trainer, training room", lastUpdate: d(15), nextStep: "Second session", ragOverride: "Green" });
  // FAULT structure: duplicate ID (A-09 again; meant to be A-10).
  add("Green", "On track", { id: "A-09", objectiveId: "OBJ-5", priority: 2, action: "Planogram reset in 60 modern-trade stores", party: "Joint", owner: "Tomás Herrera", start: d(2), due: d(20), status: "In progress", pctComplete: 0.95, kpi: "Stores reset", unit: "stores", direction: H, baseline: 0, target: 60, actual: 58, resources: "Planograms, merchandisers", lastUpdate: d(17), nextStep: "Photos to the category team" });
  // FAULT kpi: % complete typed on a 0-100 scale (60 means 6000 %).
  add("Green", "On track", { id: "A-11", objectiveId: "OBJ-1", priority: 2, action: "Route redesign for Arequipa", party: D, owner: "Lucía Vargas", start: d(2), due: d(27), status: "In progress", pctComplete: 90, kpi: "Routes redesigned", unit: "routes", direction: H, baseline: 0, target: 12, resources: "Routing software licence", lastUpdate: d(16), nextStep: "Pilot two new routes" });
  add("Green", "Done", { id: "A-12", objectiveId: "OBJ-2", priority: 3, action: "Sell-in of the new 1.5 L flavour", party: P, owner: "Ana Silva", start: d(-20), due: d(6), status: "Done", pctComplete: 1, kpi: "Sell-in", unit: "k cases", direction: H, baseline: 0, target: 20, actual: 22, resources: "Launch deck", lastUpdate: d(6), nextStep: "" });
  // Cancelled: Grey, left out of the roll-ups.
  add("Grey", "Cancelled", { id: "A-13", objectiveId: "OBJ-2", priority: 3, action: "Radio spots in Trujillo", party: P, owner: "Tomás Herrera", start: d(1), due: d(20), status: "Cancelled", pctComplete: 0, resources: "Media budget moved to Q2", lastUpdate: d(4), nextStep: "" });
  add("Amber", "On hold", { id: "A-14", objectiveId: "OBJ-3", priority: 2, action: "Cooler financing scheme for wholesalers", party: "Joint", owner: "Laura Méndez", start: d(5), due: d(31), status: "On hold", pctComplete: 0.45, kpi: "Wholesalers signed", unit: "accounts", direction: H, baseline: 0, target: 15, resources: "Finance approval", lastUpdate: d(11), nextStep: "Waiting for the credit committee" });
  // FAULT owner: stray spaces around a roster name; the repair trims them.
  add("Amber", "KPI at 90 % of target", { id: "A-15", objectiveId: "OBJ-1", priority: 2, action: "Incentive for the sales force on new outlets", party: D, owner: " Carlos Rojas ", start: d(1), due: d(31), status: "In progress", pctComplete: 0.55, kpi: "Reps on target", unit: "%", direction: H, baseline: 40, target: 80, actual: 72, resources: "Incentive budget", lastUpdate: d(17), nextStep: "Mid-month ranking" });
  // FAULT structure: refers to an objective the JBP does not have.
  add("Red", "Behind schedule", { id: "A-16", objectiveId: "OBJ-9", priority: 3, action: "E-commerce listing on two marketplaces", party: D, owner: "Lucía Vargas", start: d(9), due: d(31), status: "In progress", pctComplete: 0.2, kpi: "Listings live", unit: "listings", direction: H, baseline: 0, target: 2, actual: 0, resources: "Product photos", lastUpdate: d(16), nextStep: "Send the catalogue" });
  // Text that starts with "-" and "=": must stay text, never become a formula.
  add("Amber", "KPI at 90 % of target", { id: "A-17", objectiveId: "OBJ-2", priority: 2, action: "-5% price test on the 1.5 L pack", party: "Joint", owner: "Lucía Vargas", start: d(2), due: d(29), status: "In progress", pctComplete: 0.5, kpi: "Volume uplift", unit: "%", direction: H, baseline: 0, target: 8, actual: 7.2, resources: "Price list, 30 test stores", lastUpdate: d(16), nextStep: "=> read the results with finance" });
  // Cancelled: folded into A-07's weekly replenishment.
  add("Grey", "Cancelled", { id: "A-18", objectiveId: "OBJ-4", priority: 2, action: "Safety stock review for the Lima warehouse", party: D, owner: "Jorge Paredes", start: d(2), due: d(26), status: "Cancelled", pctComplete: 0, kpi: "Out-of-stock rate", unit: "%", direction: L, baseline: 8.5, target: 6.5, resources: "Demand forecast", lastUpdate: d(9), nextStep: "" });
  // Stale: the last update is more than 30 days old (sound data).
  add("Amber", "No update for 48 days", { id: "A-19", objectiveId: "OBJ-5", priority: 3, action: "Shelf-share audit in Plaza Vea stores", party: P, owner: "Tomás Herrera", start: d(-30), due: d(30), status: "In progress", pctComplete: 0.75, kpi: "Shelf share", unit: "%", direction: H, baseline: 18, target: 22, actual: 21, resources: "Audit agency", lastUpdate: d(-30), nextStep: "Chase the agency report" });
  // FAULT owner: Party says Distributor, but the owner is on the roster as Principal.
  add("Red", "Behind schedule", { id: "A-20", objectiveId: "OBJ-3", priority: 3, action: "Cooler placement contracts with outlet owners", party: D, owner: "Laura Méndez", start: d(9), due: d(31), status: "In progress", pctComplete: 0.15, kpi: "Contracts signed", unit: "contracts", direction: H, baseline: 0, target: 80, actual: 12, resources: "Contract template", lastUpdate: d(16), nextStep: "Legal review of the template" });

  fault("A-02", "owner", "owner", "Owner misspelt: 'Ana Silvaa' for 'Ana Silva'");
  fault("A-04", "owner", "owner", "Owner 'Pedro Gómez' is not on the roster");
  fault("A-05", "start", "date", `Start typed as text '${year}-${mm}-15'`);
  fault("A-06", "due", "date", "Due before Start");
  fault("A-07", "due", "date", "Overdue and not done");
  fault("A-08", "actual", "kpi", "KPI actual typed as text '1,200'");
  fault("A-09", "overrideReason", "structure", "RAG override without a reason");
  fault("A-09", "id", "structure", "Duplicate ID A-09");
  fault("A-11", "pctComplete", "kpi", "% complete typed as 90 on a 0-100 scale");
  fault("A-15", "owner", "owner", "Stray spaces around the owner's name");
  fault("A-16", "objectiveId", "structure", "JBP objective OBJ-9 does not exist");
  fault("A-20", "party", "owner", "Party is Distributor but the owner is a Principal person");
  return { rows, faults, expected };
}

/**
 * The sample plan. With `asOf`, the JAP is for the month of that date and the JBP for its year
 * (so the sample stays current), judged on the 18th of that month; without it, everything is
 * fixed in 2026 around 2026-03-18.
 */
export function samplePlan(asOf: number = SAMPLE_AS_OF): SamplePlan {
  const { year, month } = calendar(asOf);
  const { rows, faults, expected } = actions(year, month);
  const monthStart = serial(year, month, 1);
  const designedAsOf = serial(year, month, SAMPLE_DAY);
  return {
    asOf: designedAsOf,
    settings: { ...DEFAULT_SETTINGS, asOf: designedAsOf },
    roster: ROSTER_ROWS.map((r) => ({ ...r })),
    jbp: {
      header: {
        principal: "Northwind Beverages",
        distributor: "Andes Distribución S.A.",
        market: "Peru",
        year,
        periodStart: serial(year, 1, 1),
        periodEnd: serial(year, 12, 31),
        lastReview: serial(year, 1, 15),
      },
      objectives: OBJECTIVES.map((o) => ({ ...o })),
    },
    jap: {
      header: {
        distributor: "Andes Distribución S.A.",
        month: monthStart,
        reviewDate: Math.min(monthStart + 27, monthEnd(monthStart)!),
        jbpSheet: "",
      },
      actions: rows,
    },
    faults,
    expectedRag: expected,
  };
}
