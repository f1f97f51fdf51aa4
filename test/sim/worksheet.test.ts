import { codeOf, setup } from "./testUtil";

describe("worksheets", () => {
  test("add with default names, getItem by name or id, items, getCount, positions", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const a = sheets.add();
      const b = sheets.add("Roster");
      a.load("name, id, position");
      await ctx.sync();
      expect(a.name).toBe("Sheet2");
      const byId = sheets.getItem(a.id).load("name");
      sheets.load("items/name, items/visibility");
      const count = sheets.getCount();
      b.position = 0;
      await ctx.sync();
      expect(byId.name).toBe("Sheet2");
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Roster"]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(count.value).toBe(3);
    });
    expect(sim.sheets().map((s) => s.name)).toEqual(["Roster", "Sheet1", "Sheet2"]);
  });

  test.each([
    ["", "InvalidArgument"],
    ["   ", "InvalidArgument"],
    ["x".repeat(32), "InvalidArgument"],
    ["a/b", "InvalidArgument"],
    ["a[1]", "InvalidArgument"],
    ["what?", "InvalidArgument"],
    ["'quoted", "InvalidArgument"],
    ["quoted'", "InvalidArgument"],
    ["History", "InvalidArgument"],
    ["PLAN", "ItemAlreadyExists"],
    ["plan", "ItemAlreadyExists"],
  ])("a sheet cannot be named %p (%s), on add or rename", async (name, code) => {
    const { run } = setup({ sheets: ["Plan", "Other"] });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.add(name); await ctx.sync(); }))).toBe(code);
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Other").name = name; await ctx.sync(); }))).toBe(code);
  });

  test("a name of 31 characters with an inner apostrophe is fine; renaming to a new case of itself is fine", async () => {
    const { sim, run } = setup({ sheets: ["Plan"] });
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("Distributor's plan 2025 - Q1 Q2");
      ctx.workbook.worksheets.getItem("Plan").name = "PLAN";
      await ctx.sync();
    });
    expect(sim.sheets().map((s) => s.name)).toEqual(["PLAN", "Distributor's plan 2025 - Q1 Q2"]);
  });

  test("renaming keeps ranges' addresses in step", async () => {
    const { run } = setup();
    const address = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.name = "JAP 2025-03";
      const r = ws.getRange("A1").load("address");
      await ctx.sync();
      return r.address;
    });
    expect(address).toBe("'JAP 2025-03'!A1");
  });

  test("delete, but never the last visible sheet", async () => {
    const { sim, run } = setup({ sheets: ["A", "B"] });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").delete();
      await ctx.sync();
    });
    expect(sim.sheets().map((s) => s.name)).toEqual(["B"]);
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("B").delete(); await ctx.sync(); }))).toBe("InvalidOperation");
  });

  test("visibility: Hidden and VeryHidden, never hiding the last visible sheet; the active sheet moves", async () => {
    const { sim, run } = setup({ sheets: ["A", "B", "C"] });
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets;
      s.getItem("A").visibility = "Hidden";
      s.getItem("B").visibility = Excel_SheetVisibility.veryHidden;
      const active = s.getActiveWorksheet().load("name");
      await ctx.sync();
      expect(active.name).toBe("C");
    });
    expect(sim.sheets().map((s) => s.visibility)).toEqual(["Hidden", "VeryHidden", "Visible"]);
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("C").visibility = "Hidden"; await ctx.sync(); }))).toBe("InvalidOperation");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("C").visibility = "Gone" as never; await ctx.sync(); }))).toBe("InvalidArgument");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("A").activate(); await ctx.sync(); }))).toBe("InvalidOperation");
  });

  test("activate, tabColor, getFirst/getLast", async () => {
    const { sim, run } = setup({ sheets: ["A", "B"] });
    await run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem("B");
      b.activate();
      b.tabColor = "#ff0000";
      const first = ctx.workbook.worksheets.getFirst().load("name");
      const last = ctx.workbook.worksheets.getLast().load("name");
      b.load("tabColor");
      await ctx.sync();
      expect([first.name, last.name, b.tabColor]).toEqual(["A", "B", "#FF0000"]);
    });
    expect(sim.sheets().find((s) => s.active)?.name).toBe("B");
  });

  test("freeze panes", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const none = ws.freezePanes.getLocationOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      ws.freezePanes.freezeRows(3);
      const loc = ws.freezePanes.getLocationOrNullObject().load("address");
      await ctx.sync();
      expect(loc.address).toBe("Sheet1!1:3");
      ws.freezePanes.freezeAt(ws.getRange("A1:B2"));
      await ctx.sync();
    });
    expect(sim.sheets()[0].freeze).toEqual({ rows: 2, cols: 2 });
  });
});

