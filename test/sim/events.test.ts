import { setup } from "./testUtil";

type Args = Excel.WorksheetChangedEventArgs;

async function listen(run: ReturnType<typeof setup>["run"], scope: "sheet" | "all" = "sheet") {
  const seen: Args[] = [];
  const result = await run(async (ctx) => {
    const source = scope === "sheet" ? ctx.workbook.worksheets.getItem("Sheet1").onChanged : ctx.workbook.worksheets.onChanged;
    const r = source.add(async (e: Args) => {
      seen.push(e);
    });
    await ctx.sync();
    return r;
  });
  return { seen, result };
}

describe("onChanged events", () => {
  test("a user's single-cell edit: details with before and after, trigger Unknown", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "B2", [["old"]]);
    const { seen } = await listen(run);
    await sim.userEdit("Sheet1", "B2", [[42]]);
    expect(seen).toHaveLength(1);
    const e = seen[0];
    expect(e).toMatchObject({
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      address: "B2",
      worksheetId: sim.sheets()[0].id,
      triggerSource: "Unknown",
      details: { valueBefore: "old", valueAfter: 42, valueTypeBefore: "String", valueTypeAfter: "Double" },
    });
  });

  test("a multi-cell paste has no details", async () => {
    const { sim, run } = setup();
    const { seen } = await listen(run);
    await sim.userEdit("Sheet1", "A1:B2", [[1, 2], [3, 4]]);
    expect(seen).toHaveLength(1);
    expect(seen[0].address).toBe("A1:B2");
    expect(seen[0].details).toBeUndefined();
  });

  test("the add-in's own writes fire with triggerSource ThisLocalAddin, after the sync", async () => {
    const { sim, run } = setup();
    const { seen } = await listen(run, "all");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C3").values = [["x"]];
      await ctx.sync();
      expect(seen).toHaveLength(0); // handlers run asynchronously, after the request
    });
    await sim.settle();
    expect(seen.map((e) => [e.address, e.triggerSource, e.details?.valueAfter])).toEqual([["C3", "ThisLocalAddin", "x"]]);
  });

  test("enableEvents = false suppresses events while it is false", async () => {
    const { sim, run } = setup();
    const { seen } = await listen(run);
    await run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["quiet"]];
      await ctx.sync();
      ctx.runtime.load("enableEvents");
      await ctx.sync();
      expect(ctx.runtime.enableEvents).toBe(false);
    });
    await sim.userEdit("Sheet1", "A2", [["also quiet"]]);
    expect(seen).toHaveLength(0);
    expect(sim.eventsEnabled).toBe(false);
    await run(async (ctx) => {
      ctx.runtime.enableEvents = true;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A3").values = [["heard"]];
      await ctx.sync();
    });
    await sim.settle();
    expect(seen.map((e) => e.address)).toEqual(["A3"]);
  });

  test("a handler registered on one sheet hears only that sheet; remove() stops it", async () => {
    const { sim, run } = setup({ sheets: ["Sheet1", "Sheet2"] });
    const { seen, result } = await listen(run);
    await sim.userEdit("Sheet2", "A1", [["elsewhere"]]);
    expect(seen).toHaveLength(0);
    expect(sim.handlerCount).toBe(1);
    // As Office documents it: remove a handler on the context that added it.
    await sim.Excel.run(result.context, async (ctx: Excel.RequestContext) => {
      result.remove();
      await ctx.sync();
    });
    expect(sim.handlerCount).toBe(0);
    await sim.userEdit("Sheet1", "A1", [["unheard"]]);
    expect(seen).toHaveLength(0);
  });

  test("a handler can read the changed range through its own Excel.run; its errors are collected", async () => {
    const { sim, run } = setup();
    const values: unknown[] = [];
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e: Args) => {
        await run(async (c2) => {
          const r = e.getRange(c2).load("values");
          await c2.sync();
          values.push(r.values);
        });
        throw new Error("handler failed");
      });
      await ctx.sync();
    });
    await sim.userEdit("Sheet1", "D4", [["typed"]]);
    expect(values).toEqual([[["typed"]]]);
    expect(sim.handlerErrors).toHaveLength(1);
  });

  test("onChanged needs ExcelApi 1.7", async () => {
    const { run } = setup({ requirementSets: { ExcelApi: "1.6" } });
    await expect(run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => undefined);
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("worksheets.onChanged needs ExcelApi 1.9; a sheet's onChanged works on 1.8", async () => {
    const { sim, run } = setup({ requirementSets: { ExcelApi: "1.8" } });
    await expect(listen(run, "all")).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(sim.handlerCount).toBe(0);
    const { seen } = await listen(run, "sheet");
    await sim.userEdit("Sheet1", "A1", [["heard"]]);
    expect(seen).toHaveLength(1);
  });
});

