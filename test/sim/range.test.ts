import { codeOf, setup } from "./testUtil";

async function rangeProps(run: ReturnType<typeof setup>["run"], make: (ws: Excel.Worksheet) => Excel.Range) {
  return run(async (ctx) => {
    const r = make(ctx.workbook.worksheets.getItem("Sheet1")).load("address, rowIndex, columnIndex, rowCount, columnCount, cellCount");
    await ctx.sync();
    return { address: r.address, row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount, cells: r.cellCount };
  });
}

describe("Range: getting ranges", () => {
  const { sim, run } = setup({ sheets: ["Sheet1", "My Plan"] });
  test.each<[string, (ws: Excel.Worksheet) => Excel.Range, string]>([
    ["getRange(addr)", (ws) => ws.getRange("b2:d9"), "Sheet1!B2:D9"],
    ["getRange($A$1)", (ws) => ws.getRange("$A$1"), "Sheet1!A1"],
    ["getRange(columns)", (ws) => ws.getRange("A:C"), "Sheet1!A:C"],
    ["getRange(rows)", (ws) => ws.getRange("2:5"), "Sheet1!2:5"],
    ["getRange() whole sheet", (ws) => ws.getRange(), "Sheet1!1:1048576"],
    ["getRangeByIndexes", (ws) => ws.getRangeByIndexes(1, 1, 3, 2), "Sheet1!B2:C4"],
    ["getCell", (ws) => ws.getCell(4, 2), "Sheet1!C5"],
    ["range.getCell is relative", (ws) => ws.getRange("B2:D9").getCell(1, 1), "Sheet1!C3"],
    ["getResizedRange", (ws) => ws.getRange("B2").getResizedRange(2, 1), "Sheet1!B2:C4"],
    ["getOffsetRange", (ws) => ws.getRange("B2:C3").getOffsetRange(1, 2), "Sheet1!D3:E4"],
    ["getRow", (ws) => ws.getRange("B2:D9").getRow(1), "Sheet1!B3:D3"],
    ["getColumn", (ws) => ws.getRange("B2:D9").getColumn(2), "Sheet1!D2:D9"],
    ["getEntireColumn", (ws) => ws.getRange("B2:C3").getEntireColumn(), "Sheet1!B:C"],
    ["getEntireRow", (ws) => ws.getRange("B2:C3").getEntireRow(), "Sheet1!2:3"],
    ["getLastRow", (ws) => ws.getRange("B2:D9").getLastRow(), "Sheet1!B9:D9"],
    ["getLastColumn", (ws) => ws.getRange("B2:D9").getLastColumn(), "Sheet1!D2:D9"],
    ["getIntersection", (ws) => ws.getRange("B2:D9").getIntersection("C1:E3"), "Sheet1!C2:D3"],
    ["getBoundingRect", (ws) => ws.getRange("B2").getBoundingRect("D9"), "Sheet1!B2:D9"],
    ["getRowsBelow", (ws) => ws.getRange("B2:C3").getRowsBelow(2), "Sheet1!B4:C5"],
  ])("%s", async (_name, make, address) => {
    expect((await rangeProps(run, make)).address).toBe(address);
  });

  test("index properties and counts", async () => {
    expect(await rangeProps(run, (ws) => ws.getRange("B2:D9"))).toEqual({ address: "Sheet1!B2:D9", row: 1, col: 1, rows: 8, cols: 3, cells: 24 });
  });

  test("sheet names with spaces come back quoted; sheet-qualified addresses work", async () => {
    const address = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("My Plan").getRange("'My Plan'!A1:B2").load("address");
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe("'My Plan'!A1:B2");
    expect(sim.sheets()).toHaveLength(2);
  });

  test.each<[string, (ws: Excel.Worksheet) => Excel.Range]>([
    ["a bad address", (ws) => ws.getRange("A0")],
    ["beyond XFD", (ws) => ws.getRange("XFE1")],
    ["beyond row 1,048,576", (ws) => ws.getRange("A1048577")],
    ["another sheet's address", (ws) => ws.getRange("'My Plan'!A1")],
    ["an offset off the grid", (ws) => ws.getRange("A1").getOffsetRange(-1, 0)],
    ["a resize to nothing", (ws) => ws.getRange("B2").getResizedRange(-2, 0)],
    ["getRangeByIndexes past the last row", (ws) => ws.getRangeByIndexes(1048575, 0, 2, 1)],
    ["getRow outside the range", (ws) => ws.getRange("A1:B2").getRow(2)],
    ["getIntersection of disjoint ranges", (ws) => ws.getRange("A1").getIntersection("C3")],
  ])("%s fails at sync", async (_name, make) => {
    const code = await codeOf(rangeProps(run, make));
    expect(["InvalidArgument", "ItemNotFound"]).toContain(code);
  });

  test("getIntersectionOrNullObject gives a null object", async () => {
    const isNull = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").getIntersectionOrNullObject("C3");
      await ctx.sync();
      return r.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});

describe("Range: used range", () => {
  test("an empty sheet: getUsedRange is A1, the OrNullObject version is null", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const used = ws.getUsedRange().load("address");
      const orNull = ws.getUsedRangeOrNullObject();
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1");
      expect(orNull.isNullObject).toBe(true);
    });
  });

  test("covers values and formats; valuesOnly ignores formats", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "B2", [[1, 2], [3, 4]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("E9").format.fill.color = "#FFFF00";
      const all = ws.getUsedRange().load("address");
      const values = ws.getUsedRange(true).load("address");
      const inRange = ws.getRange("C1:Z3").getUsedRange().load("address");
      await ctx.sync();
      expect(all.address).toBe("Sheet1!B2:E9");
      expect(values.address).toBe("Sheet1!B2:C3");
      expect(inRange.address).toBe("Sheet1!C2:E3");
    });
    expect(sim.usedRange("Sheet1", true)).toBe("B2:C3");
  });
});

