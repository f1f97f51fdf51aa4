import { PAYLOAD_LIMIT_BYTES, type SimulatedExcel } from "../sim";
import { HEADER_BLOCK_ROWS, TOP_COLS, TOP_ROWS, readWorkbookState } from "../../src/excel/readWorkbookState";
import { capabilities } from "../../src/excel/requirements";
import { READ_BUDGET_BYTES } from "../../src/excel/sheetReads";
import { cellA1 } from "../../src/plan/model";
import { JAP_HELPER_COLUMNS, JAP } from "../../src/plan/layouts";
import { measure, useSim } from "./support/sim";

const HEADERS = JAP.columns.map((c) => c.header);
const row = (i: number, action = `Action ${i}`): (string | number)[] =>
  JAP.columns.map((c) => (c.key === "id" ? `A-${i}` : c.key === "action" ? action : c.key === "owner" ? "Ana Silva" : c.key === "due" ? 46100 + (i % 30) : ""));

/** A JAP table of `n` rows at `top` (0-based header row) on `sheet`, made as a user would (Insert > Table). */
async function japTable(sim: SimulatedExcel, sheet: string, top: number, n: number, action?: (i: number) => string): Promise<void> {
  sim.setCells(sheet, cellA1(top, 0), [HEADERS, ...Array.from({ length: n }, (_, i) => row(i, action?.(i)))]);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).tables.add(`A${top + 1}:${cellA1(top + n, HEADERS.length - 1)}`, true);
    await context.sync();
  });
}

const read = () => Excel.run((context) => readWorkbookState(context, capabilities()));

/** Other data, as a workbook holds beside its plan: `rows` rows of 30 columns of numbers and text. */
const otherData = (rows: number): (string | number)[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: 30 }, (_, c) => (c % 3 === 0 ? `item ${r}-${c}` : r * 30 + c + 0.25)));

