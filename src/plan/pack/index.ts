/**
 * The Meeting pack (issue 14): one page per distributor's current JAP for the monthly review; its
 * layout (every figure a formula over the tables), the same cells by the engine, its sheet spec and
 * the inputs from a read plan; which sheets are packs.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { lastReviewDate, packFigures, packValues } from "./packFigures";
export type { PackFigures, PackSubject } from "./packFigures";
export { buildPackLayout, CHANGES_HEADERS, DECISIONS_HEADERS, HELPER_COL, OBJECTIVE_HEADERS, OVERDUE_HEADERS, PACK_COLUMNS, PACK_ROWS, RED_AMBER_HEADERS } from "./packLayout";
export type { PackCell, PackChange, PackFigureName, PackInput, PackLayout, PackListMap, PackListName } from "./packLayout";
export { isPackSheet, PACK_HEAD_LABELS, PACK_SHEET_NAME, PACK_TITLE, packJapSheet, packSheetName } from "./packMark";
export type { PackHead } from "./packMark";
export { buildPackSheetSpec, jbpOfJap, meetingPacks, PACK_SPARE_ROWS, packable, packChanges, packInputOf, packReviewLog, packSubjects } from "./packSheetSpec";
export type { MeetingPack, PackOptions, PackRow } from "./packSheetSpec";
