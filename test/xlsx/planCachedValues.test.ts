import { newWorkbookInput } from "../../src/cli/newCommand";
import { parseCellA1, serialFromIso } from "../../src/plan/model";
import { EMPTY_ROW } from "../../src/plan/rag";
import { specGrid } from "../../src/plan/sheets";
import { checkWorkbook } from "../../src/plan/rules";
import { newWorkbook } from "../../src/plan/workbook";
import { planCachedValues } from "../../src/xlsx/planCachedValues";
import { readWorkbookFile } from "../../src/xlsx/readXlsx";
import { writeXlsx } from "../../src/xlsx/writeXlsx";

const day = serialFromIso("2026-03-18")!;

describe("planCachedValues", () => {
  describe.each([
    ["the sample", true],
    ["an empty plan", false],
  ])("%s, as jointplan new writes it", (_name, sample) => {
    const wb = newWorkbook(newWorkbookInput({ sample, force: false, asOf: day }, day));
    const cached = planCachedValues(wb.specs, day);

    it("gives every formula cell of the RAG Summary and of the JBP's counts a cached value", async () => {
      const file = await readWorkbookFile((await writeXlsx(wb.specs, [], { cachedValues: cached })).bytes);
      const jbp = wb.specs.find((s) => s.kind === "jbp")!;
      const counts = ["actionsRed", "actionsAmber", "actionsGreen"].map((k) => jbp.tables[0].position.columns[k]);
      const left = file.uncalculated.filter((c) => c.sheet === wb.summary.sheetName || (c.sheet === jbp.sheetName && counts.includes(c.col)));
      expect(left).toEqual([]);
      expect(wb.summary.cells.filter((c) => c.formula).length).toBeGreaterThan(300);
      // Read back, each summary formula cell holds the value given (blank reads as null).
      const grid = file.grids.find((g) => g.name === wb.summary.sheetName)!;
      const diffs = wb.summary.cells
        .filter((c) => c.formula)
        .flatMap((c) => {
          const p = parseCellA1(c.address)!;
          const read = grid.values[p.row]?.[p.col] ?? null;
          const given = cached[wb.summary.sheetName][c.address];
          return (given === "" ? null : given) === read ? [] : [`${c.address}: ${JSON.stringify(read)} vs ${JSON.stringify(given)}`];
        });
      expect(diffs).toEqual([]);
    });

    it("shows the engine's counts, the objectives by ID and name and the plan RAG", () => {
      const { rag } = checkWorkbook(wb.specs.map(specGrid), { today: day });
      const values = cached[wb.summary.sheetName];
      const map = wb.summary.map;
      const inUse = rag.actions.filter((a) => a.reason !== EMPTY_ROW);
      for (const c of ["Red", "Amber", "Green", "Grey"] as const) expect(values[map.all[c]]).toBe(inUse.filter((a) => a.rag === c).length);
      expect(values[map.all.total]).toBe(sample ? 20 : 0);
      expect(values[map.planRag]).toBe(sample ? rag.plan.rag : "Grey");
      const objectiveLabels = map.dimensions.objective.map((d) => values[d.row.Red.replace(/^B/, "A")]).filter((v) => v !== "");
      expect(objectiveLabels).toHaveLength(sample ? 5 : 0);
      if (sample) expect(objectiveLabels[0]).toMatch(/^OBJ-1 – \S/);
      // An action whose objective is not in the JBP (the sample's OBJ-9) is counted apart, not listed.
      const { plan } = checkWorkbook(wb.specs.map(specGrid), { today: day });
      const ids = new Set(plan.jbps.flatMap((j) => j.objectives.map((o) => o.id.toLowerCase())));
      const unknown = plan.japs.flatMap((j) => j.actions).filter((a) => a.id !== "" && !ids.has(a.objectiveId.toLowerCase())).length;
      expect(values[map.rest.objective.total]).toBe(unknown);
      if (sample) expect(unknown).toBeGreaterThan(0);
      expect(objectiveLabels.some((l) => String(l).startsWith("OBJ-9"))).toBe(false);
      // Constants carry no cached value: only formulas do.
      expect(values.A1).toBeUndefined();
    });
  });
});
