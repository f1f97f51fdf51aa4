/**
 * What changed since the last review, from the Review Log: two reviews of one distributor's plan
 * (across months: carried actions keep their IDs) compared action by action.
 */
import { countRags, RAG_ORDER } from "../rag";
import { distributorKey, isOpenStatus, type Rag } from "../model";
import { normal, type ReviewLogRow } from "./reviewLogRow";

export interface ActionChange {
  actionId: string;
  action: string;
  owner: string;
  /** The colour (or due date) then and now; null when the action was not in that review. */
  ragThen: Rag | null;
  ragNow: Rag | null;
}

export interface DueMove extends ActionChange {
  dueThen: number | null;
  dueNow: number | null;
}

export interface ReviewChanges {
  /** Review dates compared; `then` is null for a first review. */
  then: number | null;
  now: number;
  turnedRed: ActionChange[];
  /** Red or Amber then, Green now. */
  recovered: ActionChange[];
  dueMoved: DueMove[];
  newlyDone: ActionChange[];
  /** Open and past due now, not then (or not there then). */
  newlyOverdue: ActionChange[];
  added: ActionChange[];
  dropped: ActionChange[];
  countsThen: Record<Rag, number>;
  countsNow: Record<Rag, number>;
}

export interface Review {
  date: number;
  distributor: string;
  rows: ReviewLogRow[];
}

/** A distributor's reviews (every month), oldest first; all distributors' when `distributor` is undefined. */
export function reviewsOf(log: readonly ReviewLogRow[], distributor?: string): Review[] {
  const want = distributor === undefined ? null : distributorKey(distributor);
  const byKey = new Map<string, Review>();
  for (const r of log) {
    const d = distributorKey(r.distributor);
    if (want !== null && d !== want) continue;
    const key = `${d}\u0000${r.date}`;
    let review = byKey.get(key);
    if (!review) byKey.set(key, (review = { date: r.date, distributor: r.distributor, rows: [] }));
    review.rows.push(r);
  }
  return [...byKey.values()].sort((a, b) => a.date - b.date);
}

const overdue = (r: ReviewLogRow, date: number): boolean => isOpenStatus(r.status) && r.due !== null && r.due < date;

function counts(rows: readonly ReviewLogRow[]): Record<Rag, number> {
  const c = countRags(rows.map((r) => r.rag));
  return Object.fromEntries(RAG_ORDER.map((rag) => [rag, c[rag]])) as Record<Rag, number>;
}

/** Compares review `now` with the review before it (`then`, or none). */
export function reviewChanges(then: Review | null, now: Review): ReviewChanges {
  const before = new Map((then?.rows ?? []).map((r) => [normal(r.actionId), r]));
  const after = new Map(now.rows.map((r) => [normal(r.actionId), r]));
  const out: ReviewChanges = {
    then: then?.date ?? null,
    now: now.date,
    turnedRed: [],
    recovered: [],
    dueMoved: [],
    newlyDone: [],
    newlyOverdue: [],
    added: [],
    dropped: [],
    countsThen: counts(then?.rows ?? []),
    countsNow: counts(now.rows),
  };
  const change = (r: ReviewLogRow, was: ReviewLogRow | undefined, is: ReviewLogRow | undefined): ActionChange => ({
    actionId: r.actionId,
    action: r.action,
    owner: r.owner,
    ragThen: was?.rag ?? null,
    ragNow: is?.rag ?? null,
  });
  for (const [key, r] of after) {
    const was = before.get(key);
    const c = change(r, was, r);
    if (!was) {
      if (then) out.added.push(c);
    } else {
      if (r.rag === "Red" && was.rag !== "Red") out.turnedRed.push(c);
      if (r.rag === "Green" && (was.rag === "Red" || was.rag === "Amber")) out.recovered.push(c);
      if (r.due !== was.due) out.dueMoved.push({ ...c, dueThen: was.due, dueNow: r.due });
      if (r.status === "Done" && was.status !== "Done") out.newlyDone.push(c);
    }
    if (then && overdue(r, now.date) && !(was && overdue(was, then.date))) out.newlyOverdue.push(c);
  }
  for (const [key, r] of before) {
    if (!after.has(key)) out.dropped.push(change(r, r, undefined));
  }
  return out;
}

/** The changes between a distributor's last two reviews (or its only one); null before any review. */
export function changesSinceLastReview(log: readonly ReviewLogRow[], distributor: string, now?: Review): ReviewChanges | null {
  const reviews = reviewsOf(log, distributor);
  if (now) {
    const earlier = reviews.filter((r) => r.date < now.date);
    return reviewChanges(earlier.at(-1) ?? null, now);
  }
  const last = reviews.at(-1);
  return last ? reviewChanges(reviews.at(-2) ?? null, last) : null;
}
