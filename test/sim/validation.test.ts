import { codeOf, setup } from "./testUtil";

describe("data validation", () => {
  test("list, date, decimal, whole number and custom rules, with prompt, alert and ignoreBlanks", async () => {
    const { sim, run } = setup({ sheets: ["JAP", "Roster"] });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("JAP");
      const owner = ws.getRange("F2:F10").dataValidation;
      owner.rule = { list: { inCellDropDown: true, source: ctx.workbook.worksheets.getItem("Roster").getRange("A2:A50") } };
      owner.prompt = { showPrompt: true, title: "Owner", message: "Pick a name from the Roster." };
      owner.errorAlert = { showAlert: true, style: "Stop", title: "Unknown owner", message: "Owners come from the Roster sheet." };
      owner.ignoreBlanks = false;
      ws.getRange("G2:G10").dataValidation.rule = { date: { formula1: "2025-01-01", formula2: "2025-12-31", operator: "Between" } };
      ws.getRange("J2:J10").dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: "Between" } };
      ws.getRange("K2:K10").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      ws.getRange("L2:L10").dataValidation.rule = { custom: { formula: "=ISNUMBER(L2)" } };
      const dv = ws.getRange("F2:F10").dataValidation.load("rule, type, prompt, errorAlert, ignoreBlanks");
      const mixed = ws.getRange("F2:G2").dataValidation.load("type");
      const none = ws.getRange("Z1").dataValidation.load("type");
      await ctx.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: "=Roster!$A$2:$A$50" } });
      expect(dv.prompt).toEqual({ showPrompt: true, title: "Owner", message: "Pick a name from the Roster." });
      expect(dv.errorAlert.style).toBe("Stop");
      expect(dv.ignoreBlanks).toBe(false);
      expect(mixed.type).toBe("Inconsistent");
      expect(none.type).toBe("None");
    });
    expect(sim.validations("JAP").map((v) => [v.addresses, v.type])).toEqual([
      [["F2:F10"], "List"],
      [["G2:G10"], "Date"],
      [["J2:J10"], "Decimal"],
      [["K2:K10"], "WholeNumber"],
      [["L2:L10"], "Custom"],
    ]);
    expect(sim.cell("JAP", "F5").validation?.prompt).toMatchObject({ title: "Owner" });
  });

  test("a different rule over an existing one needs clear() first; clear() then set works; the same rule again is fine", async () => {
    const { sim, run } = setup();
    const list = { list: { inCellDropDown: true, source: "Yes,No" } };
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = list; await ctx.sync(); });
    expect(await codeOf(run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThan" } };
      await ctx.sync();
    }))).toBe("InvalidArgument");
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = list; await ctx.sync(); });
    await run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation;
      dv.clear();
      dv.rule = { decimal: { formula1: 0, operator: "GreaterThan" } };
      await ctx.sync();
    });
    expect(sim.validations("Sheet1").map((v) => v.type)).toEqual(["Decimal"]);
  });

  test("a rule over cells with different validations is InvalidArgument (office-js#2594)", async () => {
    const { run } = setup();
    const code = await codeOf(run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B5:B10").dataValidation.prompt = { showPrompt: true, title: "t", message: "m" };
      ws.getRange("B1:B10").dataValidation.prompt = { showPrompt: true, title: "t", message: "m" };
      ws.getRange("B1:B10").dataValidation.rule = { list: { inCellDropDown: true, source: "Item 1, Item 2" } };
      await ctx.sync();
    }));
    expect(code).toBe("InvalidArgument");
  });

  test("clear removes only the overlapping cells", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A10").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      ws.getRange("A4:A5").dataValidation.clear();
      await ctx.sync();
    });
    expect(sim.validations("Sheet1")[0].addresses.sort()).toEqual(["A1:A3", "A6:A10"]);
    expect(sim.cell("Sheet1", "A4").validation).toBeNull();
  });

  test.each<[string, unknown]>([
    ["two rule types at once", { list: { source: "a" }, decimal: { formula1: 0, operator: "GreaterThan" } }],
    ["no rule type", {}],
    ["a list source over 255 characters", { list: { inCellDropDown: true, source: "x,".repeat(128) } }],
    ["an empty list source", { list: { inCellDropDown: true, source: "" } }],
    ["an unknown operator", { decimal: { formula1: 0, operator: "Bigger" } }],
    ["Between without formula2", { decimal: { formula1: 0, operator: "Between" } }],
    ["a custom rule without formula", { custom: {} }],
  ])("%s is InvalidArgument", async (_name, rule) => {
    const { run } = setup();
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = rule as never; await ctx.sync(); }))).toBe("InvalidArgument");
  });

  test("a list source of exactly 255 characters is accepted; a two-dimensional source range is not", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "x".repeat(255) } };
      await ctx.sync();
    });
    expect(await codeOf(run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: ws.getRange("D1:E5") as never } };
      await ctx.sync();
    }))).toBe("InvalidArgument");
  });

  test("prompt and alert texts are limited as in Excel's dialog", async () => {
    const { run } = setup();
    const set = (f: (dv: Excel.DataValidation) => void) => codeOf(run(async (ctx) => { f(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation); await ctx.sync(); }));
    expect(await set((dv) => (dv.prompt = { showPrompt: true, title: "x".repeat(33), message: "" }))).toBe("InvalidArgument");
    expect(await set((dv) => (dv.prompt = { showPrompt: true, title: "", message: "x".repeat(256) }))).toBe("InvalidArgument");
    expect(await set((dv) => (dv.errorAlert = { showAlert: true, style: "Loud" as never, title: "", message: "" }))).toBe("InvalidArgument");
  });

  test("needs ExcelApi 1.8", async () => {
    const { run } = setup({ requirementSets: { ExcelApi: "1.7" } });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.clear(); await ctx.sync(); }))).toBe("ApiNotFound");
  });
});
