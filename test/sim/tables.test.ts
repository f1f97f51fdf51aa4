import { codeOf, setup } from "./testUtil";
import { shiftFormulaRows } from "./tableGrowth";

describe("tables", () => {
  test("add with headers: names from the header row; blanks become ColumnN; duplicates get a number", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "B2", [["Owner", "", "owner", "Due"], ["Ann", 1, 2, 45658]]);
    await run(async (ctx) => {
      const t = ctx.workbook.tables.add("Sheet1!B2:E3", true);
      t.load("name, id, style, showBandedRows, showFilterButton");
      t.columns.load("items/name");
      const rows = t.rows.load("count");
      await ctx.sync();
      expect(t.name).toBe("Table1");
      expect([t.style, t.showBandedRows, t.showFilterButton]).toEqual(["TableStyleMedium2", true, true]);
      expect(t.columns.items.map((c) => c.name)).toEqual(["Owner", "Column2", "owner2", "Due"]);
      expect(rows.count).toBe(1);
    });
    expect(sim.cell("Sheet1", "C2").value).toBe("Column2");
    expect(sim.tables()).toEqual([
      expect.objectContaining({ name: "Table1", sheet: "Sheet1", address: "Sheet1!B2:E3", columns: ["Owner", "Column2", "owner2", "Due"], rowCount: 1 }),
    ]);
  });

  test("a header row alone gets one empty data row; hasHeaders false inserts a header row", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["ID", "Action"]]);
    sim.setCells("Sheet1", "E1", [[1, 2], [3, 4]]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B1", true);
      ctx.workbook.worksheets.getItem("Sheet1").tables.add(ctx.workbook.worksheets.getItem("Sheet1").getRange("E1:F2"), false);
      await ctx.sync();
    });
    expect(sim.tables().map((t) => t.address)).toEqual(["Sheet1!A1:B2", "Sheet1!E1:F3"]);
    expect(sim.cell("Sheet1", "E1").value).toBe("Column1");
    expect(sim.cell("Sheet1", "E2").value).toBe(1);
  });

  test("tables cannot overlap", async () => {
    const { run } = setup();
    await run(async (ctx) => { ctx.workbook.tables.add("Sheet1!A1:C5", true); await ctx.sync(); });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.add("Sheet1!C5:D9", true); await ctx.sync(); }))).toBe("InvalidOperation");
  });

  test.each([
    ["My Table", "InvalidArgument"],
    ["1Table", "InvalidArgument"],
    ["A1", "InvalidArgument"],
    ["R1C1", "InvalidArgument"],
    ["Other", "ItemAlreadyExists"],
    ["OTHER", "ItemAlreadyExists"],
    ["GreenThreshold", "ItemAlreadyExists"],
  ])("renaming a table to %p is %s", async (name, code) => {
    const { run } = setup();
    await run(async (ctx) => {
      ctx.workbook.tables.add("Sheet1!A1:B2", true);
      ctx.workbook.tables.add("Sheet1!D1:E2", true).name = "Other";
      ctx.workbook.names.add("GreenThreshold", "=0.95");
      await ctx.sync();
    });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.getItem("Table1").name = name; await ctx.sync(); }))).toBe(code);
  });

  test("getItem, getItemOrNullObject, worksheet.tables, ranges of a table", async () => {
    const { sim, run } = setup({ sheets: ["JAP", "Other"] });
    sim.setCells("JAP", "B3", [["ID", "Owner"], [1, "Ann"], [2, "Bob"]]);
    await run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("JAP").tables.add("B3:C5", true);
      t.name = "Actions";
      await ctx.sync();
      const got = ctx.workbook.tables.getItem("actions");
      const none = ctx.workbook.tables.getItemOrNullObject("Nope");
      const onOther = ctx.workbook.worksheets.getItem("Other").tables.load("items");
      const header = got.getHeaderRowRange().load("address, values");
      const body = got.getDataBodyRange().load("address, values");
      const all = got.getRange().load("address");
      const owner = got.columns.getItem("Owner").getDataBodyRange().load("values");
      const ws = got.worksheet.load("name");
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(onOther.items).toHaveLength(0);
      expect([header.address, body.address, all.address]).toEqual(["JAP!B3:C3", "JAP!B4:C5", "JAP!B3:C5"]);
      expect(header.values).toEqual([["ID", "Owner"]]);
      expect(owner.values).toEqual([["Ann"], ["Bob"]]);
      expect(ws.name).toBe("JAP");
    });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.getItem("Nope").load("name"); await ctx.sync(); }))).toBe("ItemNotFound");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.getItem("Actions").columns.getItem("Nope").load("name"); await ctx.sync(); }))).toBe("ItemNotFound");
  });

  test("rows.add appends or inserts, grows the table, moves cells below, and new rows take the formats, validation and conditional formats above", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["ID", "Due"], [1, 45658]]);
    sim.setCells("Sheet1", "A5", [["below"]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const t = ws.tables.add("A1:B2", true);
      const due = ws.getRange("B2");
      due.numberFormat = [["yyyy-mm-dd"]];
      due.dataValidation.rule = { date: { formula1: "2025-01-01", operator: "GreaterThan" } };
      due.conditionalFormats.add("Custom").custom.rule.formula = "=B2<TODAY()";
      t.rows.add(null as never, [[2, 45659], [3, 45660]]);
      t.rows.add(0, [[0, 45657]]);
      const count = t.rows.getCount();
      await ctx.sync();
      expect(count.value).toBe(4);
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:B5");
    expect(sim.cell("Sheet1", "A2").value).toBe(0);
    expect(sim.cell("Sheet1", "A5").value).toBe(3);
    expect(sim.cell("Sheet1", "A8").value).toBe("below");
    expect(sim.cell("Sheet1", "B4")).toMatchObject({ numberFormat: "yyyy-mm-dd", text: "2025-01-02" });
    expect(sim.validations("Sheet1")[0].addresses).toEqual(["B3:B5"]);
    expect(sim.conditionalFormats("Sheet1")[0].addresses).toEqual(["B3:B5"]);
  });

  test("rows.add checks the shape and the index", async () => {
    const { run } = setup();
    await run(async (ctx) => { ctx.workbook.tables.add("Sheet1!A1:B2", true); await ctx.sync(); });
    const add = (index: number | null, values: unknown) =>
      codeOf(run(async (ctx) => { ctx.workbook.tables.getItem("Table1").rows.add(index as never, values as never); await ctx.sync(); }));
    expect(await add(null, [[1, 2, 3]])).toBe("InvalidArgument");
    expect(await add(null, [1, 2])).toBe("InvalidArgument");
    expect(await add(null, [])).toBe("InvalidArgument");
    expect(await add(5, [[1, 2]])).toBe("InvalidArgument");
  });

  test("rows: items, values, delete", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["N"], [1], [2], [3]]);
    await run(async (ctx) => {
      const t = ctx.workbook.tables.add("Sheet1!A1:A4", true);
      t.rows.load("items/values, items/index");
      await ctx.sync();
      expect(t.rows.items.map((r) => r.values[0][0])).toEqual([1, 2, 3]);
      t.rows.getItemAt(1).delete();
      await ctx.sync();
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:A3");
    expect(sim.cell("Sheet1", "A3").value).toBe(3);
  });

  test("columns.add, rename a column through its header cell or name", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["ID", "Owner"], [1, "Ann"]]);
    await run(async (ctx) => {
      const t = ctx.workbook.tables.add("Sheet1!A1:B2", true);
      t.columns.add(null as never, [["Status"], ["Done"]]);
      t.columns.add(null as never, undefined, "RAG");
      t.columns.getItem("Owner").name = "Principal owner";
      await ctx.sync();
    });
    expect(sim.tables()[0].columns).toEqual(["ID", "Principal owner", "Status", "RAG"]);
    await sim.userEdit("Sheet1", "A1", [[""]]);
    expect(sim.tables()[0].columns[0]).toBe("Column1");
    await sim.userEdit("Sheet1", "C1", [["RAG"]]);
    expect(sim.tables()[0].columns.slice(2)).toEqual(["RAG", "RAG2"]);
  });

  test("resize keeps the header row; delete clears; convertToRange keeps the data", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [["A", "B"], [1, 2]]);
    await run(async (ctx) => {
      const t = ctx.workbook.tables.add("Sheet1!A1:B2", true);
      t.resize("A1:C4");
      await ctx.sync();
    });
    expect(sim.tables()[0]).toMatchObject({ address: "Sheet1!A1:C4", columns: ["A", "B", "Column3"] });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.getItem("Table1").resize("A2:C4"); await ctx.sync(); }))).toBe("InvalidArgument");
    await run(async (ctx) => { ctx.workbook.tables.getItem("Table1").convertToRange(); await ctx.sync(); });
    expect(sim.tables()).toEqual([]);
    expect(sim.cell("Sheet1", "A2").value).toBe(1);
    await run(async (ctx) => { ctx.workbook.tables.add("Sheet1!A1:C4", true).delete(); await ctx.sync(); });
    expect(sim.cell("Sheet1", "A2").value).toBe("");
  });

  test("style must be a built-in table style", async () => {
    const { run } = setup();
    await run(async (ctx) => { ctx.workbook.tables.add("Sheet1!A1:B2", true).style = "TableStyleLight9"; await ctx.sync(); });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.getItem("Table1").style = "Pretty"; await ctx.sync(); }))).toBe("InvalidArgument");
  });
});

