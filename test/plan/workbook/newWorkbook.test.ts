import { readReviewLog } from "../../../src/plan/cycle";
import { DEFAULT_SETTINGS } from "../../../src/plan/model";
import { readPlan } from "../../../src/plan/read";
import { samplePlan } from "../../../src/plan/sample";
import { linkedJbpAndJap, PlanNames, specGrid, tableListing } from "../../../src/plan/sheets";
import { summaryInput } from "../../../src/plan/summary";
import { newWorkbook, NEW_FILE_SHEETS as SHEET_NAMES } from "../../../src/plan/workbook/newWorkbook";

describe("newWorkbook", () => {
  const sample = samplePlan();
  const wb = newWorkbook({ settings: DEFAULT_SETTINGS, roster: [], jbp: sample.jbp, jap: sample.jap });

  it("gives the seven sheets in order, the Meeting pack after the RAG Summary", () => {
    expect(wb.specs.map((s) => s.sheetName)).toEqual([SHEET_NAMES.roster, SHEET_NAMES.settings, SHEET_NAMES.jbp, SHEET_NAMES.jap, SHEET_NAMES.summary, SHEET_NAMES.pack, SHEET_NAMES.reviewLog]);
  });

  it("builds the summary from the plan as read: the JAP and the JBP tables, every objective", () => {
    expect(wb.summaryInput.japTables.map((t) => t.sheet)).toEqual([SHEET_NAMES.jap]);
    expect(wb.summaryInput.jbpTables?.map((t) => t.sheet)).toEqual([SHEET_NAMES.jbp]);
    // Counted and listed through the Excel tables, by structured reference: they follow the tables as they grow.
    expect([...wb.summaryInput.japTables, ...(wb.summaryInput.jbpTables ?? []), wb.summaryInput.rosterTable].map((t) => t?.excelTable?.name)).toEqual(["JP_Actions", "JP_Objectives", "JP_Roster"]);
    expect(wb.summary.map.objectives).not.toBeNull();
  });

  it("turns a spec's constants into the grid a reader sees", () => {
    const grid = specGrid(wb.specs[3]);
    const plan = readPlan([grid]);
    expect(plan.japs[0].actions.map((a) => a.id)).toEqual(sample.jap.actions.map((a) => a.id));
    expect(grid.values.every((row) => row.length === grid.values[0].length)).toBe(true);
  });

  it("plans its JBP and JAP exactly as the add-in plans them, but for the sheet names", () => {
    const names = new PlanNames([SHEET_NAMES.roster, SHEET_NAMES.settings]);
    names.take(...wb.specs[0].names.map((n) => n.name), ...wb.specs[1].names.map((n) => n.name));
    const addin = linkedJbpAndJap(names, sample, { jbp: SHEET_NAMES.jbp, jap: SHEET_NAMES.jap });
    expect(wb.specs[2]).toEqual(addin.jbp);
    expect(wb.specs[3]).toEqual(addin.jap);
  });
});

describe("newWorkbook's summary", () => {
  const sample = samplePlan();
  const data = { settings: { ...DEFAULT_SETTINGS, maxPriorities: 4 }, roster: [], jbp: sample.jbp, jap: sample.jap };

  it("is what the plan as read would give (the re-read kept as a cross-check)", () => {
    for (const input of [data, { ...data, roster: sample.roster.map((r) => ({ name: String(r.name), party: r.party as "Principal" | "Distributor", role: "", email: "", active: r.active !== false })) }]) {
      const wb = newWorkbook(input);
      const sheets = wb.specs.filter((s) => s.kind !== "summary");
      const grids = sheets.map(specGrid);
      const read = summaryInput(readPlan(grids), wb.summaryInput.sheetName, sheets.flatMap(tableListing), { reviewLog: readReviewLog(grids).position });
      expect(wb.summaryInput).toEqual(read);
    }
  });

  it("is marked, so that Build summary rebuilds this sheet in place", () => {
    const wb = newWorkbook(data);
    expect(wb.specs[4].names).toEqual([expect.objectContaining({ name: "JP_SummarySheet", formula: "='RAG Summary'!$A$1" })]);
  });
});
