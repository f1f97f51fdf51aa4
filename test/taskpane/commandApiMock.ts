/**
 * A jest mock of src/excel/commandApi for component tests, with data builders. Use it as
 * `jest.mock("../../src/excel/commandApi", () => require("./commandApiMock").commandApiMock())`.
 */
import type { ActionRef, Overview, ReviewState } from "../../src/excel/commandApi";
import { DEFAULT_SETTINGS, type Finding, type Rag } from "../../src/plan/model";

export function commandApiMock(): Record<string, jest.Mock> {
  return {
    insertJapTemplate: jest.fn(async () => ({ message: "Inserted JAP.", sheetName: "JAP" })),
    insertJbpTemplate: jest.fn(async () => ({ message: "Inserted JBP.", sheetName: "JBP" })),
    insertSamplePlan: jest.fn(async () => ({ message: "Inserted the sample plan.", sheets: ["Roster", "JBP", "JAP"] })),
    checkPlan: jest.fn(async () => ({ message: "No problems.", errors: 0, warnings: 0, findings: [], overview: overview() })),
    applyRepairs: jest.fn(async (repairs: unknown[]) => ({ message: `Repaired ${repairs.length}.`, applied: repairs.length, skipped: [] })),
    buildSummary: jest.fn(async () => ({ message: "Built.", sheetName: "RAG Summary" })),
    recordQuarterlyReview: jest.fn(async () => ({ message: "Recorded the quarterly review of 2026-07-06 ('JBP' Q2 2026): 5 objectives in 'Quarterly Reviews' (a new sheet).", sheetName: "Quarterly Reviews", date: 46209, recorded: 5, replaced: 0 })),
    buildMeetingPack: jest.fn(async () => ({ message: "Built 'Meeting pack': one page for the review meeting.", sheetNames: ["Meeting pack"] })),
    getOverview: jest.fn(async () => overview()),
    goToCell: jest.fn(async () => undefined),
    readSettings: jest.fn(async () => ({ ...DEFAULT_SETTINGS })),
    writeSettings: jest.fn(async () => ({ message: "Settings saved." })),
    addRosterEntries: jest.fn(async (entries: unknown[]) => ({ message: `Added ${entries.length}.`, added: entries.length, skipped: [] })),
    listPlanSheets: jest.fn(async () => ({ jbps: [], japs: [] })),
    startLiveCheck: jest.fn(async () => async () => undefined),
    getReviewState: jest.fn(async () => reviewState()),
    recordReview: jest.fn(async () => ({ message: "Recorded the review of 2026-03-20: 2 actions of 1 current JAP in 'Review Log'.", sheetName: "Review Log", date: 46101, recorded: 2, replaced: 0 })),
    startNextMonth: jest.fn(async () => ({ message: "Started 'JAP 2026-04' (Andes SA, 2026-04) from 'JAP 2026-03': carried 1 open action (A-01).", started: [], unreviewed: [], summarySheet: null })),
    isJointPlanError: jest.fn((e: unknown) => e instanceof Error && e.name === "JointPlanError"),
  };
}

/** A Review tab's state: one current JAP with two actions, one earlier review. */
export function reviewState(over: Partial<ReviewState["japs"][number]> = {}): ReviewState {
  const counts = (red: number, amber: number, green: number) => ({ Red: red, Amber: amber, Green: green, Grey: 0 });
  const change = (actionId: string, ragThen: Rag | null, ragNow: Rag | null) => ({ actionId, action: `Action ${actionId}`, owner: "Ana Silva", ragThen, ragNow });
  return {
    today: 46101,
    logSheet: "Review Log",
    japs: [
      {
        sheet: "JAP 2026-03",
        distributor: "Andes SA",
        month: "2026-03",
        reviewed: false,
        lastReview: 46070,
        actions: [
          { id: "A-01", action: "Launch the summer promotion", owner: "Ana Silva", rag: "Red", trend: [{ date: 46070, rag: "Amber" }] },
          { id: "A-02", action: "Train the sales team", owner: "Ben Ode", rag: "Green", trend: [{ date: 46070, rag: "Green" }] },
        ],
        changes: {
          then: 46070,
          now: 46101,
          turnedRed: [change("A-01", "Amber", "Red")],
          recovered: [],
          dueMoved: [],
          newlyDone: [],
          newlyOverdue: [],
          added: [],
          dropped: [change("A-09", "Green", null)],
          countsThen: counts(0, 1, 2),
          countsNow: counts(1, 0, 1),
        },
        trend: [{ date: 46070, counts: counts(0, 1, 2) }],
        meeting: {
          asOf: 46101,
          planRag: "Amber",
          why: "Amber: objectives 0 Red, 1 Amber, 1 Green (worst of)",
          objectives: [
            { sheet: "JBP", cell: "A12", id: "OBJ-1", objective: "Grow sell-out in the north", rag: "Amber", pctToTarget: 0.91, red: 1, amber: 0, green: 0 },
            { sheet: "JBP", cell: "A13", id: "OBJ-2", objective: "Widen distribution", rag: "Green", pctToTarget: null, red: 0, amber: 0, green: 1 },
          ],
          redAmber: [actionRef({ sheet: "JAP 2026-03", cell: "A7" })],
          overdue: [{ ...actionRef({ sheet: "JAP 2026-03", cell: "A7", reason: "11 days late · next step: Call the buyer" }), daysOverdue: 11 }],
          more: { objectives: "", redAmber: "", overdue: "" },
          titles: { redAmber: "Red and Amber actions: 1", overdue: "Overdue actions: 1" },
        },
        ...over,
      },
    ],
  };
}

export function actionRef(over: Partial<ActionRef> = {}): ActionRef {
  return {
    sheet: "JAP",
    cell: "D7",
    id: "A-01",
    action: "Launch the summer promotion",
    owner: "Ana Silva",
    due: 46090,
    rag: "Red",
    reason: "Due 2026-03-09 and not done",
    ...over,
  };
}

export function overview(over: Partial<Overview> = {}): Overview {
  const counts: Record<Rag, number> = { Red: 2, Amber: 3, Green: 10, Grey: 1 };
  return {
    hasPlan: true,
    asOf: 46099,
    plan: { rag: "Amber", reason: "3 of 16 actions are Amber" },
    counts,
    overridden: 0,
    pctComplete: 0.42,
    actions: 16,
    overdue: [actionRef()],
    stale: [],
    actionRags: [actionRef()],
    ...over,
  };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: "owner.notOnRoster",
    severity: "error",
    sheet: "JAP",
    cell: "F7",
    row: 6,
    message: "'Ana Silvaa' is not on the roster. Did you mean 'Ana Silva'?",
    ...over,
  };
}
