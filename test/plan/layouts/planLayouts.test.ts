import { compileExpr, formulaProblems, MAX_FORMULA_LENGTH, MAX_LIST_SOURCE, renderTemplate } from "../../../src/plan/expr";
import { JAP, JBP, REVIEW_LOG, ROSTER, TABLE_LAYOUTS } from "../../../src/plan/layouts/planLayouts";
import { columnFormulas, headerCells, liveRuleFormula, RAG_COLOURS } from "../../../src/plan/sheets";
import { evaluateLiveRule, issueTag } from "../../../src/plan/layouts/liveRules";
import { actionRagFormula, actionRagFormulaFor, columnTrees, objectiveFormulas } from "../../../src/plan/rag";
import { SETTINGS_LISTS } from "../../../src/plan/layouts/settingsRows";
import { type CellValue, columnLetters, LIST_NAMES } from "../../../src/plan/model";
import type { TableLayout } from "../../../src/plan/layouts/tableLayout";

const placed = (layout: TableLayout, sheet = "JAP 2026-03") => ({
  sheet,
  headerRow: 4,
  lastRow: 204,
  columns: Object.fromEntries(layout.columns.map((c, i) => [c.key, i])),
});
const render = (layout: TableLayout, template: string) => renderTemplate(template, { table: placed(layout), row: 5, header: headerCells(layout) });
const KNOWN_NAMES = new Set([...Object.values(LIST_NAMES), "JP_MaxPriorities"]);

describe("layout formulas", () => {
  it.each([
    { layout: JAP, formulas: columnFormulas(JAP) },
    { layout: JBP, formulas: columnFormulas(JBP) },
    { layout: JBP, formulas: columnFormulas(JBP, Array.from({ length: 12 }, (_, i) => placed(JAP, `JAP 2026-${String(i + 1).padStart(2, "0")}`))) },
  ])(
    "every formula column of $layout.kind renders to a portable formula",
    ({ layout, formulas }) => {
      const formulaCols = layout.columns.filter((c) => c.owner === "formula");
      expect(formulaCols.length).toBeGreaterThan(0);
      for (const c of formulaCols) {
        expect(formulas[c.key]).toMatch(/^=/);
        const f = render(layout, formulas[c.key]);
        expect({ key: c.key, problems: formulaProblems(f) }).toEqual({ key: c.key, problems: [] });
      }
    },
  );

  it("the JAP RAG column is the compiled action rule, split into short helper columns", () => {
    const formulas = columnFormulas(JAP);
    expect(formulas.rag).toBe(actionRagFormula());
    const f = actionRagFormulaFor(placed(JAP), 9);
    // The RAG reads the helper columns (at the table's right end) and no user cell itself.
    const letter = (key: string): string => columnLetters(placed(JAP).columns[key]);
    expect(f).toContain(`$${letter("calcInUse")}10`);
    expect(f).not.toContain(`TRIM($${letter("status")}10)`);
    expect(f.length).toBeLessThan(300);
    const at = (key: string): string => render(JAP, formulas[key]);
    expect(at("calcStatus")).toContain(`TRIM($${letter("status")}6)="Cancelled"`);
    expect(at("calcGate")).toContain(`$${letter("due")}6<JP_AsOf`);
    // Only the helpers that read a date of the as-of name it: the text comparisons stay out of "today".
    for (const key of ["calcInUse", "calcStatus", "calcOverride", "calcAttainment", "calcKpi"]) expect({ key, asOf: at(key).includes("JP_AsOf") }).toEqual({ key, asOf: false });
    for (const key of ["calcInUse", "calcStatus", "calcOverride", "calcExpected", "calcAttainment", "calcGate", "calcSchedule", "calcKpi", "calcStale"]) {
      expect({ key, length: at(key).length < 400 }).toEqual({ key, length: true });
    }
    // Without helper columns the one cell holds the whole rule.
    const whole = actionRagFormula(new Set());
    expect(whole).toContain('TRIM({status})="Cancelled"');
    expect(whole.length).toBeLessThan(MAX_FORMULA_LENGTH);
  });

  it("every formula column is compiled from the tree cached values evaluate (columnTrees)", () => {
    const japs = [placed(JAP, "JAP 2026-02"), placed(JAP, "JAP 2026-03")];
    for (const [layout, formulas] of [
      [JAP, columnFormulas(JAP)],
      [JBP, columnFormulas(JBP, japs)],
    ] as const) {
      const trees = columnTrees(layout.kind as "jap" | "jbp", new Set(layout.columns.map((c) => c.key)));
      expect(trees.map((t) => t.key).sort()).toEqual(layout.columns.filter((c) => c.owner === "formula").map((c) => c.key).sort());
      for (const t of trees) expect({ key: t.key, formula: `=${compileExpr(t.tree, { jap: japs })}` }).toEqual({ key: t.key, formula: formulas[t.key] });
    }
  });

  it("the JBP counts over every JAP table given, and 0 with none", () => {
    expect(columnFormulas(JBP).actionsRed).toBe("=IF(LEN(TRIM({id}))>0,0,0)");
    const two = objectiveFormulas([placed(JAP, "JAP 2026-02"), placed(JAP, "JAP 2026-03")]).actionsRed;
    expect(two).toBe(
      `=IF(LEN(TRIM({id}))>0,COUNTIFS('JAP 2026-02'!$I$6:$I$205,{id},'JAP 2026-02'!$F$6:$F$205,"Red")+COUNTIFS('JAP 2026-03'!$I$6:$I$205,{id},'JAP 2026-03'!$F$6:$F$205,"Red"),0)`,
    );
  });

  it("refuses a count formula longer than Excel allows, with a clear message", () => {
    const many = Array.from({ length: 200 }, (_, i) => placed(JAP, `JAP ${i}`));
    expect(() => objectiveFormulas(many)).toThrow("longer than Excel allows");
  });

  it("puts the columns read aloud in a meeting first, the less used ones after", () => {
    const keys = (layout: typeof JAP) => layout.columns.map((c) => c.key);
    expect(keys(JAP).slice(0, 6)).toEqual(["id", "action", "owner", "due", "status", "rag"]);
    expect(keys(JBP).slice(0, 4)).toEqual(["id", "objective", "rag", "pctToTarget"]);
    expect(keys(JBP).slice(keys(JBP).indexOf("actionsRed"), keys(JBP).indexOf("actionsGreen") + 1)).toEqual(["actionsRed", "actionsAmber", "actionsGreen"]);
    for (const layout of [JAP, JBP]) {
      const firstDetail = layout.columns.findIndex((c) => c.detail);
      expect(firstDetail).toBeGreaterThan(0);
      expect(layout.columns.slice(firstDetail).every((c) => c.detail)).toBe(true);
    }
  });
});

