import { formulaProblems, MAX_FORMULA_LENGTH } from "../../../src/plan/expr";
import { type CellValue, columnLetters, type PlanWorkbook, type TablePosition } from "../../../src/plan/model";
import { JAP } from "../../../src/plan/layouts";
import { readPlan } from "../../../src/plan/read";
import { summaryFigures, summaryValues } from "../../../src/plan/summary/summaryFigures";
import { buildSummaryLayout, OBJECTIVE_SPARE_ROWS, OVERDUE_ROWS, OWNER_SPARE_ROWS, type SummaryInput } from "../../../src/plan/summary/summaryLayout";
import { summaryInput } from "../../../src/plan/summary/summarySheetSpec";
import { type SummaryTable, tableColumn } from "../../../src/plan/summary/summaryTables";
import { computePlanRag, OVERDUE_GATE } from "../../../src/plan/rag";
import { GENERATED_AS_OF, generateActionGrid } from "../../support/planGenerator";
import { action, AS_OF, d, SETTINGS } from "../rag/ragFixtures";

const JAP_COLUMN_KEYS_FOR_TESTS = JAP.columns.map((c) => c.key);
const excel = (p: TablePosition, name: string, headers: Record<string, string>): SummaryTable => ({ ...p, excelTable: { name, headers } });
const japHeaders = Object.fromEntries(JAP_COLUMN_KEYS_FOR_TESTS.map((k) => [k, k === "rag" ? "RAG" : `H ${k}`]));

