import { BATCH_BUDGET_BYTES, Batcher, OPERATION_BYTES, SET_BYTES, SHEET_BYTES, payloadBytes } from "../../src/excel/batches";
import { queuePaint } from "../../src/excel/paintFindings";
import { queueSheetSpec } from "../../src/excel/writeSheetSpec";
import { DEFAULT_SETTINGS } from "../../src/plan/model";
import type { SheetSpec } from "../../src/plan/sheets";
import { buildRosterSheetSpec, buildSettingsSheetSpec } from "../../src/plan/sheets";
import { PlanNames, linkedJbpAndJap, rosterEntries } from "../../src/plan/sheets";
import { officeJsContext } from "../support/officeJs";
import { scaledPlan } from "./support/plans";
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

/**
 * The Batcher counts what each write costs in the request Office.js really sends: every write path
 * of the Excel layer, run through the real library (@microsoft/office-js's excel-web-16.00.js,
 * test/support/officeJs.ts), sends requests no bigger than the Batcher counted (a little over
 * is the sheet's own path, queued before the Batcher's first write), and not much smaller.
 */
describe("Batcher counts what Office.js sends", () => {
  const specs = (): SheetSpec[] => {
    const names = new PlanNames(["S"]);
    const plan = scaledPlan(1000);
    const roster = buildRosterSheetSpec(rosterEntries(plan.roster), names.sheetName("Roster"));
    const settings = buildSettingsSheetSpec(DEFAULT_SETTINGS, names.sheetName("Settings"));
    const { jbp, jap } = linkedJbpAndJap(names, plan);
    return [roster, settings, jbp, jap];
  };

  async function compare(budget: number, queue: (context: Excel.RequestContext, batcher: Batcher) => Promise<void>): Promise<{ real: number[]; counted: number[] }> {
    const { context, requests } = officeJsContext();
    const batcher = new Batcher(context, budget);
    await queue(context, batcher);
    const counted = [...batcher.sent, batcher.pendingBytes];
    await context.sync();
    return { real: requests.map((r) => r.bytes), counted };
  }

  const expectClose = ({ real, counted }: { real: number[]; counted: number[] }): void => {
    expect(counted).toHaveLength(real.length);
    real.forEach((bytes, i) => {
      // Never more than 2 % over the count (the budget leaves 12 % under our 4 MB), nor 30 % under it.
      expect(bytes).toBeLessThanOrEqual(counted[i] * 1.02 + 500);
      expect(counted[i]).toBeLessThan(bytes * 1.3 + 2000);
    });
  };

  for (const budget of [BATCH_BUDGET_BYTES, 256 * 1024]) {
    test(`sheets as inserts write them (${budget} bytes a request)`, async () => {
      expectClose(await compare(budget, async (context, batcher) => {
        for (const spec of specs()) await queueSheetSpec(context, context.workbook.worksheets.getItem("S"), spec, batcher);
      }));
    });
  }

  test("repairs and Issues cells as a check writes them", async () => {
    const repairs = Array.from({ length: 3000 }, (_, i) => ({ sheet: "JAP 2026-03", cell: `F${8 + i}`, value: i % 2 ? "Ana Silva" : 46100 + i, format: i % 2 ? undefined : "yyyy-mm-dd" }));
    const issues = Array.from({ length: 5000 }, (_, i) => [`Error: Owner 'Bob ${i}' is not on the Roster.`]);
    expectClose(await compare(512 * 1024, async (context, batcher) => {
      for (const r of repairs) {
        await batcher.add(payloadBytes([r.sheet, r.cell, r.value, r.format ?? null]), () => {
          const range = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell);
          if (r.format !== undefined) range.numberFormat = [[r.format]];
          range.values = [[r.value]];
        }, SHEET_BYTES + OPERATION_BYTES + (r.format !== undefined ? SET_BYTES : 0));
      }
      await queuePaint(context, { issues: [{ sheet: "JAP 2026-03", address: "W8:W5007", values: issues }], notesToAdd: [], notesToUpdate: [], notesToDelete: [], notesSkipped: [], notesOverCap: 0, protectedNoteSheets: new Set(), sheets: new Set(), marks: [], userIssuesColumns: [], userIssuesCells: 0 }, batcher);
    }));
  });
});
