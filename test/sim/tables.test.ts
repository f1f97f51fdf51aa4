import { codeOf, setup } from "./testUtil";

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
