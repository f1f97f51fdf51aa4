/**
 * Plans written before the meeting column order (issue 14) keep working: the JAP and JBP of an
 * older file, columns in their old order, read and check exactly as the same plan in today's order.
 */
import { JAP, JAP_HELPER_COLUMNS, JBP, type TableLayout } from "../../../src/plan/layouts";
import { JBP_HELPER_KEYS } from "../../../src/plan/rag";
import { type Finding, parseCellA1, type SheetGrid } from "../../../src/plan/model";
import { computePlanRag } from "../../../src/plan/rag";
import { readPlan } from "../../../src/plan/read";
import { validatePlan } from "../../../src/plan/rules";
import { jbpGrid, japGrid, rosterGrid, settingsGrid } from "../../support/planGrids";
import { AS_OF, JAP_HEADER, JBP_HEADER, soundActions, soundObjectives, soundRoster } from "../../support/soundPlan";

/** The column orders that plans of 2026 were written in, before the meeting order. */
const OLD_JAP = "id objectiveId priority action party owner start due status pctComplete kpi unit direction baseline target actual resources lastUpdate nextStep rag ragOverride overrideReason issues".split(" ");
const OLD_JBP =
  "id objective initiative kpi unit direction baseline q1Target q2Target q3Target q4Target fyTarget q1Actual q2Actual q3Actual q4Actual ytdTarget ytdActual pctToTarget actionsRed actionsAmber actionsGreen rag principalOwner distributorOwner comment".split(" ");

/** A plan with faults of every kind the check knows, so that a column read wrongly would show. */
function faultyPlan(order?: { jap: string[]; jbp: string[] }): SheetGrid[] {
  const actions = soundActions();
  actions[0] = { ...actions[0], owner: "Bruno Costaa", actual: "1,200" };
  actions[1] = { ...actions[1], start: "2026-03-05", objectiveId: "O-9" };
  actions[2] = { ...actions[2], due: actions[2].start === null ? null : Number(actions[2].start) - 3, party: "Agency" };
  actions[3] = { ...actions[3], overrideReason: "", pctComplete: 1.5 };
  const objectives = soundObjectives().map((o, i) => (i === 0 ? { ...o, q2Target: "3 000" } : o));
  return [
    rosterGrid(soundRoster()),
    settingsGrid({ asOf: AS_OF, greenThreshold: 0.95, maxPriorities: 5 }),
    jbpGrid(JBP_HEADER, objectives, order ? { columns: order.jbp } : {}),
    japGrid(JAP_HEADER, actions, order ? { columns: order.jap } : {}),
  ];
}

/** A finding with its cell named by column key instead of letter, so two orders compare. */
function byKey(f: Finding, grids: SheetGrid[]): Record<string, unknown> {
  const layout: TableLayout | null = f.sheet === "JAP" ? JAP : f.sheet === "JBP" ? JBP : null;
  const at = f.cell ? parseCellA1(f.cell) : null;
  const grid = grids.find((g) => g.name === f.sheet);
  const header = at && grid ? grid.values[(layout ? grid.values.findIndex((row) => row[0] === "ID") : at.row) ?? 0]?.[at.col] : null;
  return { rule: f.rule, severity: f.severity, sheet: f.sheet, row: f.row, column: layout ? header : f.cell, message: f.message, repair: f.repair?.value ?? null };
}

describe("plans in the old column order", () => {
  const oldGrids = faultyPlan({ jap: OLD_JAP, jbp: OLD_JBP });
  const newGrids = faultyPlan();

  test("the old order really is another order, and both hold every column", () => {
    expect(OLD_JAP).not.toEqual(JAP.columns.map((c) => c.key));
    // Files of the old order came before the RAG's helper and reason columns: every other column is there.
    const helpers = new Set([...JAP_HELPER_COLUMNS.map((c) => c.key), "ragReason"]);
    expect([...OLD_JAP].sort()).toEqual(JAP.columns.map((c) => c.key).filter((k) => !helpers.has(k)).sort());
    // …and before the JBP's YTD helper columns.
    expect([...OLD_JBP].sort()).toEqual(JBP.columns.map((c) => c.key).filter((k) => !JBP_HELPER_KEYS.includes(k)).sort());
  });

  test("read the same actions, objectives and headers, with no read findings", () => {
    const before = readPlan(oldGrids);
    const now = readPlan(newGrids);
    expect(before.readFindings).toEqual([]);
    const strip = (rows: { source: unknown }[]) => rows.map(({ source: _s, ...rest }) => rest);
    expect(strip(before.japs[0].actions)).toEqual(strip(now.japs[0].actions));
    expect(strip(before.jbps[0].objectives)).toEqual(strip(now.jbps[0].objectives));
    expect(before.japs[0].header).toEqual(now.japs[0].header);
    expect(before.japs[0].position.columns.owner).toBe(OLD_JAP.indexOf("owner"));
  });

  test("check the same: every finding, on the same row and column, with the same message and repair", () => {
    const before = validatePlan(readPlan(oldGrids), { asOf: AS_OF });
    const now = validatePlan(readPlan(newGrids), { asOf: AS_OF });
    expect(before.length).toBeGreaterThan(8);
    expect(before.map((f) => byKey(f, oldGrids))).toEqual(now.map((f) => byKey(f, newGrids)));
  });

  test("get the same RAG for every action and objective", () => {
    const rag = (grids: SheetGrid[]) => computePlanRag(readPlan(grids), AS_OF);
    expect(rag(oldGrids)).toEqual(rag(newGrids));
  });
});
