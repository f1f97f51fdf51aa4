/**
 * The review cycle: the Review Log's rows (schemas, reading), Record review and its replacement of
 * the same review, what changed since the last review, carrying open actions into next month, the
 * trend, and the quarterly JBP review. Which JAP is current is the model's (currentJaps.ts), as every
 * count below this room needs it.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { carryOver } from "./carryOver";
export type { CarriedJap } from "./carryOver";
export { attainmentRag, lastReviewCell, quarterlyReviewRows, reviewedQuarter, ytdFigures } from "./quarterlyReview";
export type { YtdFigures } from "./quarterlyReview";
export { readQuarterlyReviews, readReviewLog } from "./readReviewLog";
export type { LogRowProblem, ReadLog } from "./readReviewLog";
export { applyLogEdit, keepEarlierComments, replacedQuarterlyRows, reviewLogEdit, reviewRows, sameQuarterlyReview } from "./recordReview";
export type { LogEdit, RecordedReview, ReviewComments } from "./recordReview";
export { changesSinceLastReview, reviewChanges, reviewsOf } from "./reviewChanges";
export type { ActionChange, DueMove, Review, ReviewChanges } from "./reviewChanges";
export { QuarterlyReviewRow, ReviewLogRow, sameReview } from "./reviewLogRow";
export { actionTrends, planTrend } from "./trend";
export type { TrendPoint } from "./trend";
