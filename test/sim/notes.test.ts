import { codeOf, setup } from "./testUtil";

describe("notes (ExcelApi 1.18)", () => {
  test("add on a cell (Range or address), read back, count, items, location, edit, delete", async () => {
    const { sim, run } = setup({ sheets: ["JAP", "Other"] });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("JAP");
      ws.notes.add("F3", "Owner is not on the roster.");
      ctx.workbook.notes.add(ws.getRange("G3"), "Due is before Start.");
      const note = ws.notes.getItem("F3").load("content, authorName");
      const count = ctx.workbook.notes.getCount();
      const onOther = ctx.workbook.worksheets.getItem("Other").notes.getCount();
      const where = ctx.workbook.notes.getItemAt(1).getLocation().load("address");
      const missing = ws.notes.getItemOrNullObject("Z9");
      ws.notes.load("items/content");
      await ctx.sync();
      expect(note.content).toBe("Owner is not on the roster.");
      expect(note.authorName).toBeTruthy();
      expect([count.value, onOther.value]).toEqual([2, 0]);
      expect(where.address).toBe("JAP!G3");
      expect(missing.isNullObject).toBe(true);
      expect(ws.notes.items.map((n) => n.content)).toEqual(["Owner is not on the roster.", "Due is before Start."]);
      note.content = "Fixed?";
      ctx.workbook.notes.getItem("JAP!G3").delete();
      await ctx.sync();
    });
    expect(sim.notes()).toEqual([{ sheet: "JAP", address: "F3", content: "Fixed?" }]);
    expect(sim.cell("JAP", "F3").note).toBe("Fixed?");
    expect(sim.cell("JAP", "F3").comment).toBeNull();
  });

  test("one note per cell; single cells only; missing notes", async () => {
    const { run } = setup();
    await run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1", "first"); await ctx.sync(); });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1", "second"); await ctx.sync(); }))).toBe("InvalidArgument");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1:B2", "area"); await ctx.sync(); }))).toBe("InvalidCellAddress");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").notes.add("not a cell", "x"); await ctx.sync(); }))).toBe("InvalidCellAddress");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").notes.getItem("B2").load("content"); await ctx.sync(); }))).toBe("ItemNotFound");
  });

  test("without ExcelApi 1.18, notes are ApiNotFound", async () => {
    const { sim, run } = setup({ requirementSets: { ExcelApi: "1.17" } });
    expect(sim.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(await codeOf(run(async (ctx) => { ctx.workbook.notes.add("Sheet1!A1", "x"); await ctx.sync(); }))).toBe("ApiNotFound");
    expect(await codeOf(run(async (ctx) => { ctx.workbook.worksheets.getItem("Sheet1").notes.load("items"); await ctx.sync(); }))).toBe("ApiNotFound");
  });

  test("Note.visible, height and width are not simulated (Excel on the web lacks them too)", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const n = ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1", "x");
      expect(() => n.visible).toThrow(/not implemented/);
      await ctx.sync();
    });
  });
});

describe("threaded comments (ExcelApi 1.10)", () => {
  test("add, read, items, location, delete; kept apart from notes", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1", "a note");
      const c = ctx.workbook.comments.add("Sheet1!A1", "a comment");
      c.load("content, authorName, id");
      const byCell = ctx.workbook.comments.getItemByCell("Sheet1!A1").load("content");
      const where = c.getLocation().load("address");
      ctx.workbook.comments.load("items/content");
      await ctx.sync();
      expect([c.content, byCell.content, where.address]).toEqual(["a comment", "a comment", "Sheet1!A1"]);
      expect(ctx.workbook.comments.items).toHaveLength(1);
    });
    expect(sim.cell("Sheet1", "A1")).toMatchObject({ note: "a note", comment: "a comment" });
    await run(async (ctx) => { ctx.workbook.comments.getItemAt(0).delete(); await ctx.sync(); });
    expect(sim.comments()).toEqual([]);
    expect(sim.notes()).toHaveLength(1);
  });

  test("without ExcelApi 1.10, comments are ApiNotFound", async () => {
    const { run } = setup({ requirementSets: { ExcelApi: "1.9" } });
    expect(await codeOf(run(async (ctx) => { ctx.workbook.comments.add("Sheet1!A1", "x"); await ctx.sync(); }))).toBe("ApiNotFound");
  });
});
