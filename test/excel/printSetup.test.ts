/**
 * The print setup through the Excel layer (issue 14): freeze panes keep the header rows and ID +
 * Action in view (ExcelApi 1.7), and on ExcelApi 1.9 each sheet gets its page layout: landscape,
 * one page wide, print area, print titles, margins, header and footer. On 1.8, the manifest's
 * floor, the sheets are written without a page layout and nothing fails.
 */
import { insertSamplePlan } from "../../src/excel/insertTemplates";
import { JAP, tableHeaderRow } from "../../src/plan/layouts";
import { measure, useSim } from "./support/sim";

describe("print setup on ExcelApi 1.9", () => {
  const sim = useSim();

  it("gives each sheet its page layout and panes, in the same syncs as before", async () => {
    const { result, syncs } = await measure(sim(), () => insertSamplePlan());
    expect(syncs).toBe(2); // as without the print setup (test/excel/insert.test.ts)
    const sheets = sim().sheets();
    const jap = sheets.find((s) => s.name === result.sheets.find((n) => n.startsWith("JAP")))!;
    expect(jap.freeze).toEqual({ rows: tableHeaderRow(JAP) + 1, cols: 2 });
    expect(jap.pageLayout).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printArea: "A:J",
      printTitleRows: `$${tableHeaderRow(JAP) + 1}:$${tableHeaderRow(JAP) + 1}`,
      leftMargin: 0.4 * 72,
      headerMargin: 0.25 * 72,
    });
    expect(jap.pageLayout.zoom).not.toHaveProperty("verticalFitToPages");
    expect(jap.pageLayout.headersFooters).toMatchObject({ centerHeader: expect.stringMatching(/^Joint Action Plan · [A-Z][a-z]+ \d{4}$/), rightHeader: "Page &P of &N", leftFooter: "&A" });
    for (const s of sheets.filter((x) => result.sheets.includes(x.name))) expect({ sheet: s.name, orientation: s.pageLayout.orientation }).toEqual({ sheet: s.name, orientation: "Landscape" });
  });
});

describe("print setup on ExcelApi 1.8", () => {
  const sim = useSim({ requirementSets: { ExcelApi: "1.8" } });

  it("writes the sheets with their panes and without a page layout, and says nothing fails", async () => {
    const result = await insertSamplePlan();
    const jap = sim().sheets().find((s) => s.name === result.sheets.find((n) => n.startsWith("JAP")))!;
    expect(jap.freeze).toEqual({ rows: tableHeaderRow(JAP) + 1, cols: 2 });
    expect(jap.pageLayout).toMatchObject({ orientation: "Portrait", printArea: null });
  });
});
