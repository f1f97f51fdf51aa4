/**
 * Record review: one Review Log row per action of a JAP, its RAG as of the review date, with the
 * comment typed in the meeting; and recording the same JAP's review again on the same date replaces
 * those rows instead of doubling them.
 */
import { computePlanRag, EMPTY_ROW } from "../rag";
import { type Action, cellText, japCycle, type JapPlan, matchRag, type PlanWorkbook } from "../model";
import { normal, type QuarterlyReviewRow, type ReviewLogRow, sameReview } from "./reviewLogRow";

export interface RecordedReview {
  rows: ReviewLogRow[];
  /** Rows in use that have no ID (the log cannot follow them from month to month). */
  withoutId: number;
  /** Comments given for IDs the JAP does not have (kept out, and reported). */
  unknownComments: string[];
}

/** Comments by action ID, IDs compared as the rules do (case and spaces ignored). */
export type ReviewComments = Readonly<Record<string, string>>;

/** The review rows of one JAP on `date`: every action in use, in sheet order. */
export function reviewRows(plan: Pick<PlanWorkbook, "settings" | "jbps" | "japs" | "roster" | "dateOrder" | "readFindings">, jap: JapPlan, date: number, comments: ReviewComments = {}): RecordedReview {
  const cycle = japCycle(jap, plan.jbps);
  // The JAP alone, rated as of the review date: the colours the meeting saw.
  const rag = computePlanRag({ ...plan, japs: [jap] }, date);
  const byId = new Map(Object.entries(comments).map(([id, text]) => [normal(id), text]));
  const used = new Set<string>();
  const rows: ReviewLogRow[] = [];
  let withoutId = 0;
  jap.actions.forEach((a: Action, i) => {
    const r = rag.actions[i];
    if (r.reason === EMPTY_ROW) return;
    const id = a.id.trim();
    if (id === "") {
      withoutId++;
      return;
    }
    const key = normal(id);
    const comment = byId.get(key) ?? "";
    if (byId.has(key)) used.add(key);
    rows.push({
      date,
      distributor: cycle.distributor,
      month: cycle.month,
      actionId: id,
      action: a.action,
      owner: a.owner,
      status: a.status,
      pctComplete: a.pctComplete,
      due: a.due,
      actual: a.actual,
      target: a.target,
      rag: r.rag,
      ragOverride: r.overridden ? (matchRag(cellText(a.source.raw.ragOverride ?? a.ragOverride)) ?? a.ragOverride) : null,
      overrideReason: r.overridden ? a.overrideReason : "",
      comment,
    });
  });
  const unknownComments = [...byId.keys()].filter((k) => !used.has(k)).map((k) => Object.keys(comments).find((id) => normal(id) === k) ?? k);
  return { rows, withoutId, unknownComments };
}

/**
 * How the log changes when a review is recorded: the indices (into `log`) of the rows of the same
 * JAP and date, which go, and the new rows, which are appended. Runs of adjacent indices, so the
 * Excel layer deletes a few ranges whatever the log's length.
 */
export interface LogEdit {
  /** [first index, count], from the last run to the first (deleting in this order keeps indices true). */
  deleteRuns: [number, number][];
  append: ReviewLogRow[];
  replaced: number;
}

export function reviewLogEdit(log: readonly Pick<ReviewLogRow, "date" | "distributor" | "month">[], rows: ReviewLogRow[]): LogEdit {
  const keys = rows.slice(0, 1);
  const gone: number[] = [];
  log.forEach((r, i) => {
    if (keys.some((k) => sameReview(k, r))) gone.push(i);
  });
  const runs: [number, number][] = [];
  for (const i of gone) {
    const last = runs.at(-1);
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  return { deleteRuns: runs.reverse(), append: rows, replaced: gone.length };
}

/**
 * A review recorded again keeps the comments typed at the earlier recording: each new row without a
 * comment takes the one its action (or, for a quarterly review, its objective) had, IDs matched as
 * the log matches them; a comment given now wins. `earlier` are the replaced rows. Returns how many
 * were kept.
 */
export function keepEarlierComments<K extends "actionId" | "objectiveId">(rows: ({ comment: string } & Record<K, string>)[], earlier: readonly ({ comment: string } & Record<K, string>)[], key: K): number {
  const before = new Map<string, string>();
  for (const r of earlier) if (r.comment !== "" && !before.has(normal(r[key]))) before.set(normal(r[key]), r.comment);
  let kept = 0;
  for (const row of rows) {
    const was = before.get(normal(row[key]));
    if (row.comment === "" && was !== undefined) {
      row.comment = was;
      kept++;
    }
  }
  return kept;
}

/** The same JBP's quarterly review: distributor (spaces and case ignored), year, quarter and date. */
export function sameQuarterlyReview(a: Pick<QuarterlyReviewRow, "date" | "distributor" | "year" | "quarter">, b: Pick<QuarterlyReviewRow, "date" | "distributor" | "year" | "quarter">): boolean {
  return a.date === b.date && a.year === b.year && a.quarter === b.quarter && normal(a.distributor) === normal(b.distributor);
}

/** The data rows (indices into `log`) that a quarterly review of `rows` replaces: the same JBP's same quarter on the same date. */
export function replacedQuarterlyRows(log: readonly Pick<QuarterlyReviewRow, "date" | "distributor" | "year" | "quarter">[], rows: readonly QuarterlyReviewRow[]): number[] {
  const out: number[] = [];
  log.forEach((r, i) => {
    if (rows.some((k) => sameQuarterlyReview(k, r))) out.push(i);
  });
  return out;
}

/** The log after an edit, as the sheet will hold it (what tests and the command line use). */
export function applyLogEdit<T>(log: readonly T[], edit: { deleteRuns: [number, number][]; append: T[] }): T[] {
  const out = [...log];
  for (const [at, n] of edit.deleteRuns) out.splice(at, n);
  return [...out, ...edit.append];
}
