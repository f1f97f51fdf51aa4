/** The date order from Excel's culture: read in the check's first request, a Settings choice wins. */
import { checkPlan, getOverview } from "../../src/excel/checkPlan";
import { insertJapTemplate, insertPlanData } from "../../src/excel/insertTemplates";
import { writeSettings } from "../../src/excel/settingsAndRoster";
import { JAP } from "../../src/plan/layouts";
import { DEFAULT_SETTINGS, columnLetters } from "../../src/plan/model";
import { SAMPLE_AS_OF } from "../../src/plan/sample";
import { scaledPlan } from "./support/plans";
import { measure, useSim } from "./support/sim";
import type { SimulatedExcel } from "../sim";

/** Column letter of the JAP's Due column (the inserted table starts in column A; row 8 is A-01). */
const DUE = columnLetters(JAP.columns.findIndex((c) => c.key === "due"));

/** Types 05/03/2026 as text into A-01's Due, checks, and gives the date the check read it as. */
async function checkTypedDate(sim: SimulatedExcel): Promise<{ readAs: string | undefined; ambiguous: boolean; syncs: number }> {
  const { jap } = await insertPlanData(scaledPlan(20));
  await Excel.run(async (context) => {
    const cell = context.workbook.worksheets.getItem(jap).getRange(`${DUE}8`);
    cell.numberFormat = [["@"]];
    cell.values = [["05/03/2026"]];
    await context.sync();
  });
  const { result, syncs } = await measure(sim, () => checkPlan());
  const atCell = result.findings.filter((f) => f.sheet === jap && f.cell === `${DUE}8`);
  const text = atCell.find((f) => f.rule === "date.notADate");
  return { readAs: /Make it the date (\d{4}-\d\d-\d\d)/.exec(text?.message ?? "")?.[1], ambiguous: atCell.some((f) => /ambiguous/i.test(f.rule)), syncs };
}

describe("an Excel in en-US (M/d/yyyy)", () => {
  const sim = useSim({ culture: "en-US" });

  it("reads a text date month-first when the Settings' Date order is blank, in the same three syncs", async () => {
    const r = await checkTypedDate(sim());
    expect(r).toEqual({ readAs: "2026-05-03", ambiguous: true, syncs: 3 });
  });

  it("keeps the overview at two syncs", async () => {
    await insertPlanData(scaledPlan(20));
    expect((await measure(sim(), () => getOverview())).syncs).toBe(2);
  });

  it("lets an explicit DMY in Settings win over the culture", async () => {
    // A Settings sheet to write to (another month: the plan's own month is inserted below).
    await insertJapTemplate({ month: "2025-01" });
    await writeSettings({ ...DEFAULT_SETTINGS, asOf: SAMPLE_AS_OF, dateOrder: "DMY" });
    const r = await checkTypedDate(sim());
    expect(r.readAs).toBe("2026-03-05");
  });
});

describe("an Excel in en-GB (dd/MM/yyyy)", () => {
  const sim = useSim({ culture: "en-GB" });
  it("reads the same text day-first, in the same three syncs", async () => {
    expect(await checkTypedDate(sim())).toEqual({ readAs: "2026-03-05", ambiguous: true, syncs: 3 });
  });
});

describe("an Excel without ExcelApi 1.12 (no date format to read)", () => {
  const sim = useSim({ culture: "en-US", requirementSets: { ExcelApi: "1.11" } });
  it("does not ask for it (the request would fail) and reads day-first, the default", async () => {
    const r = await checkTypedDate(sim());
    expect(r.readAs).toBe("2026-03-05");
    expect(r.syncs).toBe(3);
  });
});
