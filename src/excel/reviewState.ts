/**
 * What the task pane's Review tab shows, read in five syncs whatever the log's length: the plan
 * (three: the current JAPs' cells only), the key columns of the Review Log's end (one), then only the rows of each current distributor's last
 * reviews (one, more only past the response budget): whole rows for the last two, the action ID and
 * RAG for the four before. From them the cycle room computes what changed
 * since the last review (the plan as it stands today against the last recorded review), each
 * action's last colours and the plan's trend. Nothing is written.
 */
import { actionTrends, planTrend, reviewChanges, reviewRows, reviewsOf, type ReviewChanges, type TrendPoint } from "../plan/cycle";
import { cellA1, type CellValue, distributorKey, isoFromSerial, japStandings, matchRag, type Rag, todaySerial } from "../plan/model";
import { packFigures, packInputOf, packSubjects, PACK_SHEET_NAME } from "../plan/pack";
import type { ActionRef } from "../plan/summary";
import { readPlan } from "../plan/read";
import { runExcel } from "./context";
import { inputGrids, readWorkbookState } from "./readWorkbookState";
import { readRecentReviews } from "./recentReviews";
import { capabilities } from "./requirements";

export interface ReviewAction {
  id: string;
  action: string;
  owner: string;
  /** The RAG as of today. */
  rag: Rag;
  /** Its colours at the last reviews, oldest first. */
  trend: { date: number; rag: Rag }[];
}

/** An objective as the meeting sees it: its own RAG, KPI attainment and its actions' colours on this JAP. */
export interface MeetingObjective {
  sheet: string;
  /** The objective's ID cell. */
  cell: string;
  id: string;
  objective: string;
  rag: Rag | null;
  /** KPI attainment against the YTD target (0.95 is 95 %), or null when there is none yet. */
  pctToTarget: number | null;
  red: number;
  amber: number;
  green: number;
}

/**
 * The Meeting pack's content for one JAP (packFigures, the numbers the Meeting pack sheet shows):
 * the plan's RAG and why, the objectives, the Red and Amber actions with reasons, the overdue ones.
 */
export interface MeetingView {
  asOf: number;
  planRag: Rag;
  why: string;
  objectives: MeetingObjective[];
  redAmber: ActionRef[];
  overdue: (ActionRef & { daysOverdue: number })[];
  /** "… and 3 more on the JAP" for each list, "" when everything is listed. */
  more: { objectives: string; redAmber: string; overdue: string };
  /** The lists' headings with their counts, as on the sheet ("Red and Amber actions: 9"). */
  titles: { redAmber: string; overdue: string };
}

export interface JapReview {
  sheet: string;
  distributor: string;
  /** "2026-03", or "" when the JAP has no month. */
  month: string;
  /** True when the Review Log has a review of this JAP's month. */
  reviewed: boolean;
  /** The date of the last review recorded for this distributor, or null. */
  lastReview: number | null;
  actions: ReviewAction[];
  /** Today's plan against the last review (not one of this month recorded today); null when there is none. */
  changes: ReviewChanges | null;
  /** The plan's counts at each review read, oldest first. */
  trend: TrendPoint[];
  /** What the meeting looks at (the Meeting pack's content), null when the JAP cannot have a pack. */
  meeting: MeetingView | null;
}

export interface ReviewState {
  today: number;
  japs: JapReview[];
  /** The Review Log's sheet, or null when there is none yet. */
  logSheet: string | null;
}

