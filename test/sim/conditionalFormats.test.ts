import { codeOf, setup } from "./testUtil";

describe("conditional formats", () => {
  test("custom and cellValue formats are recorded with rule, format, priority and range", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("F2:F100");
      const noOwner = r.conditionalFormats.add(sim.Excel.ConditionalFormatType.custom);
      noOwner.custom.rule.formula = '=AND($D2<>"",$F2="")';
      noOwner.custom.format.fill.color = "#FFC7CE";
      noOwner.custom.format.font.color = "#9C0006";
      noOwner.custom.format.font.bold = true;
      noOwner.stopIfTrue = true;
      const low = r.conditionalFormats.add("CellValue");
      low.cellValue.rule = { formula1: "=0.85", operator: "LessThan" };
      low.cellValue.format.fill.color = "red";
      const count = r.conditionalFormats.getCount();
      r.conditionalFormats.load("items/type, items/priority");
      const rule = noOwner.custom.rule.load("formula");
      const where = noOwner.getRange().load("address");
      await ctx.sync();
      expect(count.value).toBe(2);
      expect(r.conditionalFormats.items.map((c) => [c.type, c.priority])).toEqual([["CellValue", 0], ["Custom", 1]]);
      expect(rule.formula).toBe('=AND($D2<>"",$F2="")');
      expect(where.address).toBe("Sheet1!F2:F100");
    });
    expect(sim.conditionalFormats("Sheet1")).toEqual([
      expect.objectContaining({ type: "CellValue", addresses: ["F2:F100"], rule: { formula1: "=0.85", operator: "LessThan" }, format: { fill: "#FF0000" } }),
      expect.objectContaining({ type: "Custom", stopIfTrue: true, format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true } }),
    ]);
  });

  // "Adds a new conditional format to the collection at the first/top priority" (Excel JavaScript
  // API reference, ConditionalFormatCollection.add); a negative priority counts from the back and
  // one past the bounds is clamped (ConditionalFormat.priority).
  test("each new format goes to the top; priority may be set from the back and is clamped", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5");
      for (const f of ["=A1=1", "=A1=2", "=A1=3"]) r.conditionalFormats.add("Custom").custom.rule.formula = f;
      await ctx.sync();
    });
    const order = () => sim.conditionalFormats("Sheet1").map((c) => c.rule.formula);
    expect(order()).toEqual(["=A1=3", "=A1=2", "=A1=1"]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.getItemAt(0).priority = -1;
      await ctx.sync();
    });
    expect(order()).toEqual(["=A1=2", "=A1=1", "=A1=3"]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.getItemAt(2).priority = 99;
      await ctx.sync();
    });
    expect(order()).toEqual(["=A1=2", "=A1=1", "=A1=3"]);
  });

  test("clearAll removes the formats from the range, delete removes one", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A10").conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
      ws.getRange("B1:B10").conditionalFormats.add("Custom").custom.rule.formula = "=B1>1";
      ws.getRange("A1:A10").conditionalFormats.clearAll();
      await ctx.sync();
      const left = ws.getRange("B1:B10").conditionalFormats.getItemAt(0);
      left.delete();
      await ctx.sync();
    });
    expect(sim.conditionalFormats("Sheet1")).toEqual([]);
  });

  test("the wrong kind of rule, bad operators and colours fail; unsimulated types say so", async () => {
    const { run } = setup();
    const attempt = (f: (c: Excel.ConditionalFormatCollection) => void) =>
      codeOf(run(async (ctx) => { f(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats); await ctx.sync(); }));
    expect(await attempt((c) => (c.add("CellValue").custom.rule.formula = "=1"))).toBe("InvalidOperation");
    expect(await attempt((c) => (c.add("CellValue").cellValue.rule = { formula1: "1", operator: "LessThanOrEqualTo" as never }))).toBe("InvalidArgument");
    expect(await attempt((c) => (c.add("Custom").custom.format.fill.color = "nope"))).toBe("InvalidArgument");
    expect(await attempt((c) => c.add("Sparkly" as never))).toBe("InvalidArgument");
    expect(await attempt((c) => c.add("DataBar"))).toBe("NotImplemented");
  });

  test("containsText is recorded", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.add("ContainsText");
      cf.textComparison.rule = { operator: "Contains", text: "Overdue" };
      cf.textComparison.format.font.color = "#9C0006";
      await ctx.sync();
    });
    expect(sim.conditionalFormats("Sheet1")[0]).toMatchObject({ type: "ContainsText", rule: { operator: "Contains", text: "Overdue" } });
  });
});
