/**
 * The simulated workbook sizes each request as Office.js builds it (wire.ts). Held here to the real
 * library: the same batches, run through @microsoft/office-js's excel-web-16.00.js and through the
 * sim, give requests of the same size.
 */
import { createSimulatedExcel } from ".";
import { officeJsContext } from "../support/officeJs";
import { queueSheetSpec } from "../../src/excel/writeSheetSpec";
import { Batcher } from "../../src/excel/batches";
import { samplePlan } from "../../src/plan/sample";
import { buildRosterSheetSpec, buildSettingsSheetSpec } from "../../src/plan/sheets";
import { PlanNames, linkedJbpAndJap, rosterEntries } from "../../src/plan/sheets";

type Batch = (context: Excel.RequestContext) => Promise<void> | void;

async function realSizes(batch: Batch): Promise<number[]> {
  const { context, requests } = officeJsContext();
  await batch(context);
  await context.sync();
  return requests.map((r) => r.bytes);
}

async function simSizes(batch: Batch): Promise<number[]> {
  const sim = createSimulatedExcel({ sheets: ["S"] });
  await sim.Excel.run(async (context: unknown) => {
    await batch(context as Excel.RequestContext);
    await (context as Excel.RequestContext).sync();
  });
  return sim.stats.batches.map((b) => b.bytes);
}

const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("S");

const batches: Record<string, Batch> = {
  "values on a range": (c) => {
    sheet(c).getRange("A1:B2").values = [[1, "two"], [3, "four"]];
  },
  "values over 1,500 cells, which Office.js sends in chunks": (c) => {
    sheet(c).getRange("A1:C2000").values = Array.from({ length: 2000 }, (_, i) => [i, `row ${i}`, i % 2 === 0]);
  },
  "a fill, through format and fill": (c) => {
    sheet(c).getRange("A1:B2").format.fill.color = "#FF0000";
  },
  "a custom conditional format": (c) => {
    const cf = sheet(c).getRange("A2:A30").conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=A2>1";
    cf.custom.format.fill.color = "#FF0000";
  },
  "a list validation with its alert": (c) => {
    const dv = sheet(c).getRange("A2:A30").dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: "=$D$1:$D$5" } };
    dv.errorAlert = { showAlert: true, style: "Warning", title: "t", message: "m" };
  },
  "a table and a name": (c) => {
    const t = sheet(c).tables.add("A1:C5", true);
    t.name = "Tbl";
    c.workbook.names.add("JP_Name", "=S!$A$1");
  },
  "loads": (c) => {
    sheet(c).getRange("A1:B2").load("values,numberFormat");
    c.workbook.worksheets.load("items/name,items/id");
    c.workbook.tables.load("items/name,items/worksheet/name,items/columns/items/name");
  },
  "a new sheet, activated and frozen": (c) => {
    const ws = c.workbook.worksheets.add("New");
    ws.activate();
    ws.freezePanes.freezeRows(3);
  },
  "the sample plan's sheets, as the add-in writes them": async (c) => {
    const sample = samplePlan(46099);
    const names = new PlanNames(["S"]);
    // Settings and Roster first: their names are what the plan sheets' lists use (the Roster's
    // Party list is a Settings name).
    const support = [buildSettingsSheetSpec(sample.settings, names.sheetName("Settings")), buildRosterSheetSpec(rosterEntries(sample.roster), names.sheetName("Roster"))];
    names.take(...support.flatMap((s) => s.names.map((n) => n.name)));
    const { jbp, jap } = linkedJbpAndJap(names, sample);
    const batcher = new Batcher(c);
    for (const spec of [...support, jbp, jap]) await queueSheetSpec(c, c.workbook.worksheets.add(spec.sheetName), spec, batcher);
  },
};

describe("request sizes, against the real Office.js", () => {
  for (const [name, batch] of Object.entries(batches)) {
    test(name, async () => {
      const real = await realSizes(batch);
      const simulated = await simSizes(batch);
      expect(simulated).toHaveLength(real.length);
      // Within 1 % (byte for byte on most: a chunk's last row number may differ by a digit).
      simulated.forEach((bytes, i) => expect(Math.abs(bytes - real[i]) / real[i]).toBeLessThan(0.01));
    });
  }
});