export async function getReviewState(): Promise<ReviewState> {
  const caps = capabilities();
  const today = todaySerial(new Date());
  return runExcel(async (context) => {
    const state = await readWorkbookState(context, caps, { notes: false, currentJapsOnly: true });
    const plan = readPlan(inputGrids(state), { dateOrder: state.dateOrder });
    const current = japStandings(plan).filter((s) => s.current);
    const { log, keys, rows } = await readRecentReviews(context, state, new Set(current.map((s) => distributorKey(s.cycle.distributor))), undefined, current.reduce((n, s) => n + s.jap.actions.length, 0));
    // The pack's figures as of the plan's day (the Settings' as-of date, else today), as the sheet shows them.
    const asOf = Math.floor(plan.settings.asOf ?? today);
    const subjects = packSubjects(plan, rows);
    const meetingOf = (sheet: string, ragOf: ReadonlyMap<string, Rag>): MeetingView | null => {
      const subject = subjects.find((x) => x.jap.position.sheet === sheet);
      if (!subject) return null;
      const input = packInputOf(plan, subject, { sheetName: PACK_SHEET_NAME, asOf, tables: state.tables, reviewLog: log?.position ?? null });
      const f = packFigures(plan, subject, asOf, input);
      const jap = subject.jap.position;
      const cellOf = (row: CellValue | undefined, p: typeof jap): string => cellA1(Number(row) - 1, p.columns.id ?? Math.min(...Object.values(p.columns)));
      const text = (v: CellValue | undefined): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
      const action = (r: Record<string, CellValue>): ActionRef => ({
        sheet,
        cell: cellOf(r.row, jap),
        id: text(r.id),
        action: text(r.action),
        owner: text(r.owner),
        due: typeof r.due === "number" ? r.due : null,
        rag: matchRag(text(r.rag)) ?? "Grey",
        reason: text(r.reason),
      });
      const jbp = subject.jbp?.position;
      return {
        asOf,
        planRag: matchRag(text(f.figures.planRag)) ?? "Grey",
        why: text(f.figures.why),
        objectives: jbp
          ? f.lists.objectives.map((o) => ({
              sheet: jbp.sheet,
              cell: cellOf(o.row, jbp),
              id: text(o.id),
              objective: text(o.objective),
              rag: matchRag(text(o.rag)),
              pctToTarget: typeof o.pctToTarget === "number" ? o.pctToTarget : null,
              red: Number(o.red) || 0,
              amber: Number(o.amber) || 0,
              green: Number(o.green) || 0,
            }))
          : [],
        redAmber: f.lists.redAmber.map(action),
        overdue: f.lists.overdue.map((r) => {
          const days = Number(r.daysOverdue) || 0;
          const next = text(r.nextStep);
          const rag = ragOf.get(text(r.id).trim().toLowerCase()) ?? "Grey";
          return { ...action({ ...r, rag }), reason: `${days} ${days === 1 ? "day" : "days"} late${next ? ` · next step: ${next}` : ""}`, daysOverdue: days };
        }),
        more: { objectives: text(f.more.objectives), redAmber: text(f.more.redAmber), overdue: text(f.more.overdue) },
        titles: { redAmber: text(f.figures.redAmberTitle), overdue: text(f.figures.overdueTitle) },
      };
    };
    const japs = current.map((s): JapReview => {
      const distributor = s.cycle.distributor;
      const mine = rows.filter((r) => distributorKey(r.distributor) === distributorKey(distributor));
      const now = reviewRows(plan, s.jap, today);
      const trends = actionTrends(mine, distributor);
      // Today's plan against the last review, but for one of this month recorded today: that one is
      // today's plan itself (after Start next month, last month's review of today is the one to compare with).
      const before = reviewsOf(mine.filter((r) => !(r.date === today && r.month === s.cycle.month)), distributor).at(-1);
      const changes = before ? reviewChanges(before, { date: today, distributor, rows: now.rows }) : null;
      const lastReview = mine.reduce<number | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
      return {
        sheet: s.jap.position.sheet,
        distributor,
        month: s.cycle.month === null ? "" : isoFromSerial(s.cycle.month).slice(0, 7),
        reviewed: keys.some((k) => k.month === s.cycle.month && distributorKey(k.distributor) === distributorKey(distributor)),
        lastReview,
        actions: now.rows.map((r) => ({ id: r.actionId, action: r.action, owner: r.owner, rag: r.rag, trend: trends.get(r.actionId.trim().replace(/\s+/g, " ").toLowerCase()) ?? [] })),
        changes,
        trend: planTrend(mine, distributor),
        meeting: meetingOf(s.jap.position.sheet, new Map(now.rows.map((r) => [r.actionId.trim().toLowerCase(), r.rag]))),
      };
    });
    return { today, japs, logSheet: log?.position.sheet ?? null };
  });
}