const Excel_SheetVisibility = { veryHidden: "VeryHidden" as const };

describe("protection", () => {
  async function protectedSheet(options?: Excel.WorksheetProtectionOptions) {
    const t = setup({ sheets: ["Locked", "Free"] });
    t.sim.setCells("Locked", "A1", [["seed"]]);
    await t.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Locked");
      ws.tables.add("D1:E2", true);
      ws.protection.protect(options);
      await ctx.sync();
    });
    return t;
  }

  test("protected is readable after load; protecting twice fails; unprotect", async () => {
    const { run } = await protectedSheet();
    await run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Locked").protection.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Locked").protection.protect(); await ctx.sync(); }))).toBe("InvalidOperation");
    await run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem("Locked").protection;
      p.unprotect();
      ctx.workbook.worksheets.getItem("Locked").getRange("A1").values = [["ok"]];
      p.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(false);
    });
  });

  test("a password must match to unprotect", async () => {
    const { run } = setup();
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").protection.protect({}, "secret"); await ctx.sync(); });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("wrong"); await ctx.sync(); }))).toBe("InvalidArgument");
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("secret"); await ctx.sync(); });
  });

  const writes: Array<[string, (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void]> = [
    ["values", (ws) => (ws.getRange("A1").values = [["x"]])],
    ["formulas", (ws) => (ws.getRange("A1").formulas = [["=1"]])],
    ["numberFormat", (ws) => (ws.getRange("A1").numberFormat = [["0%"]])],
    ["fill", (ws) => (ws.getRange("A1").format.fill.color = "#FF0000")],
    ["font", (ws) => (ws.getRange("A1").format.font.bold = true)],
    ["column width", (ws) => (ws.getRange("A1").format.columnWidth = 100)],
    ["clear", (ws) => ws.getRange("A1").clear()],
    ["validation", (ws) => (ws.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } })],
    ["validation clear", (ws) => ws.getRange("A1").dataValidation.clear()],
    ["conditional format", (ws) => ws.getRange("A1").conditionalFormats.add("Custom")],
    ["note", (ws) => ws.notes.add("A1", "hello")],
    ["comment", (_ws, ctx) => ctx.workbook.comments.add("Locked!A1", "hello")],
    ["table", (ws) => ws.tables.add("G1:H2", true)],
    ["table rows", (ws) => ws.tables.getItem("Table1").rows.add(null as never, [["a", "b"]])],
    ["chart", (ws) => ws.charts.add("ColumnClustered", ws.getRange("A1:B2"))],
    ["delete sheet", (ws) => ws.delete()],
  ];

  test.each(writes)("writing %s on a protected sheet is AccessDenied, and nothing changes", async (_name, write) => {
    const { sim, run } = await protectedSheet();
    const before = sim.snapshot("Locked");
    const code = await codeOf(run(async (ctx) => { write(ctx.workbook.worksheets.getItem("Locked"), ctx); await ctx.sync(); }));
    expect(code).toBe("AccessDenied");
    expect(sim.snapshot("Locked")).toEqual(before);
  });

  test("other sheets stay writable; allowFormatCells lets formats through", async () => {
    const { sim, run } = await protectedSheet({ allowFormatCells: true });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Free").getRange("A1").values = [["fine"]];
      ctx.workbook.worksheets.getItem("Locked").getRange("A1").format.fill.color = "#FFFF00";
      await ctx.sync();
    });
    expect(sim.cell("Free", "A1").value).toBe("fine");
    expect(sim.cell("Locked", "A1").fill).toBe("#FFFF00");
  });

  test("a user cannot type into a protected sheet either", async () => {
    const { sim } = await protectedSheet();
    await expect(sim.userEdit("Locked", "A1", [["x"]])).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
