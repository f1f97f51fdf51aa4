/**
 * The RAG Summary: its layout (every figure a formula), the same figures and cell values by the
 * engine, its sheet spec, the mark that tells it from a user's sheet; and the overview the task pane shows.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { overviewOf } from "./overview";
export type { ActionRef, Overview } from "./overview";
export { summaryFigures, summaryValues } from "./summaryFigures";
export type { FigureValues, SummaryFigures } from "./summaryFigures";
export { buildSummaryLayout, REST_LABELS } from "./summaryLayout";
export type { FigureRow, SummaryInput, SummaryLayout } from "./summaryLayout";
export { SUMMARY_MARK, SUMMARY_SHEET_NAME, summarySheetName } from "./summaryMark";
export { buildSummarySheetSpec, defaultPriorityLabels, priorityLabels, summaryInput } from "./summarySheetSpec";
export { summaryTableOf } from "./summaryTables";
export { TREND_CHART_TITLE, TREND_ROWS, TREND_TITLE } from "./trendBlock";
export type { TrendMap, TrendPoint } from "./trendBlock";
export type { SummaryTable } from "./summaryTables";
