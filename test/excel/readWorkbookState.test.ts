import { HEAD_ROWS, READ_CELLS_PER_REQUEST, readWorkbookState } from "../../src/excel/readWorkbookState";
import { capabilities } from "../../src/excel/requirements";
import { measure, useSim } from "./support/sim";

describe("readWorkbookState", () => {
  const sim = useSim();

  it("reads every sheet's used range with values and formats in two syncs", async () => {
    sim().setCells("Sheet1", "B3", [["ID", "Due"], ["A-1", 46099]]);
    const { result: state, syncs } = await measure(sim(), () => Excel.run((context) => readWorkbookState(context, capabilities())));
    expect(syncs).toBe(2);
    expect(state.grids).toEqual([
      { name: "Sheet1", origin: { row: 2, col: 1 }, values: [["ID", "Due"], ["A-1", 46099]], numberFormats: [["General", "General"], ["General", "General"]] },
    ]);
  });

  it("reads a sheet longer than HEAD_ROWS in slices of bounded size, in order", async () => {
    const cols = 40;
    const rows = HEAD_ROWS + Math.ceil((READ_CELLS_PER_REQUEST * 1.5) / cols);
    const data = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c === 0 ? `row ${r}` : r * cols + c)));
    sim().setCells("Sheet1", "A1", data);
    const { result: state, syncs } = await measure(sim(), () => Excel.run((context) => readWorkbookState(context, capabilities())));
    // Two syncs for the head, then one per READ_CELLS_PER_REQUEST cells of the rest.
    expect(syncs).toBe(2 + 2);
    const grid = state.grids[0];
    expect(grid.values).toHaveLength(rows);
    expect(grid.numberFormats).toHaveLength(rows);
    expect(grid.values[HEAD_ROWS - 1][0]).toBe(`row ${HEAD_ROWS - 1}`);
    expect(grid.values[HEAD_ROWS][0]).toBe(`row ${HEAD_ROWS}`);
    expect(grid.values[rows - 1][cols - 1]).toBe((rows - 1) * cols + cols - 1);
  });
});
