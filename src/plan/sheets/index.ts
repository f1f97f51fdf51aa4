/**
 * The sheet specs that both writers (the Excel layer and the .xlsx writer) apply, with the formulas
 * attached; sheet and table naming; the JBP's action counts over the JAP tables.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { columnFormulas, liveRuleFormula } from "./columnFormulas";
export { JBP_COUNT_KEYS, jbpCountWrites, jbpFormulaRefreshAll } from "./jbpCounts";
export type { FormulaWrite, JbpCountKey } from "./jbpCounts";
export { japSheetSpec, jbpSheetSpec, linkedJbpAndJap, linkToJbp, newJbpHeader, PlanNames, rosterEntries, specGrid, specTablePosition, TEMPLATE_REVIEW_ROWS, TEMPLATE_ROSTER_ROWS } from "./planSheets";
export type { JbpLink, PlanData, Row } from "./planSheets";
export { buildTableSheetSpec, CHART_RAG_COLOURS, emptySheetSpec, headerCells, monthTitle, printSetup, RAG_COLOURS, specColumnCount, tableListing } from "./sheetSpec";
export type { HeaderFooterSections, PrintTitles, SheetSpec, SpecBlock, SpecChart, SpecPrint, SpecStyle, SpecValidation } from "./sheetSpec";
export { buildRosterSheetSpec, buildSettingsSheetSpec } from "./supportSheetSpecs";
export { ISSUES_MARK, issuesMark, issuesMarkKey, markedIssuesColumns } from "./issuesMark";
export { uniqueSheetName } from "./uniqueNames";