describe("how a table grows, and what its new rows inherit", () => {
  const headerAndRows = async (run: ReturnType<typeof setup>["run"]) =>
    run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C3").values = [["Name", "Qty", "Total"], ["a", 1, ""], ["b", 2, ""]];
      const t = ws.tables.add("A1:C3", true);
      t.name = "Items";
      await ctx.sync();
    });

  // "Setting the Range values directly below the table automatically expands the table"; "the
  // table only automatically expands if data is present in the cells directly below the table"
  // (Coauthoring in Excel add-ins). Before, the sim never grew a table from a write below it.
  test("values written just below a table grow it, with the last row's formats and validation; a blank row does not", async () => {
    const { sim, run } = setup();
    await headerAndRows(run);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2:B3").numberFormat = [["0.00"], ["0.00"]];
      ws.getRange("B2:B3").dataValidation.rule = { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } };
      ws.getRange("A4:B4").values = [["", ""]];
      await ctx.sync();
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:C3");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A4:B5").values = [["c", 3], ["d", 4]];
      await ctx.sync();
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:C5");
    expect(sim.cell("Sheet1", "B5").numberFormat).toBe("0.00");
    expect(sim.validations("Sheet1")[0].addresses).toEqual(["B2:B5"]);
  });

  test("a typed value just below grows the table too", async () => {
    const { sim, run } = setup();
    await headerAndRows(run);
    await sim.userEdit("Sheet1", "B4", [[7]]);
    expect(sim.tables()[0].address).toBe("Sheet1!A1:C4");
  });

  // "Use calculated columns in an Excel table" (support.microsoft.com): a formula set on a whole
  // column is a calculated column that new rows inherit; one written before tables.add is not.
  test("a formula set on a whole table column is a calculated column: rows added or written below get it", async () => {
    const { sim, run } = setup();
    await headerAndRows(run);
    await run(async (ctx) => {
      const t = ctx.workbook.tables.getItem("Items");
      t.columns.getItem("Total").getDataBodyRange().formulas = [["=B2*2"], ["=B3*2"]];
      await ctx.sync();
      t.rows.add();
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A5:B5").values = [["d", 4]];
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "C4").formula).toBe("=B4*2");
    expect(sim.cell("Sheet1", "C5").formula).toBe("=B5*2");
  });

  test("a formula written before the table exists makes no calculated column", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C3").values = [["Name", "Qty", "Total"], ["a", 1, "=B2*2"], ["b", 2, "=B3*2"]];
      ws.tables.add("A1:C3", true);
      await ctx.sync();
      ws.getRange("A4:B4").values = [["c", 3]];
      await ctx.sync();
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:C4");
    expect(sim.cell("Sheet1", "C4").formula).toBeNull();
  });

  test("shifts relative rows only, outside strings, sheet names and structured references", () => {
    expect(shiftFormulaRows(`=IF(H8<>"A1",$H$8+H$8+$H8+'Q1 2026'!B8+T[@Q1]+LOG10(2),"")`, 2)).toBe(`=IF(H10<>"A1",$H$8+H$8+$H10+'Q1 2026'!B10+T[@Q1]+LOG10(2),"")`);
  });
});

