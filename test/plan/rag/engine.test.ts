import { computeActionRag, computeObjectiveRag, computePlanRag } from "../../../src/plan/rag/engine";
import type { PlanWorkbook } from "../../../src/plan/model";
import { action, AS_OF, d, objective, SETTINGS } from "./ragFixtures";

const rag = (a = action(), asOf = AS_OF, settings = SETTINGS) => computeActionRag(a, asOf, settings);

describe("computeActionRag: each rule with its reason", () => {
  it("is Green and on track when nothing is wrong", () => {
    // 17 of 30 days gone: 57 % expected, 60 % done.
    expect(rag()).toMatchObject({ rag: "Green", computed: "Green", overridden: false, reason: "On track", id: "A-1", sheet: "JAP", row: 5 });
  });

  it("Cancelled is Grey", () => {
    expect(rag(action({ status: "Cancelled", due: d("2026-03-01") }))).toMatchObject({ rag: "Grey", reason: "Cancelled" });
  });

  it("no status is Grey, and a status not in the list is named", () => {
    expect(rag(action({ status: null }))).toMatchObject({ rag: "Grey", reason: "Not enough data: no status" });
    expect(rag(action({ status: null }, { status: "Completed" }))).toMatchObject({
      rag: "Grey",
      reason: "Not enough data: status 'Completed' is not in the list",
    });
  });

  it("no due date, or a due date typed as text, is Grey", () => {
    expect(rag(action({ due: null }))).toMatchObject({ rag: "Grey", reason: "Not enough data: no due date" });
    expect(rag(action({ due: null }, { due: "31/03/2026" }))).toMatchObject({ rag: "Grey", reason: "Not enough data: the due date is not a real date" });
  });

  it("Done is Green even when late", () => {
    expect(rag(action({ status: "Done", due: d("2026-03-01"), pctComplete: 0.2 }))).toMatchObject({ rag: "Green", reason: "Done" });
  });

  it("due before the as-of date and not done is Red, with the days", () => {
    expect(rag(action({ due: d("2026-03-06") }))).toMatchObject({ rag: "Red", reason: "Overdue by 12 days" });
    expect(rag(action({ due: d("2026-03-17") }))).toMatchObject({ rag: "Red", reason: "Overdue by 1 day" });
    // Due today is not overdue.
    expect(rag(action({ due: AS_OF, pctComplete: 1 })).rag).toBe("Green");
  });

  it("behind schedule by more than the Red tolerance is Red", () => {
    // Start 03-04, due 03-24: 14 of 20 days = 70 % expected; 35 % done = 35 points behind.
    expect(rag(action({ start: d("2026-03-04"), due: d("2026-03-24"), pctComplete: 0.35 }))).toMatchObject({
      rag: "Red",
      reason: "Behind schedule: 35 % done, 70 % expected",
    });
  });

  it("behind by more than the Amber tolerance only is Amber; exactly at a tolerance is not behind", () => {
    expect(rag(action({ start: d("2026-03-04"), due: d("2026-03-24"), pctComplete: 0.55 }))).toMatchObject({
      rag: "Amber",
      reason: "Behind schedule: 55 % done, 70 % expected",
    });
    // 70 % expected, 50 % done: exactly 20 points is not "more than" the Red tolerance.
    expect(rag(action({ start: d("2026-03-04"), due: d("2026-03-24"), pctComplete: 0.5 })).rag).toBe("Amber");
    // 70 % − 60 % is 0.1 in a spreadsheet (and 0.09999… in plain floating point): not behind.
    expect(rag(action({ start: d("2026-03-04"), due: d("2026-03-24"), pctComplete: 0.6 })).rag).toBe("Green");
  });

  it("blank % complete counts as 0 %", () => {
    expect(rag(action({ pctComplete: null })).reason).toBe("Behind schedule: 0 % done, 57 % expected");
  });

  it("due on the start date expects 100 % once started", () => {
    expect(rag(action({ start: AS_OF, due: AS_OF, pctComplete: 0.5 })).rag).toBe("Red");
    // Not yet started: nothing expected.
    expect(rag(action({ start: d("2026-03-20"), due: d("2026-03-20"), pctComplete: 0 })).rag).toBe("Green");
  });

  it("not started after its start date is Amber", () => {
    expect(rag(action({ status: "Not started", start: d("2026-03-17"), due: d("2026-04-30"), pctComplete: 0 }))).toMatchObject({
      rag: "Amber",
      reason: "Not started, 1 day after its start date",
    });
    expect(rag(action({ status: "Not started", start: d("2026-03-20"), due: d("2026-04-30"), pctComplete: 0 })).rag).toBe("Green");
  });

  it("On hold is Amber", () => {
    expect(rag(action({ status: "On hold" }))).toMatchObject({ rag: "Amber", reason: "On hold" });
  });

  it("a KPI below the Amber threshold is Red, below Green is Amber (Higher is better)", () => {
    expect(rag(action({ target: 100, actual: 81, direction: "Higher is better" }))).toMatchObject({ rag: "Red", reason: "KPI at 81 % of target" });
    expect(rag(action({ target: 100, actual: 90 }))).toMatchObject({ rag: "Amber", reason: "KPI at 90 % of target" });
    expect(rag(action({ target: 100, actual: 95 })).rag).toBe("Green");
  });

  it("Lower is better divides target by actual", () => {
    expect(rag(action({ target: 5, actual: 6, direction: "Lower is better" }))).toMatchObject({ rag: "Red", reason: "KPI at 83 % of target" });
    expect(rag(action({ target: 5, actual: 4, direction: "Lower is better" })).rag).toBe("Green");
  });

  it("guards zero denominators", () => {
    expect(rag(action({ target: 0, actual: 3 })).rag).toBe("Green");
    expect(rag(action({ target: 0, actual: -1 })).reason).toBe("KPI at 0 % of target");
    expect(rag(action({ target: 2, actual: 0, direction: "Lower is better" })).rag).toBe("Green");
    expect(rag(action({ target: -1, actual: 0, direction: "Lower is better" })).rag).toBe("Red");
  });

  it("a KPI needs both figures as numbers", () => {
    expect(rag(action({ target: 100, actual: null })).rag).toBe("Green");
    expect(rag(action({ target: 100, actual: null }, { actual: "81" })).rag).toBe("Green");
  });

  it("a stale update is at least Amber", () => {
    expect(rag(action({ lastUpdate: d("2026-02-15") }))).toMatchObject({ rag: "Amber", reason: "No update for 31 days" });
    expect(rag(action({ lastUpdate: d("2026-02-16") })).rag).toBe("Green");
  });

  it("the worst signal wins and every signal is named, worst first", () => {
    const r = rag(action({ lastUpdate: d("2026-01-01"), target: 100, actual: 50, start: d("2026-03-04"), due: d("2026-03-24"), pctComplete: 0.55 }));
    expect(r.rag).toBe("Red");
    expect(r.reason).toBe("KPI at 50 % of target; Behind schedule: 55 % done, 70 % expected; No update for 76 days");
  });

  it("settings move the thresholds", () => {
    const lenient = { ...SETTINGS, amberThreshold: 0.5, greenThreshold: 0.8 };
    expect(rag(action({ target: 100, actual: 81 }), AS_OF, lenient).rag).toBe("Green");
    expect(rag(action({ lastUpdate: d("2026-03-01") }), AS_OF, { ...SETTINGS, staleDays: 10 }).rag).toBe("Amber");
  });
});