// The event arguments by requirement set (Excel.WorksheetChangedEventArgs in @types/office-js):
// source, address, worksheetId and getRange from ExcelApi 1.7/1.8; details from 1.9; triggerSource
// from 1.14. Before, the sim sent details and triggerSource on every set.
describe("onChanged arguments by requirement set, and remote changes", () => {
  test("ExcelApi 1.8 (Excel 2019): no details, no triggerSource", async () => {
    const { sim, run } = setup({ requirementSets: { ExcelApi: "1.8" } });
    const { seen } = await listen(run);
    await sim.userEdit("Sheet1", "B2", [[42]]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ source: "Local", address: "B2" });
    expect("details" in seen[0]).toBe(false);
    expect("triggerSource" in seen[0]).toBe(false);
  });

  test("ExcelApi 1.9 to 1.13: details, still no triggerSource", async () => {
    const { sim, run } = setup({ requirementSets: { ExcelApi: "1.13" } });
    const { seen } = await listen(run);
    await sim.userEdit("Sheet1", "B2", [[42]]);
    expect(seen[0].details).toMatchObject({ valueAfter: 42 });
    expect("triggerSource" in seen[0]).toBe(false);
  });

  test("a co-author's edit arrives with source Remote (triggerSource Unknown: not this add-in)", async () => {
    const { sim, run } = setup();
    const { seen } = await listen(run);
    await sim.remoteEdit("Sheet1", "C3", [["from a co-author"]]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ source: "Remote", triggerSource: "Unknown", address: "C3", details: { valueAfter: "from a co-author" } });
    expect(sim.cell("Sheet1", "C3").value).toBe("from a co-author");
  });
});

describe("worksheets.onAdded", () => {
  type Added = Excel.WorksheetAddedEventArgs;

  async function listenAdded(run: ReturnType<typeof setup>["run"]) {
    const seen: Added[] = [];
    await run(async (ctx) => {
      ctx.workbook.worksheets.onAdded.add(async (e: Added) => {
        seen.push(e);
      });
      await ctx.sync();
    });
    return seen;
  }

  test("fires after the sync for each sheet added, with its id; onChanged handlers do not hear it", async () => {
    const { sim, run } = setup({ requirementSets: { ExcelApi: "1.7" } });
    const seen = await listenAdded(run);
    const changed = await listen(run);
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("Plan");
      await ctx.sync();
      expect(seen).toHaveLength(0);
    });
    await sim.settle();
    expect(seen).toEqual([{ type: "WorksheetAdded", source: "Local", worksheetId: sim.sheets().find((s) => s.name === "Plan")!.id }]);
    expect(changed.seen).toHaveLength(0);
    expect(sim.handlerErrors).toEqual([]);
  });

  test("is silent while events are off, and needs ExcelApi 1.7", async () => {
    const { sim, run } = setup();
    const seen = await listenAdded(run);
    await run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.add("Quiet");
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    await sim.settle();
    expect(seen).toHaveLength(0);

    const old = setup({ requirementSets: { ExcelApi: "1.6" } });
    await expect(listenAdded(old.run)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
