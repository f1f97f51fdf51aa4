/**
 * The Settings and Roster sheets as SheetSpecs, with the workbook names the plan formulas and
 * validation lists use. Pure; both writers (Excel layer, .xlsx writer) apply these.
 */
import { cellA1, type CellValue, rangeA1, ROSTER_NAMES, type RosterEntry, type Settings, type WorkbookName } from "../model";
import { columnIndex, ROSTER, SETTINGS, SETTINGS_ROWS, settingsListPlacements, settingsNames, settingsToRows, tableHeaderRow, TEXT_FORMAT } from "../layouts";
import { buildTableSheetSpec, type SheetSpec } from "./sheetSpec";

/**
 * The Settings sheet: the Setting | Value | Meaning table, each value with its own format and
 * validation, the list ranges (statuses, parties …) to its right, and every workbook name the
 * formulas and validation lists use (settingsNames).
 */
export function buildSettingsSheetSpec(settings: Settings, sheetName: string = SETTINGS.defaultSheetName): SheetSpec {
  const headerRow = tableHeaderRow(SETTINGS);
  const firstDataRow = headerRow + 1;
  const names: WorkbookName[] = settingsNames(sheetName, firstDataRow, headerRow);
  const spec = buildTableSheetSpec(SETTINGS, {
    sheetName,
    tableName: SETTINGS.tableName,
    rows: settingsToRows(settings),
    names,
  });
  // Each value cell gets its own format (a date, a percentage, text) after the column's General.
  SETTINGS_ROWS.forEach((r, i) => {
    const address = cellA1(firstDataRow + i, 1);
    spec.formats.push({ address, numberFormat: r.numberFormat });
    if (r.validation) spec.validations.push({ address, spec: r.validation });
  });
  // The lists the validation reads, one column each, right of the table.
  for (const l of settingsListPlacements(sheetName, headerRow)) {
    const values = l.values.map((v) => [v] as CellValue[]);
    spec.formats.push({ address: rangeA1(headerRow + 1, l.col, headerRow + l.values.length, l.col), numberFormat: TEXT_FORMAT });
    spec.blocks.push({ address: cellA1(headerRow, l.col), values: [[l.header]] });
    spec.blocks.push({ address: rangeA1(headerRow + 1, l.col, headerRow + l.values.length, l.col), values });
    spec.styles.push({ address: cellA1(headerRow, l.col), bold: true });
    spec.columnWidths.push({ col: l.col, width: Math.max(70, Math.ceil(Math.max(l.header.length, ...l.values.map((v) => v.length)) * 6.5) + 8) });
  }
  return spec;
}

/**
 * Names over the Roster table's columns (`JP_Roster[Name]` …): they grow and shrink with the table,
 * so a validation list shows the people and no padding, and a live rule counts only the Roster's rows.
 */
export function rosterNames(tableName: string): WorkbookName[] {
  const ref = (key: string): string => `=${tableName}[${ROSTER.columns[columnIndex(ROSTER, key)].header}]`;
  return [
    { name: ROSTER_NAMES.names, formula: ref("name"), comment: "Roster names: the Owner lists" },
    { name: ROSTER_NAMES.parties, formula: ref("party"), comment: "Roster parties, by name" },
    { name: ROSTER_NAMES.active, formula: ref("active"), comment: "Roster active flags, by name" },
  ];
}

export function buildRosterSheetSpec(entries: RosterEntry[], sheetName: string = ROSTER.defaultSheetName, minRows = 10): SheetSpec {
  return buildTableSheetSpec(ROSTER, {
    sheetName,
    tableName: ROSTER.tableName,
    rows: entries.map((e) => ({ name: e.name, party: e.party, role: e.role, email: e.email, active: e.active })),
    minRows,
    names: rosterNames(ROSTER.tableName),
  });
}
