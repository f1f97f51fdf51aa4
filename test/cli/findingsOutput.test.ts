import { findingsJson, findingsText } from "../../src/cli/findingsOutput";
import type { Finding } from "../../src/plan/model";

const owner: Finding = {
  rule: "owner.notOnRoster",
  severity: "error",
  sheet: "JAP",
  cell: "F9",
  row: 8,
  message: "Owner 'Ana Silvaa' is not on the Roster. Did you mean 'Ana Silva'?",
  repair: { sheet: "JAP", cell: "F9", value: "Ana Silva", label: "Use 'Ana Silva'" },
  alternative: { sheet: "JAP", cell: "F9", value: "Ana Silvaa", label: "Add 'Ana Silvaa' to the Roster as Principal", addToRoster: { name: "Ana Silvaa", party: "Principal" } },
};
const objective: Finding = {
  rule: "structure.unknownObjective",
  severity: "error",
  sheet: "JAP",
  cell: "B10",
  row: 9,
  message: "JBP objective 'O-9' is not an objective ID of the JBP. Choose one from the list.",
  repair: { sheet: "JAP", cell: "B10", value: null, label: "Choose an objective", choices: [{ value: "O-1", label: "O-1: Grow" }, { value: "O-2", label: "O-2: Cut" }] },
};

describe("check output of the repairs that choose or add to the Roster (issue 15, item 10)", () => {
  it("JSON carries the choices, the person to add and the second repair; null where there is none", () => {
    const [a, b] = findingsJson([owner, objective]).findings;
    expect(a.repair).toEqual({ value: "Ana Silva", label: "Use 'Ana Silva'", numberFormat: null, choices: null, addToRoster: null });
    expect(a.alternative).toEqual({ value: "Ana Silvaa", label: "Add 'Ana Silvaa' to the Roster as Principal", numberFormat: null, choices: null, addToRoster: { name: "Ana Silvaa", party: "Principal" } });
    expect(b.repair).toMatchObject({ value: null, choices: [{ value: "O-1", label: "O-1: Grow" }, { value: "O-2", label: "O-2: Cut" }], addToRoster: null });
    expect(b.alternative).toBeNull();
  });

  it("the listing names both repairs and what there is to choose from", () => {
    const text = findingsText([owner, objective], { file: "plan.xlsx", asOf: "2026-03-18", actions: 2, objectives: 1 });
    expect(text).toMatch(/ repair: Use 'Ana Silva'\n/);
    expect(text).toMatch(/ or repair: Add 'Ana Silvaa' to the Roster as Principal\n/);
    expect(text).toMatch(/ repair: Choose an objective: O-1, O-2\n?/);
  });
});
