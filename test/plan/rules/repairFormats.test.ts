/**
 * A repair that turns text into a number or a date sets the column's number format with the value:
 * the text was typed into a "@" (Text) cell, where the number alone would still show as text.
 */
import { type Finding, parseCellA1 } from "../../../src/plan/model";
import { DATE_FORMAT, JAP, JBP, NUMBER_FORMAT, PERCENT_FORMAT, type TableLayout } from "../../../src/plan/layouts";
import { findingsOf } from "../../support/checkPlan";
import { soundPlan, soundActions, soundObjectives } from "../../support/soundPlan";

/** The sound plan with numbers and dates typed as text in every kind of figure and date column. */
function textFigures() {
  return soundPlan({
    actions: () =>
      soundActions().map((a, i) =>
        i === 0 ? { ...a, priority: "1", pctComplete: "50 %", baseline: "0", target: "1,200", actual: "18", start: "2026-03-02", due: "31/03/2026", lastUpdate: "2026-03-16" } : a,
      ),
    objectives: () => soundObjectives().map((o, i) => (i === 0 ? { ...o, baseline: "10 000", q2Target: "3,000", fyTarget: "12000", q1Actual: "2.900" } : o)),
  });
}

const layoutOf = (f: Finding): TableLayout => (f.sheet === "JAP" ? JAP : JBP);
/** The layout column a finding's cell is in (the tables start in column A). */
function columnOf(f: Finding) {
  const at = parseCellA1(f.cell)!;
  return layoutOf(f).columns[at.col];
}

describe("repairs of text into numbers and dates", () => {
  const findings = findingsOf(textFigures());
  const textToValue = findings.filter((f) => f.repair && typeof f.repair.value === "number");

  it("are offered for every figure and date typed as text", () => {
    expect(textToValue.map((f) => `${f.sheet}!${columnOf(f).key}`).sort()).toEqual(
      [
        "JAP!actual", "JAP!baseline", "JAP!due", "JAP!lastUpdate", "JAP!pctComplete", "JAP!priority", "JAP!start", "JAP!target",
        "JBP!baseline", "JBP!fyTarget", "JBP!q1Actual", "JBP!q2Target",
      ].sort(),
    );
  });

  it("each carry their column's number format", () => {
    for (const f of textToValue) {
      const column = columnOf(f);
      expect({ cell: f.cell, key: column.key, numberFormat: f.repair!.numberFormat }).toEqual({ cell: f.cell, key: column.key, numberFormat: column.numberFormat });
    }
    const byKey = Object.fromEntries(textToValue.filter((f) => f.sheet === "JAP").map((f) => [columnOf(f).key, f.repair!.numberFormat]));
    expect(byKey).toMatchObject({ target: NUMBER_FORMAT, pctComplete: PERCENT_FORMAT, priority: "0", start: DATE_FORMAT, due: DATE_FORMAT });
  });
});
