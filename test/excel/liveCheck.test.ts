import { insertPlanData } from "../../src/excel/insertTemplates";
import { liveCheckIdle, liveCheckStatus, startLiveCheck, type LiveCheckListener } from "../../src/excel/liveCheck";
import { scaledPlan } from "./support/plans";
import { useSim } from "./support/sim";

type Result = Parameters<LiveCheckListener>[0];

describe("startLiveCheck", () => {
  const sim = useSim();
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
      context.workbook.tables.getItem("JP_Actions").resize(`'${jap}'!A7:W30`);
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
