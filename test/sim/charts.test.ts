import { codeOf, setup } from "./testUtil";

describe("charts (recorded, not rendered)", () => {
  test("add, name, title, position, items, delete", async () => {
    const { sim, run } = setup({ sheets: ["RAG Summary"] });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("RAG Summary");
      const chart = ws.charts.add(sim.Excel.ChartType.columnStacked, ws.getRange("A1:D5"), sim.Excel.ChartSeriesBy.columns);
      chart.name = "RagByOwner";
      chart.title.text = "RAG by owner";
      chart.setPosition("F2", "M20");
      chart.load("name, chartType, top, left, width, height");
      ws.charts.load("items/name");
      await ctx.sync();
      expect([chart.name, chart.chartType]).toEqual(["RagByOwner", "ColumnStacked"]);
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([15, 240, 8 * 48, 19 * 15]);
      expect(ws.charts.items.map((c) => c.name)).toEqual(["RagByOwner"]);
    });
    expect(sim.charts("RAG Summary")[0]).toMatchObject({ name: "RagByOwner", chartType: "ColumnStacked", source: "'RAG Summary'!A1:D5", seriesBy: "Columns", title: "RAG by owner" });
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("RAG Summary").charts.getItem("RagByOwner").delete(); await ctx.sync(); });
    expect(sim.charts("RAG Summary")).toEqual([]);
  });

  test("series fills and the category axis type are recorded; a series past the source's is InvalidArgument", async () => {
    const { sim, run } = setup({ sheets: ["RAG Summary"] });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("RAG Summary");
      const chart = ws.charts.add("ColumnStacked", ws.getRange("A1:E13"), "Columns");
      chart.name = "Trend";
      chart.series.getItemAt(0).format.fill.setSolidColor("#c00000");
      chart.series.getItemAt(3).format.fill.setSolidColor("#A6A6A6");
      chart.axes.categoryAxis.categoryType = sim.Excel.ChartAxisCategoryType.textAxis;
      chart.series.load("count");
      await ctx.sync();
      expect(chart.series.count).toBe(4);
    });
    expect(sim.charts("RAG Summary")[0]).toMatchObject({ seriesFill: ["#C00000", undefined, undefined, "#A6A6A6"], categoryType: "TextAxis" });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("RAG Summary").charts.getItem("Trend").series.getItemAt(4).format.fill.setSolidColor("#C00000"); await ctx.sync(); }))).toBe("InvalidArgument");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("RAG Summary").charts.getItem("Trend").axes.categoryAxis.categoryType = "Diagonal" as never; await ctx.sync(); }))).toBe("InvalidArgument");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("RAG Summary").charts.getItem("Trend").series.getItemAt(1).format.fill.setSolidColor("not a colour"); await ctx.sync(); }))).toBe("InvalidArgument");
  });

  test("an unknown chart type or seriesBy is InvalidArgument; a missing chart is ItemNotFound", async () => {
    const { run } = setup();
    expect(await codeOf(run(async (ctx) => { const ws = ctx.workbook.worksheets.getItem("Sheet1"); ws.charts.add("Pie3000" as never, ws.getRange("A1:B2")); await ctx.sync(); }))).toBe("InvalidArgument");
    expect(await codeOf(run(async (ctx) => { const ws = ctx.workbook.worksheets.getItem("Sheet1"); ws.charts.add("Pie", ws.getRange("A1:B2"), "Diagonal" as never); await ctx.sync(); }))).toBe("InvalidArgument");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").charts.getItem("Nope").load("name"); await ctx.sync(); }))).toBe("ItemNotFound");
  });
});
