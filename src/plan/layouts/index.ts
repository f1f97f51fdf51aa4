/**
 * The sheets as data: each table's columns, widths, formats, validation and live rules, and the Settings
 * rows. Columns say which are formula columns; their formulas are attached where sheets are built
 * (sheets/), so reading a plan never compiles one.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { DATE_RULE } from "./columnRules";
export { defaultListNames, evaluateLiveRule, ISSUE_FILL, issueTag, LIVE_FILL } from "./liveRules";
export { columnFormat, columnIndex, DATE_FORMAT, GENERAL, JAP, JAP_HELPER_COLUMNS, JBP, NUMBER_FORMAT, PERCENT_FORMAT, QUARTERLY_REVIEW, REVIEW_LOG, ROSTER, SETTINGS, tableHeaderRow, TEXT_FORMAT } from "./planLayouts";
export { frozenColumns, HEADER_FOOTER_MAX, headerFooterText, PRINT_LAYOUT, printedColumnCount } from "./printLayout";
export type { PrintLayout, PrintMargins } from "./printLayout";
export { objectiveIdsName, SETTINGS_ROWS, settingsListPlacements, settingsNames, settingsToRows } from "./settingsRows";
export type { SettingsRow } from "./settingsRows";
export type { ColumnLayout, HeaderField, InputPrompt, LiveRule, TableLayout, ValidationSpec } from "./tableLayout";
