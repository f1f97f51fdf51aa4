import { JAP, JBP, tableHeaderRow } from "../../../src/plan/layouts";
import { LIST_NAMES, serialFromYmd } from "../../../src/plan/model";
import { readPlan } from "../../../src/plan/read";
import { samplePlan } from "../../../src/plan/sample";
import type { SheetSpec } from "../../../src/plan/sheets/sheetSpec";
import {
  japSheetSpec,
  jbpSheetSpec,
  linkedJbpAndJap,
  PlanNames,
  rosterEntries,
  specGrid,
  TEMPLATE_ACTION_ROWS,
  TEMPLATE_OBJECTIVE_ROWS,
} from "../../../src/plan/sheets/planSheets";

/** The formula of a column on the first data row of a spec's table. */
function firstFormula(spec: SheetSpec, key: string): string {
  const t = spec.tables[0];
  const col = t.position.columns[key];
  for (const b of spec.blocks) {
    if (!b.formulas) continue;
    const m = /^([A-Z]+)(\d+)/.exec(b.address)!;
    const firstCol = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const firstRow = Number(m[2]) - 1;
    const i = (t.position.headerRow + 1) - firstRow;
    const j = col - firstCol;
    if (i >= 0 && i < b.formulas.length && j >= 0 && j < b.formulas[i].length) return b.formulas[i][j] ?? "";
  }
  return "";
}

describe("linkedJbpAndJap", () => {
  const sample = samplePlan();

  it("names the sheets by year and month, and links them both ways", () => {
    const { jbp, jap } = linkedJbpAndJap(new PlanNames(), sample);
    expect([jbp.sheetName, jap.sheetName]).toEqual(["JBP 2026", "JAP 2026-03"]);
    expect([jbp.tables[0].name, jap.tables[0].name]).toEqual([JBP.tableName, JAP.tableName]);
    // The JAP names its JBP in the header and offers the JBP's IDs in its objective list.
    const grid = readPlan([specGrid(jap)]);
    expect(grid.japs[0].header.jbpSheet).toBe("JBP 2026");
    const objectiveCol = JAP.columns.findIndex((c) => c.key === "objectiveId");
    const list = jap.validations.find((v) => v.address.startsWith(String.fromCharCode(65 + objectiveCol)));
    expect(list?.spec).toMatchObject({ type: "list", source: `=${LIST_NAMES.objectiveIds}` });
    // The JBP defines that name over its ID column, and counts the JAP's actions by colour.
    expect(jbp.names.map((n) => n.name)).toEqual([LIST_NAMES.objectiveIds]);
    expect(jbp.names[0].formula).toBe(`=${jbp.tables[0].name}[ID]`);
    for (const key of ["actionsRed", "actionsAmber", "actionsGreen"]) expect(firstFormula(jbp, key)).toContain(`${jap.tables[0].name}[RAG]`);
  });

  it("keeps the sample's JAP header and rows, offering at least the template's empty rows", () => {
    const { jbp, jap } = linkedJbpAndJap(new PlanNames(), sample);
    const plan = readPlan([specGrid(jbp), specGrid(jap)]);
    expect(plan.japs[0].header).toMatchObject({ distributor: sample.jap.header.distributor, month: sample.jap.header.month, reviewDate: sample.jap.header.reviewDate });
    expect(jap.tables[0].position.lastRow - jap.tables[0].position.headerRow).toBe(Math.max(TEMPLATE_ACTION_ROWS, sample.jap.actions.length));
    expect(jbp.tables[0].position.lastRow - jbp.tables[0].position.headerRow).toBe(TEMPLATE_OBJECTIVE_ROWS);
    const many = linkedJbpAndJap(new PlanNames(), { jbp: sample.jbp, jap: { header: sample.jap.header, actions: [...sample.jap.actions, ...sample.jap.actions] } });
    expect(many.jap.tables[0].position.lastRow - many.jap.tables[0].position.headerRow).toBe(40);
  });

  it("never takes a name the workbook has: sheets get ' (2)', tables '_2', and an existing JP_ObjectiveIds is left alone", () => {
    const names = new PlanNames(["jbp 2026", "JAP 2026-03"], [JBP.tableName, "jp_actions", LIST_NAMES.objectiveIds]);
    const { jbp, jap } = linkedJbpAndJap(names, sample);
    expect([jbp.sheetName, jap.sheetName]).toEqual(["JBP 2026 (2)", "JAP 2026-03 (2)"]);
    expect([jbp.tables[0].name, jap.tables[0].name]).toEqual(["JP_Objectives_2", "JP_Actions_2"]);
    expect(jbp.names).toEqual([]);
    // The JAP then lists this JBP's own ID column, not the other JBP's name.
    const objectiveCol = JAP.columns.findIndex((c) => c.key === "objectiveId");
    const list = jap.validations.find((v) => v.address.startsWith(String.fromCharCode(65 + objectiveCol)));
    expect(list?.spec).toMatchObject({ source: `='JBP 2026 (2)'!$A$${tableHeaderRow(JBP) + 2}:$A$${tableHeaderRow(JBP) + 1 + TEMPLATE_OBJECTIVE_ROWS}` });
  });
});

describe("jbpSheetSpec and japSheetSpec alone (the add-in's Insert JBP / Insert JAP)", () => {
  it("make empty templates of 8 objectives and 20 actions, the JAP unlinked when there is no JBP", () => {
    const names = new PlanNames();
    const jbp = jbpSheetSpec(names, { header: { year: 2027 }, year: 2027 });
    const jap = japSheetSpec(names, { distributor: "Andes", month: serialFromYmd(2027, 2, 1)!, link: null });
    expect([jbp.sheetName, jap.sheetName]).toEqual(["JBP 2027", "JAP 2027-02"]);
    expect(jbp.tables[0].position.lastRow - jbp.tables[0].position.headerRow).toBe(TEMPLATE_OBJECTIVE_ROWS);
    expect(jap.tables[0].position.lastRow - jap.tables[0].position.headerRow).toBe(TEMPLATE_ACTION_ROWS);
    expect(readPlan([specGrid(jap)]).japs[0].header.jbpSheet).toBe("");
    // A second JBP does not define JP_ObjectiveIds again.
    expect(jbpSheetSpec(names, { header: { year: 2027 }, year: 2027 })).toMatchObject({ sheetName: "JBP 2027 (2)", names: [] });
  });

  it("fall back to the plain names when the year or month is missing", () => {
    const names = new PlanNames();
    expect(jbpSheetSpec(names, { header: {}, year: NaN }).sheetName).toBe("JBP");
    expect(japSheetSpec(names, { distributor: "", month: null, link: null }).sheetName).toBe("JAP");
  });
});

describe("rosterEntries", () => {
  it("reads roster rows as entries: blank text is empty, Active is Yes unless false", () => {
    expect(rosterEntries([{ name: "Ana Silva", party: "Principal", role: null, active: null }, { name: null, party: "Distributor", email: "x@y.example", active: false }])).toEqual([
      { name: "Ana Silva", party: "Principal", role: "", email: "", active: true },
      { name: "", party: "Distributor", role: "", email: "x@y.example", active: false },
    ]);
  });
});
