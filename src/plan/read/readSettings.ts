/**
 * The Settings table, read by each setting's label. A value that cannot be read falls back to
 * its default with a finding, so one typo never stops a check.
 */
import { cellNumber, type CellValue, type DateOrder, DEFAULT_SETTINGS, finding, type Finding, isBlank, longDate, matchDateOrder, matchRollUp, MAX_SERIAL, parseNumberText, parseTextDate, Settings, showValue } from "../model";
import { gridCell, headerKey, origin, type FoundTable } from "./findTables";
import { dateRepair } from "./dateFindings";
import { SETTINGS_ROWS, type SettingsRow } from "../layouts";

type Read = { ok: true; value: unknown } | { ok: false; repair?: { value: CellValue; label: string; numberFormat?: string } };
type At = { sheet: string; row: number; col: number };

/**
 * `hostOrder` reads a text as-of date when the Settings' Date order is blank (null: "from the
 * workbook's locale"), `override` whatever it says; the settings keep what the cell says (a blank
 * stays null), so a writer of them keeps it too.
 */
export function readSettingsTable(table: FoundTable | undefined, hostOrder: DateOrder, override?: DateOrder): { settings: Settings; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!table || table.gridColumns.setting === undefined || table.gridColumns.value === undefined) {
    return { settings: { ...DEFAULT_SETTINGS }, findings };
  }
  const byLabel = new Map<string, SettingsRow>();
  for (const r of SETTINGS_ROWS) for (const l of [r.label, r.name, r.key]) byLabel.set(headerKey(l), r);
  const cells = new Map<keyof Settings, { value: CellValue; at: At }>();
  const o = origin(table.grid);
  for (const r of table.rowIndices) {
    const label = gridCell(table.grid, r, table.gridColumns.setting);
    const row = typeof label === "string" ? byLabel.get(headerKey(label)) : undefined;
    if (!row || cells.has(row.key)) continue;
    const at = { sheet: table.position.sheet, row: o.row + r, col: o.col + table.gridColumns.value };
    cells.set(row.key, { value: gridCell(table.grid, r, table.gridColumns.value), at });
  }
  const draft: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  // The date order comes first: the as-of date may be typed as text.
  const ordered = [...SETTINGS_ROWS].sort((a, b) => (a.key === "dateOrder" ? -1 : b.key === "dateOrder" ? 1 : 0));
  for (const row of ordered) {
    const cell = cells.get(row.key);
    if (!cell || (isBlank(cell.value) && row.key !== "asOf")) continue;
    const read = readSetting(row.key, cell.value, override ?? (draft.dateOrder as DateOrder | null) ?? hostOrder);
    if (read.ok) {
      draft[row.key] = read.value;
      continue;
    }
    const fallback = row.defaultValue;
    const uses = row.key === "dateOrder" ? `the workbook's date order (${hostOrder})` : showDefault(row.key, fallback);
    findings.push(
      finding(
        read.repair && row.key === "asOf" ? "date.notADate" : "structure.badSetting",
        "error",
        cell.at,
        `Setting '${row.label}' is ${showValue(cell.value)}, which cannot be read; the check uses ${uses} instead.`,
        read.repair,
      ),
    );
    draft[row.key] = fallback;
  }
  return { settings: checkTogether(draft, cells, findings), findings };
}

function readSetting(key: keyof Settings, v: CellValue, order: DateOrder): Read {
  switch (key) {
    case "asOf": {
      if (isBlank(v)) return { ok: true, value: null };
      const n = cellNumber(v);
      if (n !== null) return n >= 1 && n <= MAX_SERIAL ? { ok: true, value: Math.floor(n) } : { ok: false };
      const text = typeof v === "string" ? parseTextDate(v, order) : null;
      // A text as-of date would break the workbook's formulas: report it, offer the real date.
      return text ? { ok: false, repair: dateRepair(text.serial) } : { ok: false };
    }
    case "rollUp": {
      const m = matchRollUp(v);
      return m ? { ok: true, value: m } : { ok: false };
    }
    case "dateOrder": {
      const m = matchDateOrder(v);
      return m ? { ok: true, value: m } : { ok: false };
    }
    default: {
      const n = cellNumber(v);
      if (n !== null) return { ok: true, value: n };
      const parsed = typeof v === "string" ? parseNumberText(v) : null;
      return parsed !== null ? { ok: false, repair: { value: parsed, label: `Make this the number ${parsed}` } } : { ok: false };
    }
  }
}

/** Range and cross-field checks of the schema; each failing field falls back to its default. */
function checkTogether(draft: Record<string, unknown>, cells: Map<keyof Settings, { value: CellValue; at: At }>, findings: Finding[]): Settings {
  for (let attempt = 0; attempt < SETTINGS_ROWS.length; attempt++) {
    const parsed = Settings.safeParse(draft);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const key = issue.path[0] as keyof Settings;
    const row = SETTINGS_ROWS.find((r) => r.key === key);
    const cell = cells.get(key);
    // A pair out of order (Amber above Green): both go back to their defaults, which are in order.
    const partner = issue.code === "custom" ? PARTNERS[key] : undefined;
    const fallback = DEFAULT_SETTINGS[key];
    if (cell && row) {
      const v = draft[key];
      const asPercent = typeof v === "number" && v > 1 && v <= 100 && key in PARTNERS;
      const uses = partner ? `the defaults ${showDefault(key, fallback)} and ${showDefault(partner, DEFAULT_SETTINGS[partner])}` : showDefault(key, fallback);
      findings.push(
        finding(
          "structure.badSetting",
          "error",
          cell.at,
          `Setting '${row.label}' is ${showValue(cell.value)}: ${partner ? issue.message : `it must be ${ALLOWED[key] ?? "a valid value"}`}. The check uses ${uses} instead.`,
          asPercent ? { value: (v as number) / 100, label: `Make this ${v} %` } : undefined,
        ),
      );
    }
    if (partner) draft[partner] = DEFAULT_SETTINGS[partner];
    draft[key] = fallback;
  }
  return { ...DEFAULT_SETTINGS, dateOrder: (draft.dateOrder as DateOrder | null) ?? DEFAULT_SETTINGS.dateOrder };
}

/** What each numeric setting accepts, in the planner's words (the schema in model.ts holds the same limits). */
const ALLOWED: Partial<Record<keyof Settings, string>> = {
  greenThreshold: "a percentage such as 95 %",
  amberThreshold: "a percentage such as 85 %",
  dueSoonDays: "a whole number of days from 0 to 366",
  paceAmber: "a percentage from 0 % to 100 %",
  paceRed: "a percentage from 0 % to 100 %",
  staleDays: "a whole number of days from 1 to 3660",
  maxPriorities: "a whole number from 1 to 20",
};

const PARTNERS: Partial<Record<keyof Settings, keyof Settings>> = { amberThreshold: "greenThreshold", greenThreshold: "amberThreshold", paceAmber: "paceRed", paceRed: "paceAmber" };

function showDefault(key: keyof Settings, value: unknown): string {
  if (value === null) return key === "asOf" ? "today" : "blank";
  if (key === "asOf" && typeof value === "number") return longDate(value);
  if (typeof value === "number" && ["greenThreshold", "amberThreshold", "paceAmber", "paceRed"].includes(key)) return `${Math.round(value * 100)} %`;
  return String(value);
}
