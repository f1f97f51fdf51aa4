import { formulaProblems } from "../../../src/plan/expr";
import { readPlan } from "../../../src/plan/read";
import { samplePlan } from "../../../src/plan/sample";
import { rosterEntries, specGrid } from "../../../src/plan/sheets";
import { newWorkbook } from "../../../src/plan/workbook";
import { reviewRows } from "../../../src/plan/cycle";
import { columnLetters } from "../../../src/plan/model";
import { buildPackLayout, PACK_ROWS } from "../../../src/plan/pack";
import { OVERDUE_GATE } from "../../../src/plan/rag";

describe("the Meeting pack of a new workbook", () => {
  const sample = samplePlan();
  const wb = newWorkbook({ settings: sample.settings, roster: rosterEntries(sample.roster), jbp: sample.jbp, jap: sample.jap });
  const pack = wb.packs[0];

  it("is one pack for the one JAP, every formula within Excel's limits and fully rendered", () => {
    expect(wb.packs).toHaveLength(1);
    for (const c of pack.layout.cells) if (c.formula) expect({ at: c.address, problems: formulaProblems(c.formula) }).toEqual({ at: c.address, problems: [] });
  });

  it("gives the sample's figures as the engine sees them: the plan Red, Red actions first, then Amber", () => {
    const cells = wb.packCells[pack.spec.sheetName];
    const f = pack.layout.map.figures;
    expect(cells[f.planRag]).toBe("Red");
    expect(cells[f.why]).toMatch(/^Red: objectives \d+ Red, \d+ Amber, \d+ Green \(worst of\)$/);
    const list = pack.layout.map.lists.redAmber;
    const colours = Array.from({ length: list.rows }, (_, k) => cells[`E${list.firstRow + k + 1}`]).filter((c) => c !== "");
    expect(colours.length).toBeGreaterThan(0);
    expect(colours).toEqual([...colours].sort((a, b) => (a === b ? 0 : a === "Red" ? -1 : 1)));
  });

  it("counts and lists overdue actions by the JAP's gate column, or by the cells of a JAP without it", () => {
    const overdueFormulas = (layout: ReturnType<typeof buildPackLayout>): string[] => {
      const list = layout.map.lists.overdue;
      const keys = layout.cells.filter((c) => c.address.startsWith("I") && Number(c.address.slice(1)) > list.firstRow && Number(c.address.slice(1)) <= list.firstRow + list.rows);
      const title = layout.cells.find((c) => c.address === layout.map.figures.overdueTitle);
      return [title?.formula ?? "", ...keys.map((c) => c.formula ?? "")];
    };
    const jap = pack.input.jap;
    const gate = `$${columnLetters(jap.columns.calcGate)}$`;
    const withGate = overdueFormulas(pack.layout);
    expect(withGate).toHaveLength(1 + PACK_ROWS.overdue);
    const gateRange = `${jap.sheet}!${gate}${jap.headerRow + 2}:${gate}${jap.lastRow + 1}`;
    expect(withGate[0]).toBe(`="Overdue actions: "&COUNTIF(${gateRange},${OVERDUE_GATE})`);
    expect(withGate.slice(1).every((f) => f.includes(`/(${gateRange}=${OVERDUE_GATE})`))).toBe(true);
    expect(withGate.filter((f) => f.includes("TRIM") || f.includes("SUMPRODUCT"))).toEqual([]);
    const older = { ...jap, columns: Object.fromEntries(Object.entries(jap.columns).filter(([k]) => !k.startsWith("calc"))) };
    const byCells = overdueFormulas(buildPackLayout({ ...pack.input, jap: older }));
    expect(byCells.every((f) => f.includes("TRIM(") && !f.includes(gate))).toBe(true);
  });

  it("is never read as a plan table", () => {
    const plan = readPlan([specGrid(pack.spec)]);
    expect(plan.japs.length + plan.jbps.length).toBe(0);
  });

  it("prints on one landscape page", () => {
    expect(pack.spec.print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, fitToPagesTall: 1, printArea: "A:G" });
  });
});

describe("the Meeting pack with a Review Log", () => {
  const sample = samplePlan();
  const data = { settings: sample.settings, roster: rosterEntries(sample.roster), jbp: sample.jbp, jap: sample.jap };
  const first = newWorkbook(data);
  const plan = readPlan(first.specs.map(specGrid));
  const asOf = first.asOf;
  const then = reviewRows(plan, plan.japs[0], asOf - 20).rows;
  // A04 was Red at the last review (it is not now); the other rows as they were then.
  const log = then.map((r) => (r.actionId === "A-04" ? { ...r, rag: "Red" as const } : r));
  const wb = newWorkbook({ ...data, reviewLog: log });
  const pack = wb.packs[0];
  const cells = wb.packCells[pack.spec.sheetName];

  it("finds the last review of the distributor and compares its colours with now", () => {
    const f = pack.layout.map.figures;
    expect(cells[f.lastReview]).toBe(asOf - 20);
    expect(cells[f.thenRed]).toBe(log.filter((r) => r.rag === "Red").length);
    expect(pack.input.changes.find((c) => c.id === "A-04")).toMatchObject({ then: "Red" });
  });
});
