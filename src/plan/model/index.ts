/**
 * The model: the zod schemas and the plan workbook type, cells, A1 addresses, where a table stands,
 * serial and text dates, list values, KPI units, edit distance, findings, and the workbook names the
 * formulas use. Imports nothing above it.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { absoluteRangeA1, cellA1, columnFromLetters, columnLetters, parseCellA1, parseRangeA1, quoteSheet, rangeA1, splitSheetRef } from "./a1";
export { cellNumber, cellText, formatNumber, isBlank, isErrorCell, parseFlag, parseNumberText, showValue, toCellValue } from "./cells";
export { editDistance } from "./editDistance";
export { finding, isPlainRepair, type RepairSpec, TABLE_NAMES } from "./findings";
export { ADDITIVE_UNIT_JOINS, isAdditiveUnit, isPercentUnit } from "./kpiUnits";
export { isOpenStatus, matchActionParty, matchDateOrder, matchDirection, matchParty, matchRag, matchRollUp, matchStatus, OPEN_STATUSES } from "./listValues";
export { jbpHeaderValues, planRowCounts } from "./planWorkbook";
export type { CheckResult, JapPlan, JbpPlan, PlanRag, PlanTable, PlanWorkbook, RosterProblemRow, RosterRow } from "./planWorkbook";
export { Action, ActionParty, CellError, CellValue, DateOrder, CellText, DEFAULT_SETTINGS, Direction, Finding, GridTable, JapHeader, JbpHeader, MAX_CELL_TEXT, Objective, Party, Rag, RagResult, Repair, RepairChoice, RollUpMethod, RosterEntry, Settings, Severity, SheetGrid, Status } from "./schemas";
export { daysInMonth, isoFromSerial, longDate, MAX_SERIAL, monthEnd, monthStart, serialFromIso, serialFromYmd, todaySerial, ymdFromSerial } from "./serialDate";
export { excelTableOf, firstDataRow, gridTableOf, inExcelTable, positionFromAddress, tableRange, withExcelTable, withSpareRows } from "./tablePosition";
export type { ExcelTableRef, TableListing, TablePosition } from "./tablePosition";
export { currentJaps, currentPlan, distributorKey, japCycle, japStandings, monthOfSheetName } from "./currentJaps";
export type { JapCycle, JapStanding } from "./currentJaps";
export { addMonths, dayAndMonth, jbpQuarters, jbpSpan } from "./quarters";
export type { Quarter } from "./quarters";
export { dateOrderOfPattern, parseTextDate, parseTextMonth } from "./textDate";
export { LIST_NAMES, ROSTER_NAMES, SETTING_NAMES } from "./workbookNames";
export type { WorkbookName } from "./workbookNames";
