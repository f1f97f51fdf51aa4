import { columnLetters } from "../../src/plan/model";
import { JAP } from "../../src/plan/layouts";
import { buildSummary, insertJapTemplate } from "../../src/excel/commandApi";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { liveCheckIdle, liveCheckStatus, startLiveCheck, type LiveCheckListener } from "../../src/excel/liveCheck";
import type { SimulatedExcel } from "../sim";
import { scaledPlan } from "./support/plans";
import { useSim } from "./support/sim";

type Result = Parameters<LiveCheckListener>[0];

/** Stops every live check a test started, and waits for the simulated Excel and the re-checks. */
function liveCheckHarness(sim: () => SimulatedExcel) {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await liveCheckIdle();
  });
  async function settled(): Promise<void> {
    await sim().settle();
    await liveCheckIdle();
    await sim().settle();
  }
  return { stops, settled };
}

const sheetsOf = (r: Result): Set<string> => new Set(r.findings.map((f) => f.sheet));

describe("startLiveCheck", () => {
  const sim = useSim();
  const { stops, settled } = liveCheckHarness(sim);

  it("re-checks a person's edit on a plan sheet once, 300 ms after the last change", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    expect(sim().handlerCount).toBe(1);

    const checks = liveCheckStatus().checks;
    sim().stats.reset();
    // Three quick edits: one re-check.
    await sim().userEdit(jap, "P15", [[1300]]);
    await sim().userEdit(jap, "P15", [[1250]]);
    await sim().userEdit(jap, "P15", [[1200]]);
    await settled();
    expect(liveCheckStatus().checks - checks).toBe(1);
    expect(sim().stats.syncs).toBe(3);
    expect(results).toHaveLength(1);
    expect(results[0].overview.actions).toBe(20);
    // The fixed actual no longer carries its note or its Issues text.
    expect(sim().cell(jap, "P15").note).toBeNull();
    expect(String(sim().cell(jap, "W15").value)).not.toMatch(/1,200/);
    expect(sim().eventsEnabled).toBe(true);
    expect(sim().handlerErrors).toEqual([]);
  });

  it("brings the JBP's action counts up to date once, without re-checking its own write", async () => {
    const { jap, jbp } = await insertPlanData(scaledPlan(20));
    stops.push(await startLiveCheck(() => undefined));
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("JP_Actions").resize(`'${jap}'!A7:${columnLetters(JAP.columns.length - 1)}30`);
      await context.sync();
    });
    const checks = liveCheckStatus().checks;
    await sim().userEdit(jap, "A28", [["A-21"]]);
    await settled();
    expect(liveCheckStatus().checks - checks).toBe(1);
    expect(sim().cell(jbp, "U11").formula).toContain(`'${jap}'!$T$8:$T$30`);
    expect(sim().handlerErrors).toEqual([]);
    expect(sim().eventsEnabled).toBe(true);
  });

  it("ignores the add-in's own writes and changes on sheets that are not part of the plan", async () => {
    await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    await sim().userEdit("Sheet1", "A1", [["shopping list"]]);
    await settled();
    expect(results).toHaveLength(0);
    // An add-in's own write, with events on, comes as ThisLocalAddin and is ignored.
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Roster").getRange("C2").values = [["Commercial manager"]];
      await context.sync();
    });
    await settled();
    expect(results).toHaveLength(0);
    // A person's edit on the Roster counts (owners are checked against it); the check's own
    // writes then trigger nothing more.
    await sim().userEdit("Roster", "C3", [["Key account manager"]]);
    await settled();
    expect(results).toHaveLength(1);
    await settled();
    expect(results).toHaveLength(1);
  });

  it("re-checks a paste of many cells (no details) in one batch", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    const owners = Array.from({ length: 10 }, () => ["Ana Silva"]);
    await sim().userEdit(jap, "F8:F17", owners);
    await settled();
    expect(results).toHaveLength(1);
    expect(String(sim().cell(jap, "W9").value)).not.toMatch(/Silvaa/);
  });

  it("registers once however often it is started, and stops when the last listener stops", async () => {
    await insertPlanData(scaledPlan(20));
    const a = await startLiveCheck(() => undefined);
    const b = await startLiveCheck(() => undefined);
    expect(sim().handlerCount).toBe(1);
    expect(liveCheckStatus()).toMatchObject({ active: true, listeners: 2 });
    await a();
    expect(sim().handlerCount).toBe(1);
    await b();
    expect(sim().handlerCount).toBe(0);
    expect(liveCheckStatus()).toMatchObject({ active: false, listeners: 0 });
  });

  it("survives the task pane's module being loaded again (the registry lives on globalThis)", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const first: Result[] = [];
    stops.push(await startLiveCheck((r) => first.push(r)));
    let reloaded!: typeof import("../../src/excel/liveCheck");
    jest.isolateModules(() => {
      reloaded = require("../../src/excel/liveCheck");
    });
    expect(reloaded.startLiveCheck).not.toBe(startLiveCheck);
    const second: Result[] = [];
    stops.push(await reloaded.startLiveCheck((r) => second.push(r)));
    expect(sim().handlerCount).toBe(1);
    await sim().userEdit(jap, "F9", [["Ana Silva"]]);
    await settled();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
  });
});

