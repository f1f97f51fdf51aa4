import { insertPlanData } from "../../src/excel/insertTemplates";
import { buildMeetingPack } from "../../src/excel/meetingPack";
import { recordReview } from "../../src/excel/recordReview";
import { TOP_ROWS } from "../../src/excel/readWorkbookState";
import { cellA1, isoFromSerial, parseRangeA1 } from "../../src/plan/model";
import { meetingPacks, packReviewLog } from "../../src/plan/pack";
import { readPlan } from "../../src/plan/read";
import { SAMPLE_AS_OF } from "../../src/plan/sample";
import { simGrids } from "./support/grids";
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

  it("compares with the last review however long the Review Log, in five syncs", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    const day = (d: number) => isoFromSerial(SAMPLE_AS_OF - d);
    /** Sets a cell of action `id`'s row in the JAP table, by header. */
    const edit = async (id: string, header: string, value: unknown) => {
      const t = sim().tables().find((x) => x.sheet === jap)!;
      const r = parseRangeA1(t.address)!;
      const idCol = r.col + t.columns.indexOf("ID");
      for (let row = r.row + 1; row <= r.lastRow; row++) {
        if (sim().cell(jap, cellA1(row, idCol)).value === id) return sim().userEdit(jap, cellA1(row, r.col + t.columns.indexOf(header)), [[value]]);
      }
      throw new Error(`no ${id}`);
    };
    await recordReview({ date: day(12) });
    await recordReview({ date: day(8) });
    await edit("A-01", "Due", SAMPLE_AS_OF + 40);
    // The last review's rows lie below the rows a workbook read sees of a sheet it does not know.
    await recordReview({ date: day(4) });
    await edit("A-02", "Status", "Done");
    const grids = simGrids(sim());
    const log = packReviewLog(grids, readPlan(grids));
    expect(log.rows.length).toBeGreaterThan(TOP_ROWS);
    const { syncs } = await measure(sim(), () => buildMeetingPack());
    expect(syncs).toBe(5);
    // What the core says from the whole log: only A-02 changed since the last review.
    const plan = readPlan(grids);
    const [want] = meetingPacks(plan, log, SAMPLE_AS_OF);
    expect(want.input.changes.map((c) => c.id)).toEqual(["A-02"]);
    const listed = Array.from({ length: 5 }, (_, k) => sim().cell("Meeting pack", cellA1(want.layout.map.lists.changes.firstRow + k, 0)).value).filter((v) => v !== "" && v !== null);
    expect(listed).toEqual(["A-02"]);
  });
});
