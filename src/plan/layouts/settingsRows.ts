/**
 * The rows of the Settings table: label (read by label, like a header), the workbook name the
 * formulas use (model/workbookNames.ts), the default, what it means, its format and validation;
 * and the lists written beside the table.
 */
import { absoluteRangeA1, ActionParty, type CellValue, DateOrder, DEFAULT_SETTINGS, Direction, LIST_NAMES, Party, quoteSheet, Rag, RollUpMethod, SETTING_NAMES, Settings, Status, type WorkbookName } from "../model";
import type { ValidationSpec } from "./tableLayout";

export interface SettingsRow<K extends keyof Settings = keyof Settings> {
  key: K;
  label: string;
  /** Workbook name bound to the Value cell (JP_AsOf …). */
  name: string;
  defaultValue: Settings[K];
  meaning: string;
  /** Number format of the Value cell. */
  numberFormat: string;
  /** Native validation of the Value cell (sources are workbook names). */
  validation?: ValidationSpec;
}

const FORMATS: Record<keyof Settings, string> = {
  asOf: "yyyy-mm-dd",
  greenThreshold: "0%",
  amberThreshold: "0%",
  dueSoonDays: "0",
  paceAmber: "0%",
  paceRed: "0%",
  staleDays: "0",
  maxPriorities: "0",
  rollUp: "@",
  dateOrder: "@",
};

const VALIDATIONS: Partial<Record<keyof Settings, ValidationSpec>> = {
  asOf: { type: "date", operator: "between", formula1: "=DATE(2000,1,1)", formula2: "=DATE(2099,12,31)", allowBlank: true, alert: "stop" },
  greenThreshold: { type: "decimal", operator: "between", formula1: "0", formula2: "10", allowBlank: false, alert: "stop" },
  amberThreshold: { type: "decimal", operator: "between", formula1: "0", formula2: "10", allowBlank: false, alert: "stop" },
  dueSoonDays: { type: "wholeNumber", operator: "between", formula1: "0", formula2: "366", allowBlank: false, alert: "stop" },
  paceAmber: { type: "decimal", operator: "between", formula1: "0", formula2: "1", allowBlank: false, alert: "stop" },
  paceRed: { type: "decimal", operator: "between", formula1: "0", formula2: "1", allowBlank: false, alert: "stop" },
  staleDays: { type: "wholeNumber", operator: "between", formula1: "1", formula2: "3660", allowBlank: false, alert: "stop" },
  maxPriorities: { type: "wholeNumber", operator: "between", formula1: "1", formula2: "20", allowBlank: false, alert: "stop" },
  rollUp: { type: "list", source: `=${LIST_NAMES.rollUpMethods}`, allowBlank: false, alert: "stop" },
  // Blank: from the workbook's locale.
  dateOrder: { type: "list", source: `=${LIST_NAMES.dateOrders}`, allowBlank: true, alert: "stop" },
};

const row = <K extends keyof Settings>(key: K, label: string, meaning: string): SettingsRow<K> => ({
  key,
  label,
  name: SETTING_NAMES[key],
  defaultValue: DEFAULT_SETTINGS[key],
  meaning,
  numberFormat: FORMATS[key],
  ...(VALIDATIONS[key] ? { validation: VALIDATIONS[key] } : {}),
});

export const SETTINGS_ROWS: SettingsRow[] = [
  row("asOf", "As-of date", "The date the plan is judged at. Clear it to judge the plan at today's date."),
  row("greenThreshold", "Green threshold", "A KPI at or above this share of its target is Green."),
  row("amberThreshold", "Amber threshold", "A KPI at or above this share of its target (and below Green) is Amber; below it, Red."),
  row("dueSoonDays", "Due-soon days", "Actions due within this many days are listed as due soon."),
  row("paceAmber", "Pace tolerance Amber", "Amber when % complete is behind the expected pace by more than this."),
  row("paceRed", "Pace tolerance Red", "Red when % complete is behind the expected pace by more than this."),
  row("staleDays", "Stale-update days", "An action not updated for more than this many days is at least Amber."),
  row("maxPriorities", "Most priorities", "The critical few: the most priorities a JAP may have."),
  row("rollUp", "Roll-up method", "Worst of, or Average score (Red 1, Amber 2, Green 3)."),
  row("dateOrder", "Date order", "How dates typed as text are read: DMY (day first) or MDY (month first). Leave blank to follow the workbook's language (Excel's date format)."),
];

/** A list written on the Settings sheet, right of the Setting | Value | Meaning table. */
export interface SettingsList {
  name: string;
  header: string;
  values: string[];
}

