/**
 * The RAG Summary: its layout (every figure a formula), the same figures by the engine, its sheet spec,
 * the mark that tells it from a user's sheet; and the overview the task pane shows.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { overviewOf } from "./overview";
export type { ActionRef, Overview } from "./overview";
export { summaryFigures } from "./summaryFigures";
export { buildSummaryLayout } from "./summaryLayout";
export type { SummaryInput, SummaryLayout } from "./summaryLayout";
export { SUMMARY_MARK, SUMMARY_SHEET_NAME, summarySheetName } from "./summaryMark";
export { buildSummarySheetSpec, summaryInput, summaryInputOf } from "./summarySheetSpec";