describe("buildSummaryLayout", () => {
  const plan = readPlan(generateActionGrid(120, 3));
  const input = summaryInput(plan, "RAG Summary");
  const layout = buildSummaryLayout(input);
  const cell = (a: string) => layout.cells.find((c) => c.address === a);

  it("writes only portable formulas, each cell once", () => {
    const formulas = layout.cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(200);
    for (const c of formulas) expect({ at: c.address, problems: formulaProblems(c.formula as string) }).toEqual({ at: c.address, problems: [] });
    expect(new Set(layout.cells.map((c) => c.address)).size).toBe(layout.cells.length);
  });

  it("lists the JBP's rows and the Roster's by formula, with spare rows, and every party and priority", () => {
    const jbpRows = plan.jbps[0].position.lastRow - plan.jbps[0].position.headerRow;
    expect(layout.map.dimensions.objective).toHaveLength(jbpRows + OBJECTIVE_SPARE_ROWS);
    const rosterRows = plan.roster!.position.lastRow - plan.roster!.position.headerRow;
    expect(layout.map.dimensions.owner).toHaveLength(rosterRows + OWNER_SPARE_ROWS);
    expect(layout.map.dimensions.party.map((x) => x.label)).toEqual([{ value: "Principal" }, { value: "Distributor" }, { value: "Joint" }]);
    expect(layout.map.dimensions.priority.map((x) => x.label)).toEqual([1, 2, 3, 4, 5].map((value) => ({ value })));
    const owner = layout.map.rows.find((r) => r.source.kind === "label" && r.source.dim === "owner")!;
    expect(cell(owner.key!)?.formula).toMatch(/^=IFERROR\(INDEX\(Roster!\$A\$\d+:\$A\$\d+,1\)&"",""\)$/);
    expect(layout.map.overdue.rows).toBe(OVERDUE_ROWS);
    expect(layout.chart).toMatchObject({ title: "Actions by objective and RAG", seriesBy: "Columns" });
    expect(cell(layout.map.planRag)?.formula).toMatch(/^=IF\(TRIM\(JP_RollUp\)="Average score",/);
  });

  it("counts by COUNTIFS and SUMIFS: no TRIM array, no SUMPRODUCT over a comparison", () => {
    for (const c of layout.cells.filter((x) => x.formula)) {
      expect(c.formula).not.toMatch(/TRIM\([^)]*!\$/);
      expect(c.formula).not.toMatch(/SUMPRODUCT\(--/);
    }
  });

  it("names an Excel table's columns by structured reference, and escapes what must be", () => {
    const t = excel({ sheet: "JAP 2026-03", headerRow: 6, lastRow: 26, columns: { rag: 19, owner: 5 } }, "JP_Actions", { rag: "RAG", owner: "Owner [main] #1" });
    expect(tableColumn(t, "rag")).toBe("JP_Actions[RAG]");
    // A header with a special character goes in a second pair of brackets, as Excel writes it; a space alone does not need one.
    expect(tableColumn(t, "owner")).toBe("JP_Actions[[Owner '[main'] '#1]]");
    const helper = excel({ sheet: "JAP", headerRow: 6, lastRow: 26, columns: { calcCounted: 34, ragOverride: 20 } }, "JP_Actions", { calcCounted: "calc: counted", ragOverride: "RAG override" });
    expect(tableColumn(helper, "calcCounted")).toBe("JP_Actions[[calc: counted]]");
    expect(tableColumn(helper, "ragOverride")).toBe("JP_Actions[RAG override]");
    // Without an Excel table: the range with 500 spare rows.
    expect(tableColumn({ ...t, excelTable: undefined }, "rag")).toBe("'JAP 2026-03'!$T$8:$T$527");
  });

  it("keeps every formula as short with 200 JAP tables as with one (issue 12: 8,192 characters)", () => {
    const one = (i: number): SummaryTable => excel({ sheet: `JAP ${i}`, headerRow: 6, lastRow: 26, columns: Object.fromEntries(JAP_COLUMN_KEYS_FOR_TESTS.map((k, c) => [k, c])) }, `JP_Actions_${String(i).padStart(3, "0")}`, japHeaders);
    const longest = (n: number): number => {
      const l = buildSummaryLayout({ ...input, japTables: Array.from({ length: n }, (_, i) => one(i)) });
      return l.cells.reduce((m, c) => Math.max(m, c.formula?.length ?? 0), 0);
    };
    expect(longest(200)).toBe(longest(1));
    expect(longest(200)).toBeLessThan(MAX_FORMULA_LENGTH / 8);
  });

  it("lists the priorities given, such as named focus areas", () => {
    const l = buildSummaryLayout({ ...input, priorityLabels: ["Coverage", "Availability"] });
    expect(l.map.dimensions.priority.map((x) => x.label)).toEqual([{ value: "Coverage" }, { value: "Availability" }]);
  });

  it("is never read back as a plan table (the overdue headers differ from the JAP's)", () => {
    const values: CellValue[][] = [];
    for (const c of layout.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
      if (m[1].length > 1) continue;
      const row = Number(m[2]) - 1;
      const col = m[1].charCodeAt(0) - 65;
      while (values.length <= row) values.push([]);
      values[row][col] = typeof c.value === "string" || typeof c.value === "number" ? c.value : null;
    }
    const read = readPlan([{ name: "RAG Summary", values: values.map((r) => Array.from(r, (v) => v ?? null)) }]);
    expect(read.japs).toEqual([]);
    expect(read.jbps).toEqual([]);
  });

  it("colours the plan RAG and the objectives' own RAG by their word, counts above zero by their column", () => {
    expect(layout.conditionalFormats.filter((c) => c.address === layout.map.planRag).map((c) => c.rag)).toEqual(["Red", "Amber", "Green", "Grey"]);
    expect(layout.conditionalFormats.some((c) => /^=AND\(ISNUMBER\(B\d+\),B\d+>0\)$/.test(c.formula) && c.rag === "Red")).toBe(true);
    expect(layout.conditionalFormats.filter((c) => c.address.startsWith("I")).map((c) => c.rag)).toEqual(["Red", "Amber", "Green", "Grey"]);
  });

  it("hides its working cells and shows no sheet row", () => {
    expect(layout.columnWidths.filter((w) => w.width === 0).every((w) => w.col >= 26)).toBe(true);
    expect(layout.columnWidths.some((w) => w.width === 0)).toBe(true);
    expect(layout.cells.filter((c) => c.value === "Sheet row")).toEqual([]);
  });
});

/** A JAP table with every column, at the rows of the actions given (header at row 4). */
function planOf(actions: ReturnType<typeof action>[]): PlanWorkbook {
  const columns = Object.fromEntries(JAP_COLUMN_KEYS_FOR_TESTS.map((k, i) => [k, i]));
  return { roster: null, settings: SETTINGS, dateOrder: "DMY", jbps: [], japs: [{ position: { sheet: "JAP", headerRow: 4, lastRow: 9, columns }, extraHeaders: [], header: {} as never, actions }], readFindings: [] };
}

describe("summaryFigures", () => {
  const actions = [
    action({ id: "A-1", owner: "Ana Silva", party: "Joint", priority: 1 }, {}, 5), // Green, 60 %
    action({ id: "A-2", owner: "ana silva", due: d("2026-03-06"), pctComplete: 0.2 }, {}, 6), // Red, overdue 12
    action({ id: "A-3", objectiveId: "O-2", status: "Cancelled", pctComplete: 0.9 }, {}, 7), // Grey, left out of %
    action({ id: "A-4", owner: "Ana Silva ", ragOverride: "Amber", overrideReason: "Agreed", due: d("2026-03-10"), status: "On hold", pctComplete: null }, {}, 8), // Amber, overdue 8
    action({ id: "", action: "", owner: "", status: null, start: null, due: null }, {}, 9), // empty row
  ];
  const plan = planOf(actions);
  const input: SummaryInput = { sheetName: "RAG Summary", japTables: [plan.japs[0].position], priorityLabels: [1, 2] };

  it("counts, overrides, % complete and the overdue list of a small plan", () => {
    const f = summaryFigures(plan, AS_OF, input);
    expect(f.all).toEqual({ Red: 1, Amber: 1, Green: 1, Grey: 1, overridden: 1, total: 4, pctComplete: (0.6 + 0.2) / 2 });
    expect(f.tables).toEqual([{ sheet: "JAP", figures: f.all }]);
    expect(f.dimensions.party.map((x) => [x.label, x.figures.total])).toEqual([["Principal", 0], ["Distributor", 3], ["Joint", 1]]);
    expect(f.dimensions.priority.map((x) => x.figures.total)).toEqual([4, 0]);
    // No JBP and no Roster: every action is under the blocks' closing rows.
    expect(f.dimensions.objective).toEqual([]);
    expect(f.rest.objective).toEqual(f.all);
    expect(f.rest.owner.total).toBe(4);
    expect(f.rest.party.total).toBe(0);
    expect(f.overdue.map((o) => [o.position, o.id, o.daysOverdue, o.status])).toEqual([
      [2, "A-2", 12, "In progress"],
      [4, "A-4", 8, "On hold"],
    ]);
    expect(f.objectives).toBeNull();
    expect(f.planRag).toBe("Red");
  });

  it("matches a label as COUNTIFS does: case ignored, spaces not trimmed", () => {
    const f = summaryFigures(plan, AS_OF, { ...input, priorityLabels: ["1"] });
    // "1" typed as text matches the number 1, as a COUNTIFS criterion does.
    expect(f.dimensions.priority[0].figures.total).toBe(4);
    const roster = { sheet: "Roster", headerRow: 0, lastRow: 1, columns: { name: 0 } };
    const withRoster: PlanWorkbook = { ...plan, roster: { position: roster, extraHeaders: [], rows: [{ name: "Ana Silva", party: "Principal", role: "", email: "", active: true, source: { sheet: "Roster", row: 1 } }] } as never };
    const g = summaryFigures(withRoster, AS_OF, { ...input, rosterTable: roster });
    expect(g.dimensions.owner).toEqual([{ label: "Ana Silva", figures: expect.objectContaining({ Green: 1, Red: 1, total: 2 }) }]);
    // "Ana Silva " (a stray space) is no one on the Roster: the check flags it, the summary keeps it apart.
    expect(g.rest.owner.total).toBe(2);
  });

  it("counts a JAP with the summary flags by them (trimmed, as the RAG reads), an older JAP by its cells", () => {
    const padded = planOf([
      action({ id: "P-1", ragOverride: "Amber", overrideReason: "Agreed" }, { ragOverride: " Amber " }, 5), // the RAG shows the override: Amber
      action({ id: "P-2", status: "Cancelled", pctComplete: 0.5 }, { status: " Cancelled " }, 6), // Grey: cancelled
      action({ id: "P-3", pctComplete: 0.2 }, {}, 7),
    ]);
    const withFlags = padded.japs[0].position;
    const f = summaryFigures(padded, AS_OF, { sheetName: "RAG Summary", japTables: [withFlags], priorityLabels: [] });
    expect(f.all).toMatchObject({ Amber: 1, Grey: 1, overridden: 1, pctComplete: (0.6 + 0.2) / 2 });
    const layout = buildSummaryLayout({ sheetName: "RAG Summary", japTables: [withFlags], priorityLabels: [] });
    const formulas = layout.cells.map((c) => c.formula ?? "");
    // Overridden and counted by one numeric criterion on the flag column (a range here: no Excel table).
    expect(formulas.filter((x) => /^=COUNTIFS\(JAP!\$[A-Z]+\$6:\$[A-Z]+\$\d+,1\)$/.test(x))).toHaveLength(2);
    expect(formulas.filter((x) => x.includes('"?*"'))).toEqual([]);
    // Without the flag columns (a JAP written before them), the same rows are counted by their cells, untrimmed as COUNTIFS compares.
    const older = { ...withFlags, columns: Object.fromEntries(Object.entries(withFlags.columns).filter(([k]) => k !== "calcOverridden" && k !== "calcCounted")) };
    const g = summaryFigures({ ...padded, japs: [{ ...padded.japs[0], position: older }] }, AS_OF, { sheetName: "RAG Summary", japTables: [older], priorityLabels: [] });
    expect(g.all).toMatchObject({ Amber: 1, Grey: 1, overridden: 0 });
    expect(g.all.pctComplete).toBeCloseTo((0.6 + 0.5 + 0.2) / 3, 12);
    expect(buildSummaryLayout({ sheetName: "RAG Summary", japTables: [older], priorityLabels: [] }).cells.some((c) => (c.formula ?? "").includes('"?*"'))).toBe(true);
  });

  it("lists an action as overdue where the RAG's overdue gate does: the gate column, or the cells of an older JAP, status trimmed", () => {
    const padded = planOf([
      action({ id: "Q-1", due: d("2026-03-06") }, { status: " In progress " }, 5), // the RAG says overdue: listed
      action({ id: "Q-2", due: d("2026-03-06"), status: "Done" }, { status: "done " }, 6), // Done: not overdue
      action({ id: "Q-3", due: d("2026-03-20") }, {}, 7), // not due yet
    ]);
    const rag = computePlanRag(padded, AS_OF);
    expect(rag.actions.map((a) => a.reason)).toEqual(["Overdue by 12 days", "Done", expect.not.stringMatching(/^Overdue/)]);
    const withGate = padded.japs[0].position;
    const f = summaryFigures(padded, AS_OF, { sheetName: "RAG Summary", japTables: [withGate], priorityLabels: [] });
    expect(f.overdue.map((o) => [o.id, o.daysOverdue, o.status])).toEqual([["Q-1", 12, " In progress "]]);
    const keys = (t: typeof withGate): string[] => buildSummaryLayout({ sheetName: "RAG Summary", japTables: [t], priorityLabels: [] }).cells.map((c) => c.formula ?? "").filter((x) => x.includes("AGGREGATE(15,6,"));
    const letters = columnLetters(withGate.columns.calcGate);
    const gateCol = `JAP!$${letters}$6:$${letters}$`;
    expect(keys(withGate)).toHaveLength(OVERDUE_ROWS);
    expect(keys(withGate).every((x) => x.includes(`/(${gateCol}`) && x.includes(`=${OVERDUE_GATE})`) && !x.includes("TRIM"))).toBe(true);
    // A JAP written before the helper columns: the same test by its cells, the status trimmed.
    const older = { ...withGate, columns: Object.fromEntries(Object.entries(withGate.columns).filter(([k]) => !k.startsWith("calc"))) };
    expect(keys(older).every((x) => x.includes("TRIM(") && !x.includes(gateCol))).toBe(true);
    const g = summaryFigures({ ...padded, japs: [{ ...padded.japs[0], position: older }] }, AS_OF, { sheetName: "RAG Summary", japTables: [older], priorityLabels: [] });
    expect(g.overdue.map((o) => o.id)).toEqual(["Q-1"]);
  });

  it("gives a value to every formula cell of the layout", () => {
    const layout = buildSummaryLayout(input);
    const values = summaryValues(plan, AS_OF, layout);
    const missing = layout.cells.filter((c) => c.formula && (values.get(c.address) === undefined || values.get(c.address) === null)).map((c) => `${c.address} ${c.formula}`);
    expect(missing).toEqual([]);
  });

  it("agrees with the engine on a generated plan", () => {
    const generated = readPlan(generateActionGrid(300, 11));
    const f = summaryFigures(generated, GENERATED_AS_OF, summaryInput(generated, "RAG Summary"));
    const rag = computePlanRag(generated, GENERATED_AS_OF);
    expect(f.all.total).toBe(300);
    for (const r of ["Red", "Amber", "Green", "Grey"] as const) expect(f.all[r]).toBe(rag.actions.filter((a) => a.rag === r).length);
    // Each block and its closing row account for every action.
    for (const dim of ["objective", "owner", "party", "priority"] as const) expect(f.dimensions[dim].reduce((n, x) => n + x.figures.total, 0) + f.rest[dim].total).toBe(300);
    expect(f.dimensions.objective.map((x) => x.label)).toEqual(generated.jbps[0].objectives.map((o) => o.id).filter((id) => id !== ""));
    expect(f.objectives?.total).toBe(8);
    expect(f.planRag).toBe(rag.plan.rag);
    // The summary says why in the engine's words, the colour first.
    expect(f.planReason).toBe(rag.plan.reason);
    expect(f.planReason).toMatch(new RegExp(`^${rag.plan.rag}: objectives \\d`));
    const rows = f.overdue.map((o) => o.position);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});