export const SETTINGS_LISTS: SettingsList[] = [
  { name: LIST_NAMES.statuses, header: "Statuses", values: [...Status.options] },
  { name: LIST_NAMES.parties, header: "Parties", values: [...Party.options] },
  { name: LIST_NAMES.actionParties, header: "Action parties", values: [...ActionParty.options] },
  { name: LIST_NAMES.directions, header: "Directions", values: [...Direction.options] },
  { name: LIST_NAMES.rags, header: "RAG", values: [...Rag.options] },
  { name: LIST_NAMES.rollUpMethods, header: "Roll-up methods", values: [...RollUpMethod.options] },
  { name: LIST_NAMES.dateOrders, header: "Date orders", values: [...DateOrder.options] },
  { name: LIST_NAMES.yesNo, header: "Yes/No", values: ["Yes", "No"] },
];

/** 0-based sheet column of the first list: one blank column after the three-column table. */
export const SETTINGS_LISTS_FIRST_COL = 4;

/** Where each list goes: header at `headerRow`, values below it, one column each. */
export function settingsListPlacements(
  sheetName: string,
  headerRow = 0,
  firstCol = SETTINGS_LISTS_FIRST_COL,
): (SettingsList & { col: number; headerRow: number; address: string; formula: string })[] {
  return SETTINGS_LISTS.map((l, i) => {
    const col = firstCol + i;
    const address = absoluteRangeA1(headerRow + 1, col, headerRow + l.values.length, col);
    return { ...l, col, headerRow, address, formula: `=${quoteSheet(sheetName)}!${address}` };
  });
}

/**
 * The workbook names of the Settings sheet: one per setting (JP_AsOf is today when its cell is
 * blank or not a date) and one per list range. `firstDataRow` is the 0-based sheet row of the first
 * setting (the table's header row + 1).
 */
export function settingsNames(sheetName: string, firstDataRow = 1, listHeaderRow = firstDataRow - 1): WorkbookName[] {
  const sheet = quoteSheet(sheetName);
  const values: WorkbookName[] = SETTINGS_ROWS.map((r, i) => {
    const cell = `${sheet}!${absoluteRangeA1(firstDataRow + i, 1, firstDataRow + i, 1)}`;
    const formula = r.key === "asOf" ? `=IF(ISNUMBER(${cell}),${cell},TODAY())` : `=${cell}`;
    return { name: r.name, formula, comment: r.label };
  });
  const lists = settingsListPlacements(sheetName, listHeaderRow).map((l) => ({ name: l.name, formula: l.formula, comment: `${l.header} list` }));
  return [...values, ...lists];
}

/** The JBP's objective IDs as a name over its table's ID column, for the JAP's "JBP objective" list: it grows with the table. */
export function objectiveIdsName(jbpTable: string, idHeader: string): WorkbookName {
  return { name: LIST_NAMES.objectiveIds, formula: `=${jbpTable}[${idHeader}]`, comment: "JBP objective IDs: the JAP's objective list" };
}

/** Settings as the rows written on the sheet (Setting | Value | Meaning), in order. */
export function settingsToRows(settings: Settings): { setting: string; value: CellValue; meaning: string }[] {
  return SETTINGS_ROWS.map((r) => ({ setting: r.label, value: settings[r.key] as CellValue, meaning: r.meaning }));
}

/**
 * Settings from label/value pairs (labels, names or keys, any case). Each value is parsed on its
 * own, and a value that does not parse keeps its default and is listed in `invalid`, so one typo
 * never loses the others. The full reader with findings and text dates is readSettings.ts.
 */
export function settingsFromRows(rows: { setting: string; value: CellValue }[]): { settings: Settings; invalid: (keyof Settings)[] } {
  const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, "");
  const byLabel = new Map<string, SettingsRow>();
  for (const r of SETTINGS_ROWS) for (const l of [r.label, r.name, r.key]) byLabel.set(norm(l), r);
  const draft: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const invalid: (keyof Settings)[] = [];
  for (const { setting, value } of rows) {
    const r = byLabel.get(norm(setting));
    if (!r) continue;
    const v = value === "" ? null : value;
    if (v === null && r.key !== "asOf") continue;
    const single = Settings.safeParse({ ...DEFAULT_SETTINGS, [r.key]: v });
    const fieldOk = single.success || !single.error.issues.some((i) => i.path[0] === r.key);
    if (fieldOk) draft[r.key] = v;
    else invalid.push(r.key);
  }
  const parsed = Settings.safeParse(draft);
  if (parsed.success) return { settings: parsed.data, invalid };
  // Values fine alone but not together (Amber above Green): keep the defaults for those pairs.
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof Settings;
    draft[key] = DEFAULT_SETTINGS[key];
    if (!invalid.includes(key)) invalid.push(key);
  }
  const again = Settings.safeParse(draft);
  return { settings: again.success ? again.data : DEFAULT_SETTINGS, invalid };
}