describe("native validation", () => {
  const all = TABLE_LAYOUTS.flatMap((l) => l.columns.map((c) => ({ layout: l.kind, c })));

  it("list sources are workbook names, never inline lists, and within Excel's 255 characters", () => {
    const lists = all.filter(({ c }) => c.validation?.type === "list");
    expect(lists.length).toBeGreaterThanOrEqual(10);
    for (const { c } of lists) {
      const source = (c.validation as { source: string }).source;
      expect(source).toMatch(/^=JP_[A-Za-z]+$/);
      expect(KNOWN_NAMES.has(source.slice(1))).toBe(true);
      expect(source.length).toBeLessThanOrEqual(MAX_LIST_SOURCE);
    }
  });

  it("covers what DESIGN.md asks for on the JAP", () => {
    const v = (key: string) => JAP.columns.find((c) => c.key === key)?.validation;
    expect(v("owner")).toEqual({ type: "list", source: "=JP_RosterNames", allowBlank: false, alert: "warning" });
    expect(v("objectiveId")).toMatchObject({ type: "list", source: "=JP_ObjectiveIds" });
    expect(v("status")).toMatchObject({ source: "=JP_Statuses" });
    expect(v("party")).toMatchObject({ source: "=JP_ActionParties" });
    expect(v("direction")).toMatchObject({ source: "=JP_Directions" });
    expect(v("ragOverride")).toMatchObject({ source: "=JP_Rags" });
    for (const k of ["start", "due", "lastUpdate"]) expect(v(k)).toMatchObject({ type: "date", operator: "between" });
    expect(v("pctComplete")).toMatchObject({ type: "decimal", formula1: "0", formula2: "1" });
    for (const k of ["baseline", "target", "actual"]) expect(v(k)).toMatchObject({ type: "decimal" });
    // Ranks, levels and names are all priorities (issue 15, item 2): any value, with a prompt that says so.
    expect(v("priority")).toEqual({ type: "any", allowBlank: true, alert: "warning" });
    expect(JAP.columns.find((c) => c.key === "priority")?.prompt?.message).toMatch(/rank .*level \(High, Medium, Low\) or a focus area's name/);
    expect(ROSTER.columns.find((c) => c.key === "party")?.validation).toMatchObject({ source: "=JP_Parties" });
    expect(REVIEW_LOG.columns.find((c) => c.key === "rag")?.validation).toMatchObject({ source: "=JP_Rags" });
  });

  it("every validated column has an input prompt within Excel's limits", () => {
    for (const { c } of all.filter(({ c }) => c.validation)) {
      expect(c.prompt?.title.length).toBeGreaterThan(0);
      expect(c.prompt!.title.length).toBeLessThanOrEqual(32);
      expect(c.prompt!.message.length).toBeLessThanOrEqual(255);
    }
  });

  it("the Settings lists hold every enum value, one name each", () => {
    expect(new Set(SETTINGS_LISTS.map((l) => l.name)).size).toBe(SETTINGS_LISTS.length);
    expect(SETTINGS_LISTS.find((l) => l.name === "JP_Statuses")?.values).toEqual(["Not started", "In progress", "On hold", "Done", "Cancelled"]);
  });
});

describe("live rules", () => {
  const rule = (id: string) => {
    const r = [...JAP.liveRules, ...JBP.liveRules, ...ROSTER.liveRules].find((x) => x.id === id);
    if (!r) throw new Error(`no rule ${id}`);
    return r;
  };
  const roster = { JP_RosterNames: ["Ana Silva", "Bruno Costa"] as CellValue[] };
  const row = (extra: Record<string, CellValue>): Record<string, CellValue> => ({
    id: "A-1",
    action: "Do",
    owner: "Ana Silva",
    status: "In progress",
    start: 46000,
    due: 46010,
    party: "Joint",
    ...extra,
  });
  const marks = (id: string, r: Record<string, CellValue>) => evaluateLiveRule(rule(id), r, roster);

  it("each formula renders portably and has a description", () => {
    for (const layout of [JAP, JBP, ROSTER]) {
      for (const r of layout.liveRules) {
        expect(r.description.length).toBeGreaterThan(10);
        expect({ id: r.id, problems: formulaProblems(render(layout, liveRuleFormula(r))) }).toEqual({ id: r.id, problems: [] });
        for (const k of r.columns) expect(layout.columns.some((c) => c.key === k)).toBe(true);
      }
    }
  });

  it("no owner, owner not on the roster", () => {
    expect(marks("jap.required.owner", row({ owner: "  " }))).toBe(true);
    expect(marks("jap.required.owner", row({}))).toBe(false);
    expect(marks("jap.required.owner", { owner: null })).toBe(false); // a blank template row is not marked
    expect(marks("jap.ownerNotOnRoster", row({ owner: "Ana Silvaa" }))).toBe(true);
    expect(marks("jap.ownerNotOnRoster", row({ owner: " ana  silva" }))).toBe(false);
    expect(marks("jap.ownerNotOnRoster", row({ owner: "" }))).toBe(false);
  });

  it("due before start, dates typed as text", () => {
    expect(marks("jap.dueBeforeStart", row({ start: 46010, due: 46000 }))).toBe(true);
    expect(marks("jap.dueBeforeStart", row({ start: 46010, due: "2026-01-01" }))).toBe(false);
    expect(marks("jap.dueNotDate", row({ due: "2026-01-01" }))).toBe(true);
    expect(marks("jap.startNotDate", row({ start: null }))).toBe(true);
    expect(marks("jap.lastUpdateNotDate", row({ lastUpdate: "yesterday" }))).toBe(true);
    expect(marks("jap.lastUpdateNotDate", row({ lastUpdate: null }))).toBe(false);
  });

  it("KPI figures, % complete and priority", () => {
    expect(marks("jap.kpiNotNumber.target", row({ target: "40 stores" }))).toBe(true);
    expect(marks("jap.kpiNotNumber.target", row({ target: 40 }))).toBe(false);
    expect(marks("jap.pctNotFraction", row({ pctComplete: 1.2 }))).toBe(true);
    expect(marks("jap.pctNotFraction", row({ pctComplete: "50%" }))).toBe(true);
    expect(marks("jap.pctNotFraction", row({ pctComplete: 0.5 }))).toBe(false);
    expect(marks("jap.priorityNotRank", row({ priority: 0 }))).toBe(true);
    expect(marks("jap.priorityNotRank", row({ priority: 6 }))).toBe(false);
    // Levels and names are priorities as planners write them, not faults.
    expect(marks("jap.priorityNotRank", row({ priority: "Coverage" }))).toBe(false);
    expect(marks("jap.priorityNotRank", row({ priority: "High" }))).toBe(false);
  });

  it("override without a reason, values not in their lists", () => {
    expect(marks("jap.overrideWithoutReason", row({ ragOverride: "Red", overrideReason: " " }))).toBe(true);
    expect(marks("jap.overrideWithoutReason", row({ ragOverride: "Red", overrideReason: "Agreed" }))).toBe(false);
    expect(marks("jap.statusNotInList", row({ status: "Completed" }))).toBe(true);
    expect(marks("jap.statusNotInList", row({ status: " done" }))).toBe(false);
    expect(marks("jap.partyNotInList", row({ party: "Both" }))).toBe(true);
    expect(marks("jap.overrideNotInList", row({ ragOverride: "Yellow" }))).toBe(true);
  });

  it("one rule per user column reads the Issues column by header tag, with FIND", () => {
    const owner = rule("jap.issue.owner");
    expect(liveRuleFormula(owner)).toBe('=ISNUMBER(FIND("[Owner]",{issues}))');
    expect(issueTag("Owner")).toBe("[Owner]");
    expect(marks("jap.issue.owner", { issues: "[Owner] 'Ana Silvaa' is not on the Roster" })).toBe(true);
    expect(marks("jap.issue.owner", { issues: "[Due] is before Start" })).toBe(false);
    const userCols = JAP.columns.filter((c) => c.owner === "user").map((c) => c.key);
    expect(JAP.liveRules.filter((r) => r.id.startsWith("jap.issue.")).map((r) => r.columns[0])).toEqual(userCols);
  });

  it("JBP owners, figures and roster party", () => {
    expect(marks("jbp.principalOwnerNotOnRoster", { principalOwner: "Zed" })).toBe(true);
    expect(marks("jbp.kpiNotNumber.q1Target", { q1Target: "3,000" })).toBe(true);
    expect(marks("roster.partyNotInList", { name: "X", party: "Joint" })).toBe(true);
  });

  it("duplicate IDs, unknown objectives, an owner of the other party, stray spaces", () => {
    const names = { JP_RosterNames: ["Ana Silva", "Bruno Costa"] as CellValue[], JP_RosterParties: ["Principal", "Distributor"] as CellValue[], JP_ObjectiveIds: ["OBJ-1", "OBJ-2", null] as CellValue[] };
    // COUNTIF matches case-insensitively and whole cells: "a-1" is a duplicate of "A-1", "A-1 " would not be (its stray spaces are marked).
    const ids = { id: ["A-1", "a-1", "A-2", null] as CellValue[] };
    const at = (id: string, r: Record<string, CellValue>, columns: Record<string, CellValue[]> = ids) => evaluateLiveRule(rule(id), r, names, columns);
    expect(at("jbp.duplicateId", row({ id: "A-1" }))).toBe(true);
    expect(at("jbp.duplicateId", row({ id: "A-2" }))).toBe(false);
    expect(at("jbp.duplicateId", row({ id: "" }))).toBe(false);
    // The JAP has none: its duplicates are the check's (rows x rows in a conditional format).
    expect(JAP.liveRules.some((r) => r.id === "jap.duplicateId")).toBe(false);
    expect(at("jap.unknownObjective", row({ objectiveId: "OBJ-9" }))).toBe(true);
    expect(at("jap.unknownObjective", row({ objectiveId: " obj-2" }))).toBe(false);
    expect(at("jap.unknownObjective", row({ objectiveId: "OBJ*" }))).toBe(true);
    expect(at("jap.unknownObjective", row({ objectiveId: null }))).toBe(false);
    expect(at("jap.partyOwnerMismatch", row({ party: "Distributor", owner: "Ana Silva" }))).toBe(true);
    expect(at("jap.partyOwnerMismatch", row({ party: "Principal", owner: "ana silva" }))).toBe(false);
    expect(at("jap.partyOwnerMismatch", row({ party: "Joint", owner: "Ana Silva" }))).toBe(false);
    // Not on the Roster at all: its own mark, not this one.
    expect(at("jap.partyOwnerMismatch", row({ party: "Distributor", owner: "Zed" }))).toBe(false);
    expect(at("jbp.principalOwnerParty", { principalOwner: "Bruno Costa" })).toBe(true);
    expect(at("jbp.distributorOwnerParty", { distributorOwner: "Bruno Costa" })).toBe(false);
    for (const v of [" A-1", "A-1 ", "A  1"]) expect(at("jap.straySpaces.id", row({ id: v }))).toBe(true);
    expect(at("jap.straySpaces.id", row({ id: "A-1" }))).toBe(false);
    expect(at("jap.straySpaces.owner", row({ owner: 12 }))).toBe(false);
  });

  it("marks in colours no RAG uses", () => {
    const rag = Object.values(RAG_COLOURS).map((c) => c.fill.toLowerCase());
    for (const r of [...JAP.liveRules, ...JBP.liveRules]) expect({ id: r.id, clash: rag.includes(r.fill.toLowerCase()) }).toEqual({ id: r.id, clash: false });
    // Red's fill is reddish (R high, G and B lower); the marks' are not.
    const hue = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    for (const fill of new Set([...JAP.liveRules, ...JBP.liveRules].map((r) => r.fill))) {
      const [r, , b] = hue(fill);
      expect({ fill, blueAtLeastRed: b >= r - 20 }).toEqual({ fill, blueAtLeastRed: true });
    }
  });
});
