import { PAYLOAD_LIMIT_BYTES } from "./index";
import { codeOf, setup } from "./testUtil";

describe("Excel.run and the request context", () => {
  test("values are readable only after load and sync", async () => {
    const { sim, run } = setup();
    sim.setCells("Sheet1", "A1", [[5]]);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(/The property 'values' is not available\. Before reading the property's value, call the load method/);
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      expect(() => r.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("load takes a comma list, an array, {select} and the object form", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1").load("values, numberFormat");
      const b = ws.getRange("B2").load(["address"]);
      const c = ws.getRange("C3").load({ select: "rowIndex,columnIndex" });
      const d = ws.getRange("D4").load({ address: true, format: { fill: { color: true } } } as Excel.Interfaces.RangeLoadOptions);
      await ctx.sync();
      expect([a.values, a.numberFormat]).toEqual([[[""]], [["General"]]]);
      expect(b.address).toBe("Sheet1!B2");
      expect([c.rowIndex, c.columnIndex]).toEqual([2, 2]);
      expect([d.address, d.format.fill.color]).toEqual(["Sheet1!D4", "#FFFFFF"]);
    });
  });

  test("a property that was set is not readable until loaded again", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values");
      await ctx.sync();
      r.values = [["new"]];
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([["new"]]);
    });
  });

  test("writes apply at sync in queue order; reads queued after a write see it", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      const before = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      r.values = [[1]];
      expect(sim.cell("Sheet1", "A1").value).toBe(""); // nothing happens before sync
      const after = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      r.values = [[2]];
      await ctx.sync();
      expect(before.values).toEqual([[""]]);
      expect(after.values).toEqual([[1]]);
      expect(sim.cell("Sheet1", "A1").value).toBe(2);
    });
  });

  test("an error surfaces at sync with its code; earlier operations stay applied (not transactional)", async () => {
    const { sim, run } = setup();
    const err: any = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["kept"]];
      ws.getRange("A2:B2").values = [["too", "many", "values"]];
      ws.getRange("A3").values = [["dropped"]];
      return ctx.sync();
    }).catch((e: any) => e);
    expect(err.code).toBe("InvalidArgument");
    expect(err.name).toBe("RichApi.Error");
    expect(err.debugInfo.statement).toContain("getRange");
    expect(sim.cell("Sheet1", "A1").value).toBe("kept");
    expect(sim.cell("Sheet1", "A3").value).toBe("");
  });

  test("getItem of a missing sheet fails at sync, not at the call", async () => {
    const { run } = setup();
    let reached = false;
    const code = await codeOf(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Nope");
        ws.getRange("A1").values = [[1]];
        reached = true;
        await ctx.sync();
      }),
    );
    expect(reached).toBe(true);
    expect(code).toBe("ItemNotFound");
  });

  test("OrNullObject: isNullObject after sync; null objects load null and refuse writes", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1"); // names match ignoring case
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      missing.load("name");
      const child = missing.getRange("A1").load("values");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(missing.name).toBeNull();
      expect(child.isNullObject).toBe(true);
      missing.getRange("A1").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("ClientResult values are available after sync only", async () => {
    const { run } = setup({ sheets: ["A", "B"] });
    await run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(/has not been loaded yet/);
      await ctx.sync();
      expect(n.value).toBe(2);
    });
  });

  test("errors thrown in the batch function propagate; a batch must return a promise", async () => {
    const { sim, run } = setup();
    await expect(run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    await expect(sim.Excel.run((() => 42) as never)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("queued work left at the end of the batch is sent by a final sync", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["late"]];
    });
    expect(sim.cell("Sheet1", "A1").value).toBe("late");
    expect(sim.stats.syncs).toBe(1);
  });

  test("new Excel.RequestContext() works on the same workbook", async () => {
    const { sim } = setup();
    const ctx = new sim.Excel.RequestContext() as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[3]];
    await ctx.sync();
    expect(sim.cell("Sheet1", "B1").value).toBe(3);
  });

  test("anything not simulated fails loudly", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1") as any;
      expect(() => r.hyperlink).toThrow(/not implemented in the simulated workbook: Range.hyperlink/);
      expect(() => { r.style = "Good"; }).toThrow(/not implemented in the simulated workbook/);
      expect(() => r.insert("Right")).toThrow(/not implemented/);
      expect(() => (ctx as any).application.calculationMode).toThrow(/not implemented in the simulated workbook: Application.calculationMode/);
      expect(() => { r.address = "B2"; }).toThrow(TypeError);
    });
  });
});