describe("startLiveCheck and co-authors", () => {
  const sim = useSim();
  const { stops, settled } = liveCheckHarness(sim);

  // A remote change (source "Remote", ExcelApi 1.7) is a co-author's: their own task pane checks
  // it. Every open pane re-checking and rewriting Issues and notes would multiply the writes.
  it("does not re-check a co-author's edit, and still re-checks the local person's", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    const checks = liveCheckStatus().checks;
    await sim().remoteEdit(jap, "F9", [["Ana Silva"]]);
    await sim().remoteEdit(jap, "F10:F11", [["Bo Chen"], ["Bo Chen"]]);
    await settled();
    expect(results).toHaveLength(0);
    expect(liveCheckStatus().checks).toBe(checks);
    await sim().userEdit(jap, "F9", [["Ana Silva"]]);
    await settled();
    expect(results).toHaveLength(1);
  });
});

describe("startLiveCheck on ExcelApi 1.9 to 1.13 (no triggerSource)", () => {
  const sim = useSim({ requirementSets: { ExcelApi: "1.13" } });
  const { stops, settled } = liveCheckHarness(sim);

  // Without triggerSource the add-in cannot tell its own writes from a person's by the event:
  // every write of the Excel layer is made with events off.
  it("does not re-check for the add-in's own inserts and summary", async () => {
    await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    const { sheetName } = await insertJapTemplate({ month: "2026-05" });
    await buildSummary();
    await settled();
    expect(results).toHaveLength(0);
    expect(sim().eventsEnabled).toBe(true);
    // The new JAP is heard when a person edits it.
    await sim().userEdit(sheetName, "E8", [["Open 12 new outlets"]]);
    await settled();
    expect(results).toHaveLength(1);
  });
});

describe("startLiveCheck: sheets that appear or change role after it started", () => {
  const sim = useSim();
  const { stops, settled } = liveCheckHarness(sim);

  it.each([
    ["an empty workbook", false],
    ["a workbook with a plan", true],
  ])("re-checks an edit on a JAP inserted from the task pane after it started, on %s", async (_, withPlan) => {
    if (withPlan) await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    const { sheetName } = await insertJapTemplate({ month: "2026-05" });
    await settled();
    expect(results).toHaveLength(0); // the insert's own writes are not a person's edit

    await sim().userEdit(sheetName, "E8", [["Open 12 new outlets"]]);
    await settled();
    expect(results).toHaveLength(1);
    // The new JAP's incomplete row is found: the check read the new sheet.
    expect(sheetsOf(results[0]).has(sheetName)).toBe(true);
    // Now known as a plan sheet, its next edit re-checks again.
    await sim().userEdit(sheetName, "F8", [["Nobody known"]]);
    await settled();
    expect(results).toHaveLength(2);
    expect(sim().handlerErrors).toEqual([]);
  });

  it("picks up a sheet that becomes a plan sheet when the user types its headers; plain typing elsewhere costs nothing", async () => {
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    // Sheet1 is known to hold no plan: ordinary typing there re-checks nothing.
    await sim().userEdit("Sheet1", "F1", [["shopping list"]]);
    await sim().userEdit("Sheet1", "F2", [[12]]);
    await settled();
    expect(results).toHaveLength(0);
    // A header of a plan table may make it a plan sheet: checked.
    await sim().userEdit("Sheet1", "A1", [["Name"]]);
    await sim().userEdit("Sheet1", "B1", [["Party"]]);
    await sim().userEdit("Sheet1", "C1", [["Active"]]);
    await settled();
    expect(results).toHaveLength(1);
    // With a Roster header row it is a plan sheet: any edit there now re-checks.
    await sim().userEdit("Sheet1", "A2", [["Ana Silva"]]);
    await settled();
    expect(results).toHaveLength(2);
    expect(results[1].findings.some((f) => f.sheet === "Sheet1" && f.row === 1)).toBe(true);
  });

  it("re-checks a paste on a sheet known to hold no plan (a pasted plan is found)", async () => {
    await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    await sim().userEdit("Sheet1", "A1:C2", [["Name", "Party", "Active"], ["Bo Chen", "Distributor", "Yes"]]);
    await settled();
    expect(results).toHaveLength(1);
  });

  it("never re-checks for a person's edits on the RAG Summary, once it knows the sheet", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const { sheetName } = await buildSummary();
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    await sim().userEdit(sheetName, "B3:C4", [["x", "y"], ["z", "w"]]);
    await sim().userEdit(sheetName, "H2", [["Owner"]]);
    await settled();
    expect(results).toHaveLength(0);
    // Rebuilt after the start, the summary is a new sheet: its first edit checks once, then never.
    await buildSummary();
    await sim().userEdit(sheetName, "B3:C4", [["x", "y"], ["z", "w"]]);
    await settled();
    expect(results).toHaveLength(1);
    await sim().userEdit(sheetName, "B3:C4", [["x", "y"], ["z", "w"]]);
    await sim().userEdit(sheetName, "H2", [["Owner"]]);
    await settled();
    expect(results).toHaveLength(1);
    await sim().userEdit(jap, "F9", [["Ana Silva"]]);
    await settled();
    expect(results).toHaveLength(2);
  });
});

