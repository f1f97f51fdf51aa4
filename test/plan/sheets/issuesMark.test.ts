import { JAP, tableHeaderRow } from "../../../src/plan/layouts";
import { issuesMark, issuesMarkKey, markedIssuesColumns } from "../../../src/plan/sheets/issuesMark";
import { japSheetSpec, PlanNames } from "../../../src/plan/sheets/planSheets";

describe("the Issues column's mark", () => {
  it("each new JAP sheet marks its Issues column's header cell, under a name of its own", () => {
    const names = new PlanNames([], ["JP_Issues"]);
    const spec = japSheetSpec(names, { distributor: "Andes", month: 46082, link: null });
    const col = spec.tables[0].position.columns.issues;
    const mark = spec.names.find((n) => n.name.startsWith("JP_Issues"));
    expect(mark).toMatchObject({ name: "JP_Issues_2", formula: `='${spec.sheetName}'!$W$${tableHeaderRow(JAP) + 1}` });
    expect([...markedIssuesColumns(spec.names)]).toEqual([issuesMarkKey(spec.sheetName, tableHeaderRow(JAP), col)]);
  });

  it("follows the sheet's name as Excel rewrites it, and a #REF! mark marks nothing", () => {
    const marks = markedIssuesColumns([
      issuesMark("JP_Issues", "It's March", 6, 22),
      { name: "JP_Issues_3", formula: "=#REF!$W$7" },
      // Another name over the same cell proves nothing.
      { name: "MyIssues", formula: "=JAP!$W$7" },
    ]);
    expect([...marks]).toEqual([issuesMarkKey("it's march", 6, 22)]);
    expect(marks.has(issuesMarkKey("IT'S MARCH", 6, 22))).toBe(true);
  });
});
