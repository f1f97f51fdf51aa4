import { codeOf, setup } from "./testUtil";

describe("named items", () => {
  test("add from a Range or a formula; formula, value and type; items; delete", async () => {
    const { sim, run } = setup({ sheets: ["Settings"] });
    await run(async (ctx) => {
      const names = ctx.workbook.names;
      names.add("AsOfDate", ctx.workbook.worksheets.getItem("Settings").getRange("B2"), "blank means today");
      names.add("GreenThreshold", "=0.95");
      names.add("DueSoonDays", "=Settings!$B$5");
      const a = names.getItem("asofdate").load("name, formula, value, type, comment");
      const g = names.getItem("GreenThreshold").load("formula, value, type");
      const d = names.getItem("DueSoonDays").getRange().load("address");
      names.load("items/name");
      await ctx.sync();
      expect([a.name, a.formula, a.value, a.type, a.comment]).toEqual(["AsOfDate", "=Settings!$B$2", "Settings!$B$2", "Range", "blank means today"]);
      expect([g.formula, g.value, g.type]).toEqual(["=0.95", 0.95, "Double"]);
      expect(d.address).toBe("Settings!B5");
      expect(names.items.map((n) => n.name)).toEqual(["AsOfDate", "GreenThreshold", "DueSoonDays"]);
      names.getItem("GreenThreshold").delete();
      await ctx.sync();
    });
    expect(sim.names().map((n) => n.name)).toEqual(["AsOfDate", "DueSoonDays"]);
  });

  test("a name over a table column needs the table: refused before tables.add, taken after", async () => {
    const { sim, run } = setup({ sheets: ["Roster"] });
    let code = "";
    await run(async (ctx) => {
      ctx.workbook.names.add("JP_RosterNames", "=JP_Roster[Name]");
      code = await codeOf(ctx.sync());
    });
    expect(code).toBe("InvalidArgument");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Roster");
      ws.getRange("A1:B2").values = [["Name", "Party"], ["Ana", "Principal"]];
      ws.tables.add("A1:B2", true).name = "JP_Roster";
      ctx.workbook.names.add("JP_RosterNames", "=JP_Roster[Name]");
      await ctx.sync();
    });
    expect(sim.names().find((n) => n.name === "JP_RosterNames")?.formula).toBe("=JP_Roster[Name]");
  });

  test("a name follows its sheet's rename, and becomes #REF! when the sheet goes", async () => {
    const { sim, run } = setup({ sheets: ["Settings", "Other"] });
    await run(async (ctx) => {
      ctx.workbook.names.add("Amber", "=Settings!$B$3");
      ctx.workbook.worksheets.getItem("Settings").name = "Plan Settings";
      await ctx.sync();
    });
    expect(sim.names()[0].formula).toBe("='Plan Settings'!$B$3");
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("Plan Settings").delete(); await ctx.sync(); });
    expect(sim.names()[0].formula).toBe("=#REF!$B$3");
  });

  test("getItemOrNullObject, getItem of a missing name", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const n = ctx.workbook.names.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(n.isNullObject).toBe(true);
    });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.names.getItem("Nope").load("name"); await ctx.sync(); }))).toBe("ItemNotFound");
  });

  test.each([
    ["Green threshold", "InvalidArgument"],
    ["B2", "InvalidArgument"],
    ["R2C3", "InvalidArgument"],
    ["9lives", "InvalidArgument"],
    ["", "InvalidArgument"],
    ["GREENTHRESHOLD", "ItemAlreadyExists"],
    ["Table1", "ItemAlreadyExists"],
  ])("the name %p is %s", async (name, code) => {
    const { run } = setup();
    await run(async (ctx) => {
      ctx.workbook.names.add("GreenThreshold", "=0.95");
      ctx.workbook.tables.add("Sheet1!A1:B2", true);
      await ctx.sync();
    });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.names.add(name, "=1"); await ctx.sync(); }))).toBe(code);
  });

  test("a defined name can be used as an address", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.names.add("Target", "=Sheet1!$C$3");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("Target").values = [[42]];
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "C3").value).toBe(42);
  });
});