describe("stats: round trips and request size", () => {
  test("each sync counts once, with its operation count and byte size", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").values = [["é", "x"]];
      await ctx.sync();
      await ctx.sync();
    });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.batches).toHaveLength(2);
    expect(sim.stats.batches[0].operations).toBe(3); // getItem, getRange, set values
    expect(sim.stats.batches[0].bytes).toBeGreaterThan(20);
    expect(sim.stats.batches[1]).toEqual({ operations: 0, bytes: 31, responseBytes: 14 }); // {"Actions":[],"ObjectPaths":{}} and {"Results":[]}
    sim.stats.reset();
    expect(sim.stats.syncs).toBe(0);
    expect(sim.stats.batches).toEqual([]);
  });

  test("bytes are UTF-8: a non-ASCII character costs more than one", async () => {
    const sizes: number[] = [];
    for (const text of ["aaaa", "éééé"]) {
      const { sim, run } = setup();
      await run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[text]];
        await ctx.sync();
      });
      sizes.push(sim.stats.batches[0].bytes);
    }
    expect(sizes[1] - sizes[0]).toBe(4);
  });

  test("a request over 5 MB is refused like Excel on the web, and nothing of it is applied", async () => {
    const { sim, run } = setup();
    const big = "x".repeat(30_000);
    const rows = Array.from({ length: 180 }, () => [big]);
    const code = await codeOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A180").values = rows;
        await ctx.sync();
      }),
    );
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    expect(sim.stats.batches[0].bytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(sim.cell("Sheet1", "A1").value).toBe("");
    // Half of it fits.
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A90").values = rows.slice(0, 90);
      await ctx.sync();
    });
    expect(sim.cell("Sheet1", "A90").value).toBe(big);
  });

  // Excel on the web limits responses as it limits requests: 5 MB ("Resource limits and performance
  // optimization for Office Add-ins", Excel add-ins section), failing with ResponsePayloadSizeLimitExceeded
  // (the error code office.js maps from 5104).
  test("a response over 5 MB fails like Excel on the web, and nothing it loaded can be read", async () => {
    const { sim, run } = setup();
    const big = "y".repeat(30_000);
    sim.setCells("Sheet1", "A1", Array.from({ length: 180 }, () => [big]));
    let range: Excel.Range | undefined;
    const code = await codeOf(
      run(async (ctx) => {
        range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A180").load("values");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(sim.stats.batches[0].responseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(() => range!.values).toThrow(/is not available/);
    // Half of it comes back, and the response is sized as it travels: the JSON of the values read.
    const half = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A90").load("values");
      await ctx.sync();
      return r.values;
    });
    expect(half[89][0]).toBe(big);
    const last = sim.stats.batches[sim.stats.batches.length - 1];
    expect(last.responseBytes).toBeGreaterThan(90 * 30_000);
    expect(last.responseBytes).toBeLessThan(90 * 30_000 + 1_000);
  });

  test("20,000 rows x 24 columns write and read back in one batch each", async () => {
    const { sim, run } = setup();
    const rows = Array.from({ length: 20_000 }, (_, i) => Array.from({ length: 24 }, (_, j) => (j === 0 ? `ID-${i}` : i + j)));
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:X20000").values = rows;
      await ctx.sync();
    });
    const back = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:X20000").load("values");
      await ctx.sync();
      return r.values;
    });
    expect(back).toEqual(rows);
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.maxBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});

describe("objects belong to their request context", () => {
  // Office.js: "InvalidRequestContext: Cannot use the object across different request contexts".
  // Before, the sim took a Range of an earlier Excel.run as an argument in a later one.
  test("a range of another Excel.run as an argument is refused", async () => {
    const { run } = setup();
    const old = await run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3"));
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1").getBoundingRect(old);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidRequestContext" });
    await expect(
      run(async (ctx) => {
        ctx.workbook.names.add("Stale", old);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidRequestContext" });
  });
});
