import { insertPlanData } from "../../src/excel/insertTemplates";
import { buildMeetingPack } from "../../src/excel/meetingPack";
import type { SimulatedExcel } from "../sim";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";

const others = (sim: SimulatedExcel) => Object.fromEntries(sim.sheets().filter((s) => !s.name.startsWith("Meeting pack")).map((s) => [s.name, sim.snapshot(s.name)]));

describe("buildMeetingPack", () => {
  const sim = useSim();

  it("builds the pack of the current JAP in three syncs, formulas over its tables, touching no other sheet", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const before = others(sim());
    const { result, syncs } = await measure(sim(), () => buildMeetingPack());
    expect(result.sheetNames).toEqual(["Meeting pack"]);
    expect(result.message).toMatch(/^Built 'Meeting pack'/);
    expect(syncs).toBe(3);
    expect(others(sim())).toEqual(before);
    expect(String(sim().cell("Meeting pack", "A1").value)).toMatch(/^Meeting pack/);
    expect(sim().cell("Meeting pack", "G2").value).toBe(jap);
    const formulas = Object.values(sim().snapshot("Meeting pack")).filter((c) => c.formula !== null).map((c) => c.formula!);
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.some((f) => f.includes(`'${jap}'!`) || f.includes(`${jap}!`))).toBe(true);
  });

  it("rebuilds in place: one pack sheet still, the same number of syncs", async () => {
    await insertPlanData(scaledPlan(20));
    await buildMeetingPack();
    const { result, syncs } = await measure(sim(), () => buildMeetingPack());
    expect(result.message).toMatch(/^Rebuilt 'Meeting pack'/);
    expect(syncs).toBe(3);
    expect(sim().sheets().filter((s) => s.name.startsWith("Meeting pack")).map((s) => s.name)).toEqual(["Meeting pack"]);
  });

  it("costs the same syncs for a plan ten times larger", async () => {
    await insertPlanData(scaledPlan(200));
    const { syncs } = await measure(sim(), () => buildMeetingPack());
    expect(syncs).toBe(3);
  });
});
