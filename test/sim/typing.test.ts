/**
 * Excel's automatic percent entry (typing.ts; Microsoft KB 215203 "XL: Automatic Percent Entry").
 * Before, the sim stored a typed 50 in a cell formatted 0% as 50, an input Excel does not produce.
 */
import { typedValue } from "./typing";
import { setup } from "./testUtil";

describe("typing into a percentage cell", () => {
  test("KB 215203's table: 1 → 0.01, .1 → 0.1, 0.1 → 0.001, -1 → -0.01, -.1 → -0.1, -0.1 → -0.001", () => {
    const cases: [string, number][] = [["1", 0.01], [".1", 0.1], ["0.1", 0.001], ["-1", -0.01], ["-.1", -0.1], ["-0.1", -0.001], ["50", 0.5], ["90", 0.9]];
    for (const [typed, stored] of cases) expect([typed, typedValue(typed, "0%")]).toEqual([typed, expect.closeTo(stored, 12)]);
    expect(typedValue("50", "General")).toBe("50");
    expect(typedValue("done", "0.0%")).toBe("done");
    expect(typedValue(50, '0" %"')).toBe(50); // a % inside quotes is no percentage format
  });

  test("typing 50 into a cell formatted 0% stores 0.5; pasting 50, or writing it from code, stores 50", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").numberFormat = [["0%"], ["0%"], ["0%"]];
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A3").values = [[50]];
      await ctx.sync();
    });
    await sim.userEdit("Sheet1", "A1", [[50]]);
    await sim.userEdit("Sheet1", "A2", [[50]], "paste");
    expect(sim.cell("Sheet1", "A1")).toMatchObject({ value: 0.5, text: "50%" });
    expect(sim.cell("Sheet1", "A2").value).toBe(50);
    expect(sim.cell("Sheet1", "A3").value).toBe(50);
  });
});