describe("startLiveCheck on ExcelApi 1.8 (no worksheets.onChanged)", () => {
  const sim = useSim({ requirementSets: { ExcelApi: "1.8" } });
  const { stops, settled } = liveCheckHarness(sim);

  it("listens on each sheet and on sheets added later, and removes every handler when stopped", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const sheets = sim().sheets().length;
    const results: Result[] = [];
    const stop = await startLiveCheck((r) => results.push(r));
    stops.push(stop);
    // One onChanged per sheet, and worksheets.onAdded.
    expect(sim().handlerCount).toBe(sheets + 1);
    expect(liveCheckStatus().active).toBe(true);

    await sim().userEdit(jap, "P15", [[1300]]);
    await sim().userEdit(jap, "P15", [[1200]]);
    await settled();
    expect(results).toHaveLength(1);
    expect(sim().cell(jap, "P15").note).toBeNull();
    await sim().userEdit("Sheet1", "A1", [["shopping list"]]);
    await settled();
    expect(results).toHaveLength(1);

    const { sheetName } = await insertJapTemplate({ month: "2026-05" });
    await settled();
    expect(sim().handlerCount).toBe(sim().sheets().length + 1);
    await sim().userEdit(sheetName, "E8", [["Open 12 new outlets"]]);
    await settled();
    expect(results).toHaveLength(2);
    expect(sheetsOf(results[1]).has(sheetName)).toBe(true);
    expect(sim().handlerErrors).toEqual([]);
    expect(sim().eventsEnabled).toBe(true);

    await stop();
    expect(sim().handlerCount).toBe(0);
    expect(liveCheckStatus().active).toBe(false);
  });

  // ExcelApi 1.8 has no details: what a person typed on a sheet that holds no plan is read (one
  // small sync) and re-checks only when it is a plan header; before, every such edit re-checked.
  it("re-checks an edit on a sheet without a plan only when it types a plan header", async () => {
    await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    await sim().userEdit("Sheet1", "A1", [["shopping list"]]);
    await sim().userEdit("Sheet1", "A2:B3", [["milk", 2], ["eggs", 12]]);
    await settled();
    expect(results).toHaveLength(0);
    await sim().userEdit("Sheet1", "D1", [["Owner"]]);
    await settled();
    expect(results).toHaveLength(1);
    expect(sim().handlerErrors).toEqual([]);
  });

  it("gives a sheet added while events were off its handler at the next re-check", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const results: Result[] = [];
    stops.push(await startLiveCheck((r) => results.push(r)));
    await Excel.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.add("Quiet");
      context.runtime.enableEvents = true;
      await context.sync();
    });
    // Excel said nothing of the new sheet, so nothing hears it yet.
    await sim().userEdit("Quiet", "A1:C1", [["Name", "Party", "Active"]]);
    await settled();
    expect(results).toHaveLength(0);
    await sim().userEdit(jap, "F9", [["Ana Silva"]]);
    await settled();
    expect(results).toHaveLength(1);
    expect(sim().handlerCount).toBe(sim().sheets().length + 1);
    // Quiet now has a Roster header row: a plan sheet, heard like the others.
    await sim().userEdit("Quiet", "A2", [["Bo Chen"]]);
    await settled();
    expect(results).toHaveLength(2);
  });

  it("registers once however often it is started", async () => {
    await insertPlanData(scaledPlan(20));
    const a = await startLiveCheck(() => undefined);
    const count = sim().handlerCount;
    const b = await startLiveCheck(() => undefined);
    expect(sim().handlerCount).toBe(count);
    await a();
    expect(sim().handlerCount).toBe(count);
    await b();
    expect(sim().handlerCount).toBe(0);
  });
});

