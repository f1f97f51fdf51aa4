import { checkWorkbook } from "../../../src/plan/rules/checkWorkbook";
import { type HeaderOf, headerOfColumn, issuesBySheetRow, issuesText } from "../../../src/plan/rules/issuesText";
import { evaluateLiveRule, JAP, tableHeaderRow } from "../../../src/plan/layouts";
import type { Finding } from "../../../src/plan/model";
import { GENERATED_AS_OF, generateActionGrid } from "../../support/planGenerator";
import { AS_OF, d, soundPlan, withAction } from "../../support/soundPlan";

const row0 = tableHeaderRow(JAP) + 1;

describe("checkWorkbook", () => {
  test("reads, validates and computes the RAG of every action and objective", () => {
    const result = checkWorkbook(soundPlan(withAction(0, { owner: "Bruno Costaa" })), { today: d("2026-06-30") });
    expect(result.asOf).toBe(AS_OF);
    expect(result.findings.map((f) => f.rule)).toEqual(["owner.notOnRoster"]);
    expect(result.rag.actions.map((r) => r.id)).toEqual(["A-1", "A-2", "A-3", "A-4"]);
    expect(result.rag.actions.find((r) => r.id === "A-2")?.rag).toBe("Green");
    expect(result.rag.actions.find((r) => r.id === "A-4")).toMatchObject({ rag: "Amber", overridden: true });
    expect(result.rag.objectives.map((r) => r.id)).toEqual(["O-1", "O-2"]);
    expect(result.plan.japs[0].actions).toHaveLength(4);
  });

  test("as-of: the option, else the Settings, else today", () => {
    expect(checkWorkbook(soundPlan(), { today: 50000, asOf: d("2026-03-20") + 0.5 }).asOf).toBe(d("2026-03-20"));
    expect(checkWorkbook(soundPlan({ settings: { asOf: null } }), { today: d("2026-03-25") }).asOf).toBe(d("2026-03-25"));
    const late = checkWorkbook(soundPlan({ settings: { asOf: null } }), { today: d("2026-04-10") });
    expect(late.findings.filter((f) => f.rule === "date.overdue").map((f) => f.row)).toEqual([row0, row0 + 2, row0 + 3]);
    expect(late.rag.actions.find((r) => r.id === "A-1")?.rag).toBe("Red");
  });

  test("date order: a blank Settings Date order takes the option (the host's); an explicit one wins", () => {
    const typed = withAction(0, { start: "05/03/2026" });
    const startRepair = (r: ReturnType<typeof checkWorkbook>) => r.findings.find((f) => f.rule === "date.notADate")?.repair?.value;
    const blank = checkWorkbook(soundPlan({ ...typed, settings: { dateOrder: null } }), { today: AS_OF, dateOrder: "MDY" });
    expect(blank.plan.settings.dateOrder).toBeNull();
    expect(blank.plan.dateOrder).toBe("MDY");
    expect(startRepair(blank)).toBe(d("2026-05-03")); // 3 May
    expect(blank.findings.find((f) => f.rule === "date.ambiguous")?.message).toContain("it is read as 3 May 2026 (month first");
    const explicit = checkWorkbook(soundPlan({ ...typed, settings: { dateOrder: "DMY" } }), { today: AS_OF, dateOrder: "MDY" });
    expect(explicit.plan.dateOrder).toBe("DMY");
    expect(startRepair(explicit)).toBe(d("2026-03-05")); // 5 March
    // No option (the CLI on a file, an Excel without the culture API): day first.
    expect(startRepair(checkWorkbook(soundPlan(typed), { today: AS_OF }))).toBe(d("2026-03-05"));
  });

  test("a generated plan of 500 actions checks without errors", () => {
    const result = checkWorkbook(generateActionGrid(500, 3), { today: GENERATED_AS_OF });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.rag.actions).toHaveLength(500);
  });
});

describe("issuesText", () => {
  const f = (severity: "error" | "warning", message: string, row = 7, sheet = "JAP"): Finding => ({ rule: "owner.required", severity, sheet, cell: `A${row + 1}`, row, message });

  test("errors first, then warnings, marked and joined", () => {
    const findings = [f("warning", "Due date is before the as-of date."), f("error", "Owner 'Ana Silvaa' is not on the Roster. Did you mean 'Ana Silva'?"), f("error", "Other row", 8)];
    expect(issuesText(findings, 7)).toBe("✖ Owner 'Ana Silvaa' is not on the Roster. Did you mean 'Ana Silva'? • ⚠ Due date is before the as-of date.");
    expect(issuesText(findings, 9)).toBe("");
    expect(issuesText([f("error", "On JBP", 7, "JBP")], 7, "JAP")).toBe("");
  });

  test("long lists stay short and say how many more there are", () => {
    const many = Array.from({ length: 12 }, (_, i) => f("error", `Problem number ${i} with a fairly long explanation of what is wrong here.`));
    const text = issuesText(many, 7);
    expect(text.length).toBeLessThanOrEqual(400);
    expect(text).toMatch(/^✖ Problem number 0 .* • \+\d+ more in the task pane$/);
  });

  test("issuesBySheetRow groups one sheet's findings by row", () => {
    const map = issuesBySheetRow([f("error", "A"), f("warning", "B", 8), f("error", "C", 7, "JBP")], "JAP");
    expect([...map]).toEqual([
      [7, "✖ A"],
      [8, "⚠ B"],
    ]);
  });
});

describe("Issues tags drive the live layer", () => {
  const result = checkWorkbook(soundPlan(withAction(0, { owner: "Bruno Costaa" })), { today: d("2026-06-30") });
  const jap = result.plan.japs[0];
  const headerOf = headerOfColumn(jap.position, JAP);

  test("each finding is tagged with its column's header", () => {
    const text = issuesBySheetRow(result.findings, jap.position.sheet, headerOf).get(row0);
    expect(text).toMatch(/^✖ \[Owner\] Owner 'Bruno Costaa' is not on the Roster/);
  });

  test("the Owner cell's issue rule fires on that text, and no other column's does", () => {
    const text = issuesBySheetRow(result.findings, jap.position.sheet, headerOf).get(row0) ?? "";
    const fired = JAP.liveRules.filter((r) => r.id.includes(".issue.") && evaluateLiveRule(r, { issues: text })).map((r) => r.columns[0]);
    expect(fired).toEqual(["owner"]);
  });

  test("tags of findings cut from a long text are still listed", () => {
    const long = (header: string, i: number): Finding => ({ rule: "owner.required", severity: "error", sheet: "JAP", cell: `${header}8`, row: 7, message: `Problem ${i} with a fairly long explanation of what is wrong in this cell here.` });
    const cols = ["F", "G", "H", "I", "J", "K", "L", "M"];
    const byLetter: HeaderOf = (f) => ({ F: "Owner", G: "Start", H: "Due", I: "Status", J: "% complete", K: "KPI", L: "Unit", M: "Direction" })[f.cell[0]];
    const text = issuesText(cols.map(long), 7, undefined, byLetter);
    expect(text.length).toBeLessThanOrEqual(400);
    for (const h of ["Owner", "Start", "Due", "Status", "% complete", "KPI", "Unit", "Direction"]) expect(text).toContain(`[${h}]`);
  });
});
