import { formulaProblems } from "../../../src/plan/expr";
import type { PlanWorkbook, TablePosition } from "../../../src/plan/model";
import { readPlan } from "../../../src/plan/read";
import { summaryFigures } from "../../../src/plan/summary/summaryFigures";
import { buildSummaryLayout, OVERDUE_ROWS } from "../../../src/plan/summary/summaryLayout";
import { computePlanRag } from "../../../src/plan/rag";
import { GENERATED_AS_OF, generateActionGrid } from "../../support/planGenerator";
import { action, AS_OF, d, SETTINGS } from "../rag/ragFixtures";

const tableRef = (p: TablePosition): TablePosition => ({ ...p, lastRow: Math.max(p.lastRow, p.headerRow + 1) });

describe("buildSummaryLayout", () => {
  const plan = readPlan(generateActionGrid(120, 3));
  const layout = buildSummaryLayout({
    japTables: plan.japs.map((j) => tableRef(j.position)),
    jbpTables: plan.jbps.map((j) => tableRef(j.position)),
    objectiveIds: plan.jbps[0].objectives.map((o) => o.id),
    ownerNames: plan.roster!.rows.slice(0, 6).map((r) => r.name),
    maxPriorities: 5,
    sheetName: "RAG Summary",
  });

  it("writes only portable formulas, each cell once", () => {
    const formulas = layout.cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(200);
    for (const c of formulas) expect({ at: c.address, problems: formulaProblems(c.formula as string) }).toEqual({ at: c.address, problems: [] });
    expect(new Set(layout.cells.map((c) => c.address)).size).toBe(layout.cells.length);
  });

  it("has every dimension, the overdue list and a chart over the objective block", () => {
    expect(layout.map.dimensions.objective.map((d) => d.label)).toEqual(["O-1", "O-2", "O-3", "O-4", "O-5", "O-6", "O-7", "O-8"]);
    expect(layout.map.dimensions.party.map((d) => d.label)).toEqual(["Principal", "Distributor", "Joint"]);
    expect(layout.map.dimensions.priority.map((d) => d.label)).toEqual([1, 2, 3, 4, 5]);
    expect(layout.map.overdue.rows).toBe(OVERDUE_ROWS);
    expect(layout.chart).toMatchObject({ title: "Actions by objective and RAG", seriesBy: "Columns" });
    const cell = (a: string) => layout.cells.find((c) => c.address === a);
    expect(cell(layout.map.planRag)?.formula).toMatch(/^=IF\(\(TRIM\(JP_RollUp\)="Average score"\)/);
    expect(cell(layout.map.dimensions.owner[0].row.Red)?.formula).toContain("TRIM($A$");
    // Labels that people typed are text cells ("@"), so a name like "=x" stays text.
    expect(cell(layout.map.dimensions.owner[0].row.Red.replace(/^[A-Z]+/, "A"))?.numberFormat).toBe("@");
  });

  it("is never read back as a plan table (the overdue headers differ from the JAP's)", () => {
    const values: (string | number | null)[][] = [];
    for (const c of layout.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
      const row = Number(m[2]) - 1;
      const col = m[1].charCodeAt(0) - 65;
      while (values.length <= row) values.push([]);
      values[row][col] = typeof c.value === "string" || typeof c.value === "number" ? c.value : null;
    }
    const read = readPlan([{ name: "RAG Summary", values: values.map((r) => Array.from(r, (v) => v ?? null)) }]);
    expect(read.japs).toEqual([]);
    expect(read.jbps).toEqual([]);
  });

  it("colours the plan RAG by its word and counts above zero by their column", () => {
    expect(layout.conditionalFormats.filter((c) => c.address === layout.map.planRag).map((c) => c.rag)).toEqual(["Red", "Amber", "Green", "Grey"]);
    expect(layout.conditionalFormats.some((c) => c.formula.endsWith(">0") && c.rag === "Red")).toBe(true);
  });
});

describe("summaryFigures", () => {
  it("counts, overrides, % complete and the overdue list of a small plan", () => {
    const actions = [
      action({ id: "A-1", owner: "Ana Silva", party: "Joint", priority: 1 }, {}, 5), // Green, 60 %
      action({ id: "A-2", owner: "ana silva ", due: d("2026-03-06"), pctComplete: 0.2 }, {}, 6), // Red, overdue 12
      action({ id: "A-3", objectiveId: "O-2", status: "Cancelled", pctComplete: 0.9 }, {}, 7), // Grey, left out of %
      action({ id: "A-4", ragOverride: "Amber", overrideReason: "Agreed", due: d("2026-03-10"), status: "On hold", pctComplete: null }, {}, 8), // Amber, overdue 8
      action({ id: "", action: "", owner: "", status: null, start: null, due: null }, {}, 9), // empty row
    ];
    const plan: PlanWorkbook = {
      roster: null,
      settings: SETTINGS,
      dateOrder: "DMY",
      jbps: [],
      japs: [{ position: { sheet: "JAP", headerRow: 4, lastRow: 9, columns: {} }, extraHeaders: [], header: {} as never, actions }],
      readFindings: [],
    };
    const f = summaryFigures(plan, AS_OF, { objectiveIds: ["O-1", "O-2"], ownerNames: ["Ana Silva"], maxPriorities: 2 });
    expect(f.all).toEqual({ Red: 1, Amber: 1, Green: 1, Grey: 1, overridden: 1, total: 4, pctComplete: (0.6 + 0.2) / 2 });
    expect(f.dimensions.objective.map((x) => x.figures.total)).toEqual([3, 1]);
    expect(f.dimensions.owner[0].figures).toMatchObject({ Red: 1, Green: 1, total: 2 });
    expect(f.dimensions.party.map((x) => x.figures.total)).toEqual([0, 3, 1]);
    expect(f.dimensions.priority.map((x) => x.figures.total)).toEqual([4, 0]);
    expect(f.overdue.map((o) => [o.sheetRow, o.id, o.daysOverdue, o.status])).toEqual([
      [7, "A-2", 12, "In progress"],
      [9, "A-4", 8, "On hold"],
    ]);
    expect(f.objectives).toBeNull();
    expect(f.planRag).toBe("Red");
  });

  it("agrees with the engine on a generated plan", () => {
    const plan = readPlan(generateActionGrid(300, 11));
    const f = summaryFigures(plan, GENERATED_AS_OF);
    const rag = computePlanRag(plan, GENERATED_AS_OF);
    expect(f.all.total).toBe(300);
    expect(f.all.Red + f.all.Amber + f.all.Green + f.all.Grey).toBe(300);
    for (const r of ["Red", "Amber", "Green", "Grey"] as const) expect(f.all[r]).toBe(rag.actions.filter((a) => a.rag === r).length);
    expect(f.dimensions.party.reduce((n, x) => n + x.figures.total, 0)).toBe(300);
    expect(f.dimensions.objective.reduce((n, x) => n + x.figures.total, 0)).toBe(300);
    expect(f.objectives?.total).toBe(8);
    expect(f.planRag).toBe(rag.plan.rag);
    const rows = f.overdue.map((o) => o.sheetRow);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });
});
