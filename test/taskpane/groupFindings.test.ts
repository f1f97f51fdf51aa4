import { countLabel, groupFindings, ruleTitle } from "../../src/taskpane/check/groupFindings";
import { finding } from "./commandApiMock";

describe("groupFindings", () => {
  it("groups by sheet in order met, then family in owner, date, kpi, structure order, errors first then down the sheet", () => {
    const findings = [
      finding({ rule: "kpi.targetNotNumber", severity: "error", sheet: "JAP", cell: "O9", row: 8 }),
      finding({ rule: "owner.notOnRoster", severity: "warning", sheet: "JAP", cell: "F5", row: 4 }),
      finding({ rule: "structure.duplicateId", severity: "error", sheet: "JBP", cell: "A12", row: 11 }),
      finding({ rule: "owner.missing", severity: "error", sheet: "JAP", cell: "F10", row: 9 }),
      finding({ rule: "owner.missing", severity: "error", sheet: "JAP", cell: "F8", row: 7 }),
      finding({ rule: "date.startAfterDue", severity: "warning", sheet: "JAP", cell: "G3", row: 2 }),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings])).toEqual([
      ["JAP", 3, 2],
      ["JBP", 1, 0],
    ]);
    expect(groups[0].families.map((f) => f.family)).toEqual(["owner", "date", "kpi"]);
    expect(groups[0].families[0].findings.map((f) => f.cell)).toEqual(["F8", "F10", "F5"]);
  });

  it("orders cells within a row by column letters, AA after Z", () => {
    const groups = groupFindings([
      finding({ rule: "kpi.a", cell: "AA5", row: 4 }),
      finding({ rule: "kpi.b", cell: "Z5", row: 4 }),
      finding({ rule: "kpi.c", cell: "B5", row: 4 }),
    ]);
    expect(groups[0].families[0].findings.map((f) => f.cell)).toEqual(["B5", "Z5", "AA5"]);
  });

  it("offers 'repair all of this kind' per rule only where a rule has more than one repair", () => {
    const repair = (cell: string) => ({ sheet: "JAP", cell, value: "Ana Silva", label: "Use 'Ana Silva'" });
    const groups = groupFindings([
      finding({ rule: "owner.notOnRoster", cell: "F5", row: 4, repair: repair("F5") }),
      finding({ rule: "owner.notOnRoster", cell: "F6", row: 5, repair: repair("F6") }),
      finding({ rule: "owner.notOnRoster", cell: "F7", row: 6 }),
      finding({ rule: "owner.partyMismatch", cell: "F9", row: 8, repair: repair("F9") }),
    ]);
    expect(groups[0].families[0].bulk).toEqual([{ rule: "owner.notOnRoster", title: "Not on roster", repairs: [repair("F5"), repair("F6")] }]);
  });
});

describe("labels", () => {
  it("turns rule ids into words and counts into phrases", () => {
    expect(ruleTitle("date.startAfterDue")).toBe("Start after due");
    expect(countLabel(1, 2)).toBe("1 error, 2 warnings");
    expect(countLabel(0, 0)).toBe("no problems");
  });
});