describe("Range: values, formulas, number formats", () => {
  test("shapes must match: values, formulas and numberFormat need the range's 2-D shape", async () => {
    const { run } = setup();
    const write = (f: (r: Excel.Range) => void, address = "A1:B2") =>
      codeOf(run(async (ctx) => {
        f(ctx.workbook.worksheets.getItem("Sheet1").getRange(address));
        await ctx.sync();
      }));
    expect(await write((r) => (r.values = [[1, 2]]))).toBe("InvalidArgument");
    expect(await write((r) => (r.values = [[1, 2], [3]]))).toBe("InvalidArgument");
    expect(await write((r) => (r.values = 5 as never))).toBe("InvalidArgument");
    expect(await write((r) => (r.formulas = [["=1"]]))).toBe("InvalidArgument");
    expect(await write((r) => (r.numberFormat = "0%" as never))).toBe("InvalidArgument");
    expect(await write((r) => (r.numberFormat = [["0%"]]))).toBe("InvalidArgument");
    expect(await write((r) => (r.values = [[{ a: 1 }, 1], [2, 3]] as never))).toBe("InvalidArgument");
    expect(await write((r) => (r.values = [[NaN, 1], [2, 3]]))).toBe("InvalidArgument");
    expect(await write((r) => (r.values = [["x".repeat(32768), 1], [2, 3]]))).toBe("InvalidArgument");
  });

  test("a single cell also takes a bare scalar", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = 7 as never;
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "A1").value).toBe(7);
  });

  test("'=' makes a formula, unless the cell is Text; an apostrophe keeps text; null leaves a cell alone", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "D1", [["keep me"]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1:B2").numberFormat = [["@"], ["@"]];
      ws.getRange("A1:D1").values = [["=1+2", "=HYPERLINK(\"x\")", "'=quoted", null]];
      ws.getRange("B2").values = [["+44 1234"]];
      ws.getRange("A2").formulas = [["=SUM(A1:A1)"]];
      const r = ws.getRange("A1:D2").load("values, formulas, valueTypes, numberFormat");
      await ctx.sync();
      expect(r.formulas).toEqual([["=1+2", "=HYPERLINK(\"x\")", "=quoted", "keep me"], ["=SUM(A1:A1)", "+44 1234", "", ""]]);
      // The sim evaluates no formulas: a formula cell's value stays "" (see README).
      expect(r.values).toEqual([["", "=HYPERLINK(\"x\")", "=quoted", "keep me"], ["", "+44 1234", "", ""]]);
      expect(r.valueTypes[0]).toEqual(["Empty", "String", "String", "String"]);
    });
    expect(sim.cell("Sheet1", "A1").formula).toBe("=1+2");
    expect(sim.cell("Sheet1", "B1")).toMatchObject({ formula: null, value: "=HYPERLINK(\"x\")", numberFormat: "@" });
  });

  test("text that Excel reads as a number, percentage or date is converted, as in Excel", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D1").values = [["007", "85%", "2025-01-01", "- do this"]];
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "A1").value).toBe(7);
    expect(sim.cell("Sheet1", "B1")).toMatchObject({ value: 0.85, numberFormat: "0%", text: "85%" });
    expect(sim.cell("Sheet1", "C1")).toMatchObject({ value: 45658, text: "2025-01-01" });
    expect(sim.cell("Sheet1", "D1").formula).toBe("=- do this");
  });

  test("text follows the number format", async () => {
    const { run } = setup();
    const text = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.values = [[0.5, 45658, 3]];
      r.numberFormat = [["0.0%", "dd/mm/yyyy", "General"]];
      r.load("text");
      await ctx.sync();
      return r.text;
    });
    expect(text).toEqual([["50.0%", "01/01/2025", "3"]]);
  });

  test("clear: contents, formats or all", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [[1, 2, 3]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C1").format.fill.color = "red";
      ws.getRange("A1").clear(sim.Excel.ClearApplyTo.contents);
      ws.getRange("B1").clear("Formats");
      ws.getRange("C1").clear();
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "A1")).toMatchObject({ value: "", fill: "#FF0000" });
    expect(sim.cell("Sheet1", "B1")).toMatchObject({ value: 2, fill: null });
    expect(sim.cell("Sheet1", "C1")).toMatchObject({ value: "", fill: null });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").clear("Everything" as never); await ctx.sync(); }))).toBe("InvalidArgument");
  });
});

