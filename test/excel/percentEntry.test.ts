/**
 * Typing percentages (issue 12, item 7). Excel's automatic percent entry stores a number typed into
 * a cell formatted as a percentage as that percentage (90 → 0.9, KB 215203; test/sim/typing.ts), so a
 * planner who types 90 into "% complete" has typed 90 %, and the check says nothing. The "% complete
 * is 90, did you mean 90 %?" rule is for values that arrive as they are: pasted, imported, or
 * written by code (the sample's A-11 is such a value).
 */
import { checkPlan } from "../../src/excel/checkPlan";
import { insertPlanData } from "../../src/excel/insertTemplates";
import { scaledPlan } from "./support/plans";
import { useSim } from "./support/sim";

const pctFindings = (findings: { rule: string; cell: string }[], cell: string) => findings.filter((f) => f.rule === "kpi.percentScale" && f.cell === cell);

describe("% complete as people enter it", () => {
  const sim = useSim();

  it("a typed 90 is 90 % (no finding); a pasted 90 is 9,000 % (the finding, with its repair)", async () => {
    const { jap } = await insertPlanData(scaledPlan(20));
    // A-01 (row 8): % complete in column G, formatted as a percentage.
    expect(sim().cell(jap, "G8").numberFormat).toMatch(/%/);
    await sim().userEdit(jap, "G8", [[90]]);
    expect(sim().cell(jap, "G8").value).toBeCloseTo(0.9, 12);
    expect(pctFindings((await checkPlan()).findings, "G8")).toEqual([]);

    await sim().userEdit(jap, "G8", [[90]], "paste");
    expect(sim().cell(jap, "G8").value).toBe(90);
    const found = pctFindings((await checkPlan()).findings, "G8");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ repair: { value: 0.9 } });
  });
});
