import { newWorkbook, SHEET_NAMES, specGrid } from "../../src/cli/newWorkbookSpecs";
import { DEFAULT_SETTINGS } from "../../src/plan/model";
import { readWorkbook } from "../../src/plan/read";
import { samplePlan } from "../../src/plan/samplePlan";

describe("newWorkbook", () => {
  const sample = samplePlan();
  const wb = newWorkbook({ settings: DEFAULT_SETTINGS, roster: [], jbp: sample.jbp, jap: sample.jap });

  it("gives the six sheets in order", () => {
    expect(wb.specs.map((s) => s.sheetName)).toEqual([SHEET_NAMES.roster, SHEET_NAMES.settings, SHEET_NAMES.jbp, SHEET_NAMES.jap, SHEET_NAMES.summary, SHEET_NAMES.reviewLog]);
  });

  it("builds the summary from the plan as read: the JAP and the JBP tables, every objective", () => {
    expect(wb.summaryInput.japTables.map((t) => t.sheetName)).toEqual([SHEET_NAMES.jap]);
    expect(wb.summaryInput.jbpTables?.map((t) => t.sheetName)).toEqual([SHEET_NAMES.jbp]);
    expect(wb.summaryInput.objectiveIds).toEqual(expect.arrayContaining(["OBJ-1", "OBJ-2", "OBJ-3", "OBJ-4", "OBJ-5", "OBJ-9"]));
    expect(wb.summary.map.objectives).not.toBeNull();
  });

  it("turns a spec's constants into the grid a reader sees", () => {
    const grid = specGrid(wb.specs[3]);
    const plan = readWorkbook([grid]);
    expect(plan.japs[0].actions.map((a) => a.id)).toEqual(sample.jap.actions.map((a) => a.id));
    expect(grid.values.every((row) => row.length === grid.values[0].length)).toBe(true);
  });
});