describe("overrides", () => {
  it("an override with a reason replaces the colour and keeps the computed one", () => {
    const r = rag(action({ due: d("2026-03-06"), ragOverride: "Amber", overrideReason: "Agreed delay" }));
    expect(r).toMatchObject({ rag: "Amber", computed: "Red", overridden: true, reason: "Override: Amber (reason: Agreed delay)" });
  });

  it("an override without a reason (or only spaces) is ignored", () => {
    expect(rag(action({ due: d("2026-03-06"), ragOverride: "Green", overrideReason: "   " }))).toMatchObject({ rag: "Red", overridden: false });
  });

  it("Grey is a valid override", () => {
    expect(rag(action({ ragOverride: "Grey", overrideReason: "Paused by both" }))).toMatchObject({ rag: "Grey", computed: "Green", overridden: true });
  });

  it("the sheet's cell wins over the parsed alias, as in the formula", () => {
    // The reader matched "R" to Red, but the formula sees "R", which is not on the list.
    expect(rag(action({ ragOverride: "Red", overrideReason: "x" }, { ragOverride: "R" })).overridden).toBe(false);
  });
});

describe("empty rows", () => {
  it("a row with nothing in ID, Action, Owner, Status, Start and Due is Grey and says so", () => {
    const empty = action({ id: "", action: "", owner: "", status: null, start: null, due: null });
    expect(rag(empty)).toMatchObject({ rag: "Grey", reason: "Empty row: nothing to judge" });
  });
});

