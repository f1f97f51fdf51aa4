import { createSimulatedExcel } from "./index";
import { setup } from "./testUtil";

describe("Office, install and the inspection API", () => {
  test("install puts Excel, Office and OfficeExtension on a global and takes them away again", async () => {
    const sim = createSimulatedExcel();
    const g: Record<string, unknown> = { Office: "previous" };
    const uninstall = sim.install(g);
    expect(g.Excel).toBe(sim.Excel);
    expect(g.Office).toBe(sim.Office);
    expect((g.OfficeExtension as { Error: unknown }).Error).toBeDefined();
    uninstall();
    expect(g).toEqual({ Office: "previous" });
  });

  test("code written against the globals runs against the sim", async () => {
    const sim = createSimulatedExcel();
    const uninstall = sim.install(globalThis as never);
    try {
      const info = await Office.onReady();
      expect(info.host).toBe(Office.HostType.Excel);
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["hi"]];
        await ctx.sync();
      });
      expect(sim.cell("Sheet1", "A1").value).toBe("hi");
      expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
    } finally {
      uninstall();
    }
  });

  test("enums carry Office.js's string values", () => {
    const { Excel: X } = createSimulatedExcel();
    expect(X.ConditionalFormatType.custom).toBe("Custom");
    expect(X.DataValidationType.custom).toBe("Custom");
    expect(X.DataValidationOperator.greaterThanOrEqualTo).toBe("GreaterThanOrEqualTo");
    expect(X.SheetVisibility.veryHidden).toBe("VeryHidden");
    expect(X.EventTriggerSource.thisLocalAddin).toBe("ThisLocalAddin");
    expect(X.DataChangeType.rangeEdited).toBe("RangeEdited");
    expect(X.EventSource.local).toBe("Local");
    expect(X.ChartType.columnClustered).toBe("ColumnClustered");
    expect(X.ChartSeriesBy.columns).toBe("Columns");
  });

  test("requirement sets: ExcelApi 1.1 to 1.18 by default, configurable", () => {
    const def = createSimulatedExcel().Office.context.requirements;
    expect(def.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(def.isSetSupported("ExcelApi", "1.18")).toBe(true);
    expect(def.isSetSupported("ExcelApi", "1.19")).toBe(false);
    expect(def.isSetSupported("ExcelApi")).toBe(true);
    expect(def.isSetSupported("WordApi", "1.1")).toBe(false);
    const old = createSimulatedExcel({ requirementSets: { ExcelApi: "1.9", SharedRuntime: "1.1" } }).Office.context.requirements;
    expect(old.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(old.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(old.isSetSupported("SharedRuntime", "1.1")).toBe(true);
  });

  test("Office.actions.associate and runAction run a ribbon command to completion", async () => {
    const sim = createSimulatedExcel();
    let ran = false;
    sim.Office.actions.associate("insertJap", (event: unknown) => {
      ran = true;
      setTimeout(() => (event as { completed: () => void }).completed(), 0);
    });
    await sim.runAction("insertJap");
    expect(ran).toBe(true);
    await expect(sim.runAction("nope")).rejects.toThrow(/no action/);
  });

  test("snapshot is a deep, plain before/after copy; subscribe hears syncs and edits", async () => {
    const { sim, run } = setup();
    let calls = 0;
    const unsubscribe = sim.subscribe(() => calls++);
    sim.setCells("Sheet1", "A1", [["a", 1]]);
    const before = sim.snapshot("Sheet1");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").format.font.bold = true;
      await ctx.sync();
    });
    const after = sim.snapshot("Sheet1");
    expect(Object.keys(before)).toEqual(["A1", "B1"]);
    expect(before.B1.bold).toBe(false);
    expect(after.B1.bold).toBe(true);
    expect(after.A1).toEqual(before.A1);
    await sim.userEdit("Sheet1", "C1", [["x"]]);
    expect(calls).toBe(3);
    unsubscribe();
    sim.setCells("Sheet1", "D1", [[1]]);
    expect(calls).toBe(3);
  });

  test("setFormulaResult gives a formula cell the value a real engine would compute", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["=1+1"]]);
    sim.setFormulaResult("Sheet1", "A1", 2);
    const v = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values, formulas");
      await ctx.sync();
      return [r.values, r.formulas];
    });
    expect(v).toEqual([[[2]], [["=1+1"]]]);
    expect(() => sim.setFormulaResult("Sheet1", "B1", 1)).toThrow(/no formula/);
  });

  test("addSheet seeds a sheet with Excel's naming rules", () => {
    const sim = createSimulatedExcel();
    sim.addSheet("Roster");
    expect(() => sim.addSheet("roster")).toThrow(expect.objectContaining({ code: "ItemAlreadyExists" }));
    expect(sim.sheets().map((s) => s.name)).toEqual(["Sheet1", "Roster"]);
  });
});