describe("Range: formats", () => {
  test("fill, font, alignment, wrap, widths and heights; mixed reads give null", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1:B2");
      r.format.fill.color = "#ffcc00";
      r.format.font.bold = true;
      r.format.font.color = "white";
      r.format.font.italic = true;
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.format.columnWidth = 120;
      r.format.rowHeight = 30;
      ws.getRange("A1").format.font.bold = false;
      const f = r.format.load("columnWidth, rowHeight, wrapText, horizontalAlignment");
      const fill = r.format.fill.load("color");
      const font = r.format.font.load("bold, color, italic");
      await ctx.sync();
      expect([f.columnWidth, f.rowHeight, f.wrapText, f.horizontalAlignment]).toEqual([120, 30, true, "Center"]);
      expect([fill.color, font.bold, font.color, font.italic]).toEqual(["#FFCC00", null, "#FFFFFF", true]);
      r.format.fill.clear();
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "B2")).toMatchObject({ fill: null, bold: true, fontColor: "#FFFFFF", wrapText: true });
    expect(sim.columnWidth("Sheet1", "B")).toBe(120);
  });

  test("bad format values are InvalidArgument", async () => {
    const { run } = setup();
    const bad = (f: (r: Excel.Range) => void) =>
      codeOf(run(async (ctx) => { f(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1")); await ctx.sync(); }));
    expect(await bad((r) => (r.format.fill.color = "not a colour"))).toBe("InvalidArgument");
    expect(await bad((r) => (r.format.horizontalAlignment = "Middle" as never))).toBe("InvalidArgument");
    expect(await bad((r) => (r.format.columnWidth = -1))).toBe("InvalidArgument");
    expect(await bad((r) => (r.format.font.bold = "yes" as never))).toBe("InvalidArgument");
    expect(await bad((r) => r.format.borders.getItem("Middle" as never).style = "Continuous")).toBe("InvalidArgument");
  });

  test("whole-column formats apply to every cell without storing a million", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C:C").format.fill.color = "#00FF00";
      const r = ws.getRange("C5:C100000").format.fill.load("color");
      await ctx.sync();
      expect(r.color).toBe("#00FF00");
    });
    expect(sim.cell("Sheet1", "C1048576").fill).toBe("#00FF00");
    expect(sim.usedRange("Sheet1")).toBeNull();
  });

  test("borders and autofit are recorded", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["a fairly long piece of text"]]);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const b = r.format.borders.getItem("EdgeBottom");
      b.style = "Continuous";
      b.color = "#000000";
      r.format.autofitColumns();
      await ctx.sync();
    });
    expect(sim.borders("Sheet1")).toEqual([{ address: "A1:B2", side: "EdgeBottom", style: "Continuous", color: "#000000", weight: "Thin" }]);
    expect(sim.columnWidth("Sheet1", "A")).toBeGreaterThan(48);
  });

  test("select records the selection; getSelectedRange returns it", async () => {
    const { sim, run } = setup({ sheets: ["A", "B"] });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").getRange("C3:D4").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      const ws = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      const rw = ctx.workbook.getSelectedRange().worksheet.load("name");
      await ctx.sync();
      expect([sel.address, ws.name, rw.name]).toEqual(["B!C3:D4", "B", "B"]);
    });
    expect(sim.selection()).toEqual({ sheet: "B", address: "C3:D4" });
  });
});

describe("read limits", () => {
  // "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance
  // optimization for Office Add-ins); Excel's code is RangeExceedsLimit. Before, the sim answered
  // with ResponsePayloadSizeLimitExceeded, the web's byte limit, which a 5,000,001-cell read of
  // blanks may not even reach.
  test("a read of more than 5,000,000 cells fails with RangeExceedsLimit", async () => {
    const { run } = setup();
    const code = await codeOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await ctx.sync();
      }),
    );
    expect(code).toBe("RangeExceedsLimit");
  });
});
