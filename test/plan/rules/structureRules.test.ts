import { JAP, JBP, tableHeaderRow } from "../../../src/plan/layouts";
import type { CellValue } from "../../../src/plan/model";
import { planPriorities } from "../../../src/plan/rules/priorities";
import { newId } from "../../../src/plan/rules/structureRules";
import { findingsOf } from "../../support/checkPlan";
import { soundPlan, withAction, type SoundPlanChanges } from "../../support/soundPlan";
import { colOf } from "../../support/planGrids";

const r = (i: number) => tableHeaderRow(JAP) + 2 + i;
const rules = (changes: SoundPlanChanges) => findingsOf(soundPlan(changes)).map((f) => [f.rule, f.severity, f.cell, f.message]);

describe("structure rules", () => {
  test("structure.missingId and structure.duplicateId (case ignored, as Excel's lookups do)", () => {
    expect(rules(withAction(1, { id: null }))).toEqual([["structure.missingId", "error", `${colOf(JAP, "id")}${r(1)}`, "This action has no ID. Give it a unique ID so it can be referenced and tracked."]]);
    expect(rules(withAction(3, { id: "a-1" }))).toEqual([["structure.duplicateId", "error", `${colOf(JAP, "id")}${r(3)}`, `ID 'a-1' is used again (first on row ${r(0)}). Each action needs its own ID.`]]);
    const objectives = findingsOf(soundPlan({ objectives: (rows) => rows.map((o) => ({ ...o, id: "O-1" })) }));
    expect(objectives.filter((f) => f.rule === "structure.duplicateId").map((f) => [f.rule, f.sheet, f.cell])).toEqual([["structure.duplicateId", "JBP", `A${tableHeaderRow(JBP) + 3}`]]);
  });

  test("structure.duplicateId offers a new ID: the next number of its prefix, never one already given", () => {
    const [dup] = findingsOf(soundPlan(withAction(3, { id: "A-1" })));
    expect(dup).toMatchObject({ rule: "structure.duplicateId", repair: { value: "A-4", label: "Give a new ID: 'A-4'" } });
    const twice = findingsOf(soundPlan({ actions: (rows) => rows.map((a, i) => ({ ...a, id: i === 0 ? "A-1" : i === 3 ? "A-2" : "A-1" })) }));
    expect(twice.filter((f) => f.rule === "structure.duplicateId").map((f) => f.repair?.value)).toEqual(["A-3", "A-4"]);
    expect(newId("A-007", new Set(["a-007", "a-012"]))).toBe("A-013");
    expect(newId("Launch", new Set(["launch", "launch-2"]))).toBe("Launch-3");
  });

  test("structure.required: an action or objective without its text", () => {
    expect(rules(withAction(0, { action: " " }))).toEqual([["structure.required", "error", `${colOf(JAP, "action")}${r(0)}`, "Action is empty. Describe what will be done."]]);
  });

  test("structure.unknownObjective, with a repair for another spelling", () => {
    expect(rules(withAction(0, { objectiveId: "O-9" }))).toEqual([["structure.unknownObjective", "error", `${colOf(JAP, "objectiveId")}${r(0)}`, "JBP objective 'O-9' is not an objective ID of the JBP. Choose one from the list."]]);
    const [f] = findingsOf(soundPlan(withAction(0, { objectiveId: "O -1" })));
    expect(f).toMatchObject({ rule: "structure.unknownObjective", severity: "warning", repair: { value: "O-1" } });
    expect(findingsOf(soundPlan(withAction(0, { objectiveId: "o-1" })))).toEqual([]);
    // Unknown: the user chooses among the JBP's objectives (issue 15, item 10); nothing is chosen yet.
    const [unknown] = findingsOf(soundPlan(withAction(0, { objectiveId: "O-9" })));
    expect(unknown.repair).toEqual({ sheet: "JAP", cell: `${colOf(JAP, "objectiveId")}${r(0)}`, value: null, label: "Choose an objective", choices: [expect.objectContaining({ value: "O-1" }), expect.objectContaining({ value: "O-2" })] });
    expect(unknown.repair!.choices![0].label).toMatch(/^O-1: \S/);
    // No JBP in the workbook: nothing to check against.
    expect(findingsOf(soundPlan(withAction(0, { objectiveId: "O-9" })).filter((g) => g.name !== "JBP"))).toEqual([]);
  });

  /** The sound plan with these priorities on its actions, in order (it has four actions). */
  const withPriorities = (values: unknown[], settings?: SoundPlanChanges["settings"]): SoundPlanChanges => ({
    actions: (rows) => rows.map((a, i) => ({ ...a, priority: (values[i] ?? null) as CellValue })),
    ...(settings ? { settings } : {}),
  });

  test("priorities as planners write them: ranks, levels or names, each counted once, with no finding a row", () => {
    expect(rules(withPriorities(["Coverage", "Availability", "coverage ", "Visibility"]))).toEqual([]);
    expect(rules(withPriorities(["High", "Medium", "low", "HIGH"]))).toEqual([]);
    expect(rules(withPriorities([1, 2, 1, 3]))).toEqual([]);
  });

  test("structure.tooManyPriorities: one error for the JAP when its distinct priorities pass the most allowed", () => {
    expect(rules(withPriorities(["Coverage", "Availability", "Visibility", "Coverage"], { maxPriorities: 2 }))).toEqual([
      ["structure.tooManyPriorities", "error", `${colOf(JAP, "priority")}${r(2)}`, "This JAP has 3 distinct priorities ('Coverage', 'Availability', 'Visibility'); the critical few are at most 2 (Most priorities, in Settings). Merge or drop some."],
    ]);
    // A rank and the same rank typed as text are one priority.
    expect(rules(withPriorities([1, "1", 2, 2], { maxPriorities: 2 })).map((f) => f[0])).toEqual(["structure.badPriority"]);
  });

  test("structure.mixedPriorities: one warning for a JAP that mixes forms, not an error a row", () => {
    expect(rules(withPriorities([1, "Coverage", 2, "High"]))).toEqual([
      ["structure.mixedPriorities", "warning", `${colOf(JAP, "priority")}${r(1)}`, "Priorities are written in more than one form: ranks (1, 2), names ('Coverage') and levels ('High'). Write them one way so they read and sort alike."],
    ]);
  });

  test("structure.badPriority: a mistyped rank is an error, a rank typed as text a warning with a repair", () => {
    expect(rules(withAction(0, { priority: 1.5 }))).toEqual([
      ["structure.badPriority", "error", `${colOf(JAP, "priority")}${r(0)}`, "Priority 1.5 is not a rank (a whole number from 1), a level (High, Medium, Low) or the name of a priority."],
    ]);
    expect(rules(withAction(0, { priority: 0 })).map((f) => f[0])).toEqual(["structure.badPriority"]);
    const [text] = findingsOf(soundPlan(withAction(0, { priority: "2" })));
    expect(text).toMatchObject({ severity: "warning", message: "Priority '2' is text, not a number. Make it 2.", repair: { value: 2 } });
  });

  test("planPriorities: the distinct priorities in order, ranks then levels then names", () => {
    const actions = [3, "Coverage", "high", 1, " coverage", "Low", "3", null, 2.5, "Availability"].map((priority) => ({ source: { raw: { priority: priority as CellValue } } }));
    expect(planPriorities(actions)).toEqual([1, 3, "high", "Low", "Coverage", "Availability"]);
    expect(planPriorities([])).toEqual([]);
  });

  test("structure.badStatus and structure.badParty: blank, unknown, and another wording", () => {
    expect(rules(withAction(0, { status: null }))).toEqual([["structure.badStatus", "error", `${colOf(JAP, "status")}${r(0)}`, "Status is empty. Choose Not started, In progress, On hold, Done or Cancelled."]]);
    expect(rules(withAction(0, { status: "Pending" }))).toEqual([["structure.badStatus", "error", `${colOf(JAP, "status")}${r(0)}`, "Status 'Pending' is not one of Not started, In progress, On hold, Done or Cancelled."]]);
    const [wording] = findingsOf(soundPlan(withAction(0, { status: "in progress " })));
    expect(wording).toMatchObject({ rule: "structure.badStatus", severity: "warning", message: "Status 'in progress ' is read as 'In progress'; use the list's wording so formulas read it too.", repair: { value: "In progress" } });
    expect(rules(withAction(0, { party: "Agency" }))).toEqual([["structure.badParty", "error", `${colOf(JAP, "party")}${r(0)}`, "Party 'Agency' is not one of Principal, Distributor or Joint."]]);
  });

  test("structure.pctVsStatus: Done below 100 %, Not started above 0 %, over 100 %, below 0 %", () => {
    expect(findingsOf(soundPlan(withAction(1, { pctComplete: 0.6 })))[0]).toMatchObject({ rule: "structure.pctVsStatus", severity: "warning", cell: `${colOf(JAP, "pctComplete")}${r(1)}`, message: "Status is Done but % complete is 60 %.", repair: { value: 1 } });
    expect(findingsOf(soundPlan(withAction(2, { pctComplete: 0.2 })))[0]).toMatchObject({ cell: `${colOf(JAP, "status")}${r(2)}`, message: "Status is Not started but % complete is 20 %.", repair: { value: "In progress" } });
    expect(rules(withAction(0, { pctComplete: 1.5 }))).toEqual([["structure.pctVsStatus", "error", `${colOf(JAP, "pctComplete")}${r(0)}`, "% complete is 150 %, over 100 %."]]);
    expect(rules(withAction(0, { pctComplete: 250 }))).toEqual([["structure.pctVsStatus", "error", `${colOf(JAP, "pctComplete")}${r(0)}`, "% complete is 25,000 %, over 100 %."]]);
    expect(rules(withAction(0, { pctComplete: -0.1 }))).toEqual([["structure.pctVsStatus", "error", `${colOf(JAP, "pctComplete")}${r(0)}`, "% complete is -10 %, below 0 %."]]);
  });

  test("structure.overrideWithoutReason and structure.badOverride", () => {
    expect(rules(withAction(3, { overrideReason: "" }))).toEqual([["structure.overrideWithoutReason", "error", `${colOf(JAP, "overrideReason")}${r(3)}`, "RAG override 'Amber' has no Override reason. Say why the computed colour is replaced."]]);
    expect(rules(withAction(3, { ragOverride: "Purple" }))).toEqual([["structure.badOverride", "error", `${colOf(JAP, "ragOverride")}${r(3)}`, "RAG override 'Purple' is not one of Red, Amber, Green or Grey."]]);
    expect(findingsOf(soundPlan(withAction(3, { ragOverride: "amber" })))[0]).toMatchObject({ rule: "structure.badOverride", severity: "warning", repair: { value: "Amber" } });
  });

  test("a missing column skips the rules that need it, and nothing else", () => {
    const columns = JAP.columns.map((c) => c.key).filter((k) => k !== "status");
    const f = findingsOf(soundPlan({ ...withAction(0, { owner: "Bruno Costaa" }), japOptions: { columns } }));
    expect(f.map((x) => x.rule)).toEqual(["structure.missingColumn", "owner.notOnRoster"]);
  });
});
