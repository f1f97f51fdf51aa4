/**
 * The Review Log's rows as the model: one per action per monthly review, one per objective per
 * quarterly review. Parsed from the sheet's cells at the boundary (readReviewLog.ts), written back
 * by column key. Text stays text: a comment such as "=Q1 push" is a string here, and every writer
 * sends it as text (Excel layer: userText.ts; files: shared strings).
 */
import { z } from "zod/mini";
import { CellText, Rag, Status } from "../model";

const day = z.number("A review date must be a date").check(z.int("A review date must be a whole day"));
const optionalNumber = z.nullable(z.number());

export const ReviewLogRow = z.object({
  date: day,
  distributor: CellText,
  /** First day of the JAP's month, or null when the JAP had none. */
  month: z.nullable(day),
  actionId: CellText.check(z.minLength(1, "A Review Log row needs the action's ID")),
  action: CellText,
  owner: CellText,
  status: z.nullable(Status),
  pctComplete: optionalNumber,
  due: optionalNumber,
  actual: optionalNumber,
  target: optionalNumber,
  /** The RAG as of the review date (the override's when one was in force). */
  rag: Rag,
  ragOverride: z.nullable(Rag),
  overrideReason: CellText,
  comment: CellText,
});
export type ReviewLogRow = z.infer<typeof ReviewLogRow>;

export const Quarter = z.enum(["Q1", "Q2", "Q3", "Q4"]);

export const QuarterlyReviewRow = z.object({
  date: day,
  distributor: CellText,
  year: z.nullable(z.number()),
  /** The last quarter that had ended by the review date (Q1 before the first has ended). */
  quarter: Quarter,
  objectiveId: CellText.check(z.minLength(1, "A quarterly review row needs the objective's ID")),
  objective: CellText,
  kpi: CellText,
  quarterTarget: optionalNumber,
  quarterActual: optionalNumber,
  ytdTarget: optionalNumber,
  ytdActual: optionalNumber,
  pctToTarget: optionalNumber,
  rag: Rag,
  comment: CellText,
});
export type QuarterlyReviewRow = z.infer<typeof QuarterlyReviewRow>;

/** The same JAP's review: distributor (spaces and case ignored), month and date. */
export function sameReview(a: Pick<ReviewLogRow, "date" | "distributor" | "month">, b: Pick<ReviewLogRow, "date" | "distributor" | "month">): boolean {
  return a.date === b.date && a.month === b.month && normal(a.distributor) === normal(b.distributor);
}

export const normal = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();
