/**
 * The trend, from the Review Log: the plan's Red / Amber / Green / Grey counts at each review, and
 * each action's colours review by review (the task pane shows the last few).
 */
import type { Rag } from "../model";
import type { TrendPoint } from "../summary";
import { normal, type ReviewLogRow } from "./reviewLogRow";
import { reviewsOf } from "./reviewChanges";

export type { TrendPoint };

/** One point per review of the distributor's plan (of every plan, summed by date, without one). */
export function planTrend(log: readonly ReviewLogRow[], distributor?: string): TrendPoint[] {
  const byDate = new Map<number, TrendPoint>();
  for (const review of reviewsOf(log, distributor)) {
    let p = byDate.get(review.date);
    if (!p) byDate.set(review.date, (p = { date: review.date, counts: { Red: 0, Amber: 0, Green: 0, Grey: 0 } }));
    for (const r of review.rows) p.counts[r.rag]++;
  }
  return [...byDate.values()].sort((a, b) => a.date - b.date);
}

/** Each action's last `n` colours, oldest first, by ID (case and spaces ignored). */
export function actionTrends(log: readonly ReviewLogRow[], distributor: string, n = 6): Map<string, { date: number; rag: Rag }[]> {
  const out = new Map<string, { date: number; rag: Rag }[]>();
  for (const review of reviewsOf(log, distributor)) {
    for (const r of review.rows) {
      const key = normal(r.actionId);
      const list = out.get(key) ?? [];
      list.push({ date: review.date, rag: r.rag });
      if (list.length > n) list.shift();
      out.set(key, list);
    }
  }
  return out;
}
