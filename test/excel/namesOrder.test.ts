/**
 * Names before their users (issue 12, item 5). A data validation list naming a workbook name is
 * refused while the name does not exist (test/sim/formulaNames.ts), so every command writes the
 * sheets that define names (Settings, Roster, the JBP) before the sheets whose lists and formats use
 * them; a conditional format may name a name defined later, but none of ours has to.
 */
import { insertJapTemplate, insertJbpTemplate, insertPlanData, insertSamplePlan } from "../../src/excel/insertTemplates";
import { buildWorkbook } from "../../src/xlsx/writeXlsx";
import { DEFAULT_SETTINGS, columnLetters } from "../../src/plan/model";
import { samplePlan } from "../../src/plan/sample";
import { rosterEntries } from "../../src/plan/sheets";
import { newWorkbook } from "../../src/plan/workbook";
import { namesIn } from "../sim/formulaNames";
import type { SimulatedExcel } from "../sim";
import { scaledPlan } from "./support/plans";
import { useSim } from "./support/sim";

/** Every conditional format whose formula named a name the workbook lacked when it was set. */
const lateFormats = (sim: SimulatedExcel): string[] =>
  sim.sheets().flatMap((s) => sim.conditionalFormats(s.name).filter((cf) => cf.namesMissingWhenSet.length > 0).map((cf) => `${s.name}!${cf.addresses[0]}: ${cf.namesMissingWhenSet.join(", ")}`));

describe("names are defined before the lists and formats that use them", () => {
  const sim = useSim();

  it("Insert JAP template on an empty workbook: Settings and Roster are written first, the JAP has no objective list without a JBP", async () => {
    const { sheetName } = await insertJapTemplate({ month: "2026-03" });
    expect(lateFormats(sim())).toEqual([]);
    // Tabs stay in the plan's order: the JAP, then the Roster and Settings it needed.
    expect(sim().sheets().map((s) => s.name)).toEqual(["Sheet1", sheetName, "Roster", "Settings"]);
    const objectiveCol = sim().tables().find((t) => t.sheet === sheetName)!.columns.indexOf("JBP objective");
    const col = columnLetters(objectiveCol);
    expect(sim().cell(sheetName, `${col}8`).validation).toBeNull();
  });

  it("a JAP inserted next to a JBP gets the JBP's objective list", async () => {
    await insertJbpTemplate({ year: 2026 });
    const { sheetName } = await insertJapTemplate({ month: "2026-03" });
    const objectiveCol = sim().tables().find((t) => t.sheet === sheetName)!.columns.indexOf("JBP objective");
    const col = columnLetters(objectiveCol);
    expect(sim().cell(sheetName, `${col}8`).validation?.rule).toMatchObject({ list: { source: "=JP_ObjectiveIds" } });
    expect(lateFormats(sim())).toEqual([]);
  });

  it("Insert JBP template, the sample plan and a whole plan", async () => {
    await insertJbpTemplate({ year: 2026 });
    await insertSamplePlan();
    await insertPlanData(scaledPlan(30));
    expect(lateFormats(sim())).toEqual([]);
  });
});

describe("the .xlsx writer", () => {
  it("defines every name a new plan file's lists, formats and formulas use (all names go in before any sheet)", async () => {
    const sample = samplePlan(46099);
    const { specs } = newWorkbook({ settings: DEFAULT_SETTINGS, roster: rosterEntries(sample.roster), jbp: sample.jbp, jap: sample.jap });
    const { workbook } = buildWorkbook(specs);
    const defined = new Set<string>([
      ...(workbook.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name.toLowerCase()),
      ...specs.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())),
    ]);
    const used = specs.flatMap((s) => [
      ...s.validations.flatMap((v) => Object.values(v.spec).filter((x): x is string => typeof x === "string" && x.startsWith("="))),
      ...s.conditionalFormats.map((cf) => cf.formula),
      ...s.blocks.flatMap((b) => (b.formulas ?? []).flat()),
    ]);
    expect(used.flatMap(namesIn)).toEqual(expect.arrayContaining(["JP_RosterNames", "JP_ObjectiveIds", "JP_Statuses", "JP_AsOf"]));
    const missing = [...new Set(used.flatMap(namesIn))].filter((n) => !defined.has(n.toLowerCase()));
    expect(missing).toEqual([]);
  });
});
