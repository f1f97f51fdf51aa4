import { Batcher, payloadBytes } from "../../src/excel/batches";
import { useSim } from "./support/sim";

describe("Batcher", () => {
  const sim = useSim();

  it("adds no sync below the budget, and splits rows into requests under it above", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`row ${i} ${"x".repeat(100)}`]);
    const bytes = rows.reduce((a, r) => a + payloadBytes(r), 0);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A2000").numberFormat = rows.map(() => ["@"]);
      const small = new Batcher(context, bytes * 2);
      await small.addRows("A1:A2000", rows, (address, slice) => {
        ws.getRange(address).values = slice;
      });
      expect(small.splits).toBe(0);

      const tight = new Batcher(context, Math.ceil(bytes / 4));
      await tight.addRows("B1:B2000", rows, (address, slice) => {
        ws.getRange(address).values = slice;
      });
      expect(tight.splits).toBeGreaterThanOrEqual(3);
      expect(tight.splits).toBeLessThanOrEqual(5);
      await context.sync();
    });
    // Every request the tight batcher started stayed under its budget (the first also carries the
    // writes queued before it, so it is left out).
    expect(Math.max(...sim().stats.batches.slice(1).map((b) => b.bytes))).toBeLessThan(Math.ceil(bytes / 4) + 4096);
    expect(sim().cell("Sheet1", "B1").value).toBe(rows[0][0]);
    expect(sim().cell("Sheet1", "B2000").value).toBe(rows[1999][0]);
    expect(sim().cell("Sheet1", "B1000").value).toBe(rows[999][0]);
  });
});