describe("co-authoring", () => {
  // "It is a known issue that calls to the TableRowCollection.add API can cause coauthoring
  // conflicts" (Coauthoring in Excel add-ins). Before, the sim had no co-authoring mode.
  test("TableRowCollection.add is refused (Conflict) and counted; a write below the table is how rows go in", async () => {
    const { sim, run } = setup({ coauthoring: true });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [["Name", "Qty"], ["a", 1]];
      ws.tables.add("A1:B2", true);
      await ctx.sync();
    });
    const code = await codeOf(
      run(async (ctx) => {
        ctx.workbook.tables.getItemAt(0).rows.add(undefined, [["b", 2]]);
        await ctx.sync();
      }),
    );
    expect(code).toBe("Conflict");
    expect(sim.stats.tableRowAdds).toBe(0);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A3:B3").values = [["b", 2]];
      await ctx.sync();
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:B3");
  });

  // Table.resize is ExcelApi 1.13 ("[Api set: ExcelApi 1.13]" in @types/office-js). Before, the sim
  // resized a table under any requirement set, so code for 1.8 could lean on it.
  test("Table.resize needs ExcelApi 1.13", async () => {
    const { run } = setup({ requirementSets: { ExcelApi: "1.12" } });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [["Name", "Qty"], ["a", 1]];
      ws.tables.add("A1:B2", true);
      await ctx.sync();
    });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.tables.getItemAt(0).resize("A1:B3"); await ctx.sync(); }))).toBe("ApiNotFound");
  });

  test("Range.insert moves what is below down, so rows written below the table overwrite nothing", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [["Name", "Qty"], ["a", 1]];
      ws.tables.add("A1:B2", true);
      // A blank row, then a footnote (written just below, it would have joined the table).
      ws.getRange("A4").values = [["a footnote"]];
      await ctx.sync();
      ws.getRange("A3:B4").insert("Down");
      ws.getRange("A3:B4").values = [["b", 2], ["c", 3]];
      await ctx.sync();
    });
    expect(sim.tables()[0].address).toBe("Sheet1!A1:B4");
    expect(sim.cell("Sheet1", "A6").value).toBe("a footnote");
  });
});
