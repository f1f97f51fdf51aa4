import { JAP, tableHeaderRow } from "../../../src/plan/layouts";
import { brief, findingsOf } from "../../support/checkPlan";
import { AS_OF, d, JAP_HEADER, soundPlan, withAction } from "../../support/soundPlan";
import { colOf } from "../../support/planGrids";

const r = (i: number) => tableHeaderRow(JAP) + 2 + i; // A1 row number of action i
const G = (i: number) => `${colOf(JAP, "start")}${r(i)}`; // Start
const H = (i: number) => `${colOf(JAP, "due")}${r(i)}`; // Due
const R = (i: number) => `${colOf(JAP, "lastUpdate")}${r(i)}`; // Last update

describe("date rules", () => {
  test("date.missing: Start and Due are required, Last update is not", () => {
    expect(brief(findingsOf(soundPlan(withAction(0, { start: null, lastUpdate: null }))))).toEqual([["date.missing", "error", G(0)]]);
    expect(findingsOf(soundPlan(withAction(0, { due: "" })))[0].message).toBe("Due is empty. Type the due date, such as 2026-03-05.");
  });

  test("date.notADate: a text date gets a repair to the real date with a date format", () => {
    const f = findingsOf(soundPlan(withAction(0, { due: "2026-03-31" })));
    expect(f).toEqual([
      {
        rule: "date.notADate",
        severity: "error",
        sheet: "JAP",
        cell: H(0),
        row: r(0) - 1,
        message: "Due '2026-03-31' is text, not a date, so Excel cannot compare or count it. Make it the date 2026-03-31.",
        repair: { sheet: "JAP", cell: H(0), value: d("2026-03-31"), label: "Make this the date 2026-03-31", numberFormat: "yyyy-mm-dd" },
      },
    ]);
  });

  test("date.notADate: text that is no date, booleans, errors and impossible serials have no repair", () => {
    for (const [value, message] of [
      ["next week", "Due 'next week' is not a date. Type a date such as 2026-03-05."],
      ["31/02/2026", "Due '31/02/2026' is not a date. Type a date such as 2026-03-05."],
      [true, "Due TRUE is not a date. Type a date such as 2026-03-05."],
      [{ error: "#VALUE!" }, "Due shows the error #VALUE!. Type a date such as 2026-03-05."],
      [-5, "Due -5 is not a date. Type a date such as 2026-03-05."],
    ] as const) {
      const f = findingsOf(soundPlan(withAction(0, { due: value })));
      expect(f.map((x) => [x.rule, x.message, x.repair])).toEqual([["date.notADate", message, undefined]]);
    }
  });

  test("date.ambiguous: read with the workbook's order, reported as a warning alongside the text date", () => {
    const f = findingsOf(soundPlan(withAction(0, { start: "05/03/2026" })));
    expect(brief(f)).toEqual([
      ["date.notADate", "error", G(0)],
      ["date.ambiguous", "warning", G(0)],
    ]);
    expect(f[1].message).toBe("Start '05/03/2026' could be 5 March 2026 or 3 May 2026; it is read as 5 March 2026 (day first, the workbook's date order).");
    const mdy = findingsOf(soundPlan({ ...withAction(0, { start: "05/03/2026" }), settings: { dateOrder: "MDY" } }));
    expect(mdy[0].repair?.value).toBe(d("2026-05-03"));
    expect(mdy[1].message).toContain("it is read as 3 May 2026 (month first");
  });

  test("date.startAfterDue", () => {
    const f = findingsOf(soundPlan(withAction(0, { start: d("2026-03-25"), due: d("2026-03-20") })));
    expect(f.map((x) => [x.rule, x.cell, x.message])).toEqual([["date.startAfterDue", G(0), "Start 2026-03-25 is after Due 2026-03-20. An action must start on or before its due date."]]);
  });

  test("date.outsidePeriod: due before the JAP's month, start after it", () => {
    expect(findingsOf(soundPlan(withAction(1, { start: d("2026-02-01"), due: d("2026-02-20") }))).map((x) => [x.rule, x.severity, x.cell, x.message])).toEqual([
      ["date.outsidePeriod", "warning", H(1), "Due 2026-02-20 is before the start of March 2026, the month of this JAP."],
    ]);
    expect(findingsOf(soundPlan(withAction(2, { start: d("2026-04-02"), due: d("2026-04-10") }))).map((x) => x.message)).toEqual([
      "Start 2026-04-02 is after the end of March 2026, the month of this JAP.",
    ]);
    // An action spanning the month overlaps it: fine.
    expect(findingsOf(soundPlan(withAction(2, { start: d("2026-02-20"), due: d("2026-04-10") })))).toEqual([]);
  });

  test("date.outsidePeriod: without a month, the JBP period applies", () => {
    const f = findingsOf(soundPlan({ ...withAction(2, { start: d("2027-01-05"), due: d("2027-01-10") }), japHeader: { ...JAP_HEADER, month: null } }));
    expect(f.map((x) => [x.rule, x.message])).toEqual([
      ["structure.headerMissing", "The JAP table on sheet 'JAP' has no value for 'Month'. Type it next to the label."],
      ["date.outsidePeriod", "Start 2027-01-05 is after the JBP period end 31 December 2026."],
    ]);
  });

  test("date.updateInFuture", () => {
    const f = findingsOf(soundPlan(withAction(0, { lastUpdate: AS_OF + 1 })));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.message])).toEqual([["date.updateInFuture", "error", R(0), "Last update 2026-03-19 is after the as-of date 2026-03-18. An update cannot be in the future."]]);
  });

  test("date.overdue: due before the as-of date and not Done or Cancelled", () => {
    const f = findingsOf(soundPlan(withAction(0, { due: d("2026-03-06") })));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.message])).toEqual([
      ["date.overdue", "warning", H(0), "Due 2026-03-06 is before the as-of date 2026-03-18 (overdue by 12 days) and the action is not done."],
    ]);
    expect(findingsOf(soundPlan(withAction(0, { due: d("2026-03-06"), status: "Cancelled" })))).toEqual([]);
    expect(findingsOf(soundPlan(withAction(0, { due: AS_OF })))).toEqual([]);
    // A later as-of date makes it overdue: the as-of date is the check's, not the Settings'.
    expect(brief(findingsOf(soundPlan(), d("2026-04-05")))).toContainEqual(["date.overdue", "warning", H(0)]);
  });
});