describe("readWorkbookState", () => {
  const sim = useSim({ sheets: ["Sheet1", "Data"] });
  it("reads a sheet's corner and a plan table in two syncs", async () => {
    sim().setCells("Data", "B3", [["ID", "Due"], ["A-1", 46099]]);
    await japTable(sim(), "Sheet1", 6, 5);
    const { result: state, syncs } = await measure(sim(), read);
    expect(syncs).toBe(2);
    const data = state.grids.find((g) => g.name === "Data")!;
    expect(data).toEqual({ name: "Data", origin: { row: 2, col: 1 }, values: [["ID", "Due"], ["A-1", 46099]] });
    const jap = state.grids.find((g) => g.name === "Sheet1")!;
    expect(jap.origin).toEqual({ row: 6, col: 0 });
    expect(jap.values[0]).toEqual(HEADERS);
    expect(jap.values[5][0]).toBe("A-4");
    expect(state.formats.size).toBe(0);
  });

  it("reads only the corner of sheets that hold no plan, however many rows they have", async () => {
    sim().setCells("Data", "A1", otherData(11_000));
    await japTable(sim(), "Sheet1", 6, 20);
    const { result: state, syncs } = await measure(sim(), read);
    expect(syncs).toBe(2);
    const data = state.grids.find((g) => g.name === "Data")!;
    expect(data.values).toHaveLength(TOP_ROWS);
    expect(data.values[0]).toHaveLength(30);
    expect(sim().stats.maxResponseBytes).toBeLessThan(200_000);
  });

  it("reads a plan table too big for one response in slices packed up to the budget, in order", async () => {
    const n = 30_000;
    await japTable(sim(), "Sheet1", 0, n);
    const { result: state, syncs } = await measure(sim(), read);
    const grid = state.grids.find((g) => g.name === "Sheet1")!;
    expect(grid.values).toHaveLength(n + 1);
    expect(grid.values[1][0]).toBe("A-0");
    expect(grid.values[n][0]).toBe(`A-${n - 1}`);
    // Every column but the RAG's helper and reason columns at the table's right end, which the engine computes itself.
    // (the sheet's corner, read whole, may hold them for its first rows).
    const unread = JAP_HELPER_COLUMNS.length + 1; // the helpers and the RAG reason
    expect(grid.values.every((r) => r.length >= HEADERS.length - unread)).toBe(true);
    expect(grid.values[n].length).toBe(HEADERS.length - unread);
    // Every response under Excel on the web's 5 MB (the sim refuses more). The first slice is sized
    // on a guess of a cell's bytes, the rest on what it measured: one sync per 4 MB of cells after it.
    const responses = sim().stats.batches.map((b) => b.responseBytes);
    expect(Math.max(...responses)).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const total = responses.reduce((a, b) => a + b, 0);
    expect(syncs).toBeGreaterThan(2);
    expect(syncs).toBeLessThanOrEqual(2 + 1 + Math.ceil(total / READ_BUDGET_BYTES));
  });

  it("reads a response Excel refuses as too large (long texts) again in smaller slices", async () => {
    const long = "x".repeat(20_000);
    await japTable(sim(), "Sheet1", 0, 400, () => long);
    const { result: state, syncs } = await measure(sim(), read);
    const grid = state.grids.find((g) => g.name === "Sheet1")!;
    expect(grid.values).toHaveLength(401);
    expect(grid.values[400][JAP.columns.findIndex((c) => c.key === "action")]).toBe(long);
    // The second sync was refused (8 MB of text); the cells then came in responses under the limit.
    expect(sim().stats.batches.some((b) => b.responseBytes > PAYLOAD_LIMIT_BYTES)).toBe(true);
    expect(syncs).toBeGreaterThan(3);
  });

  it("finds a plan typed without a table by its header row in the corner, and reads it to the end of the used range", async () => {
    const n = 300;
    sim().setCells("Sheet1", "A4", [HEADERS, ...Array.from({ length: n }, (_, i) => row(i))]);
    sim().setCells("Sheet1", "A1", [["Distributor", "Acme"]]);
    const { result: state, syncs } = await measure(sim(), read);
    expect(syncs).toBe(3);
    const grid = state.grids.find((g) => g.name === "Sheet1")!;
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values[0][1]).toBe("Acme");
    expect(grid.values[3 + n][0]).toBe(`A-${n - 1}`);
  });

  it("reads the header block of a plan table that starts below the corner", async () => {
    const top = TOP_ROWS + 30;
    sim().setCells("Sheet1", cellA1(top - 3, 0), [["Distributor", "Far Below Ltd"]]);
    sim().setCells("Sheet1", cellA1(top - HEADER_BLOCK_ROWS - 5, 0), [["not a header block"]]);
    await japTable(sim(), "Sheet1", top, 3);
    const { result: state, syncs } = await measure(sim(), read);
    expect(syncs).toBe(3);
    const grid = state.grids.find((g) => g.name === "Sheet1")!;
    const at = (r: number, c: number) => grid.values[r - grid.origin!.row]?.[c - grid.origin!.col];
    expect(at(top - 3, 1)).toBe("Far Below Ltd");
    expect(at(top + 3, 0)).toBe("A-2");
    // Rows between the corner and the header block are not read.
    expect(at(top - HEADER_BLOCK_ROWS - 5, 0) ?? null).toBeNull();
    expect(TOP_COLS).toBeGreaterThanOrEqual(HEADERS.length);
  });

  it("reads the number format of the cells asked for, in the second sync", async () => {
    sim().setCells("Data", "C2", [["x"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("C2").numberFormat = [["@"]];
      await context.sync();
    });
    const { result: state, syncs } = await measure(sim(), () =>
      Excel.run((context) => readWorkbookState(context, capabilities(), { notes: false, formatCells: [{ sheet: "Data", cell: "C2" }, { sheet: "Gone", cell: "A1" }] })),
    );
    expect(syncs).toBe(2);
    expect(state.formats.get("Data!C2")).toBe("@");
    expect(state.formats.has("Gone!A1")).toBe(false);
  });
});