describe("computeObjectiveRag", () => {
  const actions = [
    { objectiveId: "O-1", rag: "Green" as const },
    { objectiveId: "o-1", rag: "Amber" as const },
    { objectiveId: "O-2", rag: "Red" as const },
    { objectiveId: "O-1", rag: "Grey" as const },
  ];

  it("rolls up its actions (IDs ignore case) worst-of, Grey left out", () => {
    expect(computeObjectiveRag(objective(), actions, AS_OF, SETTINGS)).toMatchObject({
      rag: "Amber",
      reason: "Amber: actions 1 Amber, 1 Green; no KPI results yet",
    });
  });

  it("joins its own YTD KPI", () => {
    const o = objective({ q1Target: 3000, q1Actual: 2400, q2Target: 3000 });
    const r = computeObjectiveRag(o, actions, AS_OF, SETTINGS);
    expect(r).toMatchObject({ rag: "Red", reason: "Red: KPI at 80 % of the YTD target; actions 1 Amber, 1 Green" });
  });

  it("says first what decides the colour: the actions when the KPI is better", () => {
    const o = objective({ q1Target: 100, q1Actual: 100 });
    expect(computeObjectiveRag(o, actions, AS_OF, SETTINGS)).toMatchObject({ rag: "Amber", reason: "Amber: actions 1 Amber, 1 Green; KPI at 100 % of the YTD target" });
  });

  it("Average score: G, A and a Green KPI average 2.67 → Green", () => {
    const o = objective({ q1Target: 100, q1Actual: 100 });
    expect(computeObjectiveRag(o, actions, AS_OF, { ...SETTINGS, rollUp: "Average score" }).rag).toBe("Green");
  });

  it("is Grey with no actions and no KPI", () => {
    expect(computeObjectiveRag(objective({ id: "O-9" }), actions, AS_OF, SETTINGS)).toMatchObject({ rag: "Grey" });
  });
});

describe("computePlanRag", () => {
  const plan = (withJbp: boolean, rollUp: "Worst of" | "Average score" = "Worst of"): PlanWorkbook => ({
    roster: null,
    settings: { ...SETTINGS, rollUp },
    jbps: withJbp
      ? [
          {
            position: { sheet: "JBP", headerRow: 10, lastRow: 12, columns: {} }, extraHeaders: [],
            header: {} as never,
            objectives: [objective(), objective({ id: "O-2" }, 13)],
          },
        ]
      : [],
    japs: [
      {
        position: { sheet: "JAP", headerRow: 4, lastRow: 7, columns: {} }, extraHeaders: [],
        header: {} as never,
        actions: [
          action(),
          action({ id: "A-2", objectiveId: "O-2", due: d("2026-03-06") }, {}, 6),
          action({ id: "A-3", objectiveId: "O-2", status: "Done" }, {}, 7),
        ],
      },
    ],
    dateOrder: "DMY",
    readFindings: [],
  });

  it("rolls objectives into the plan when there is a JBP", () => {
    const r = computePlanRag(plan(true), AS_OF);
    expect(r.actions.map((a) => a.rag)).toEqual(["Green", "Red", "Green"]);
    expect(r.objectives.map((o) => o.rag)).toEqual(["Green", "Red"]);
    expect(r.plan).toEqual({ rag: "Red", reason: "Red: objectives 1 Red, 1 Green" });
  });

  it("rolls actions into the plan without a JBP, by either method", () => {
    expect(computePlanRag(plan(false), AS_OF).plan).toEqual({ rag: "Red", reason: "Red: actions 1 Red, 2 Green" });
    // (1 + 3 + 3) / 3 = 2.33 → Amber
    expect(computePlanRag(plan(false, "Average score"), AS_OF).plan).toEqual({ rag: "Amber", reason: "Amber (average score): actions 1 Red, 2 Green" });
  });
});
