/**
 * Cell values as spreadsheets hand them over, parsed without ever throwing: blanks, numbers,
 * numeric text, flags, error values and list (enum) cells.
 */
import type { CellError, CellValue } from "./schemas";
import { serialFromYmd } from "./serialDate";

export const ERROR_VALUES = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];
const ERROR_SET = new Set(ERROR_VALUES);

/** An error value (#N/A, #REF! …) as the core holds it: `{ error }`. */
export function isErrorCell(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null;
}

/** Blank: null, "" or text of spaces only (a planner cannot see the difference). */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * How a reader tells what a cell is: Office.js's valueType of the cell ("Error", "String" …) when it
 * was loaded, or "Untyped" for Office.js `Range.values` read without their valueTypes (the Excel
 * layer loads none, which halves a read), where a blank cell is "" and an error is its text (#N/A).
 */
export type ValueType = "Untyped" | "Error" | (string & {});

/**
 * Turns whatever a reader produced into a CellValue: the one conversion, for every reader. With the
 * valueType "Error", "#N/A" becomes `{ error: "#N/A" }`; "Untyped" values are recognised by their
 * text (a blank "" is null, an error text an error). Anything that is not a cell value (undefined,
 * NaN, objects) becomes blank or an error rather than a crash later.
 */
export function toCellValue(value: unknown, valueType?: ValueType): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    if (valueType === "Error") return { error: value };
    if (valueType === "Untyped") return value === "" ? null : isErrorText(value) ? { error: value } : value;
    return value;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "boolean") return value;
  // File readers (ExcelJS) hand dates as Date objects in UTC: back to the serial Excel stores.
  if (value instanceof Date) return serialFromDate(value);
  if (typeof value === "object" && typeof (value as { error?: unknown }).error === "string") {
    return { error: (value as { error: string }).error };
  }
  return null;
}

function serialFromDate(date: Date): CellValue {
  if (Number.isNaN(date.getTime())) return null;
  const day = serialFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  if (day === null) return null;
  const ms = date.getUTCHours() * 3_600_000 + date.getUTCMinutes() * 60_000 + date.getUTCSeconds() * 1000 + date.getUTCMilliseconds();
  return ms === 0 ? day : day + ms / 86_400_000;
}

/** True for the text of an Excel error value ("#N/A", "#REF!" …). */
export function isErrorText(text: string): boolean {
  return ERROR_SET.has(text.trim().toUpperCase());
}

/** Normalises a row-major grid of values with its Office.js valueTypes (same shape, or absent). */
export function normalizeValues(values: unknown[][], valueTypes?: string[][]): CellValue[][] {
  return values.map((row, r) => row.map((v, c) => toCellValue(v, valueTypes?.[r]?.[c])));
}

/** Text of a cell for text columns: numbers as typed digits, blank and errors as "". */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || isErrorCell(v)) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A short display of a raw value for messages: 'Ana Silvaa', 50, TRUE, #N/A. */
export function showValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "(blank)";
  if (isErrorCell(v)) return v.error;
  if (typeof v === "string") return `'${v.length > 60 ? `${v.slice(0, 57)}…` : v}'`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return formatNumber(v);
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 1e6) / 1e6;
  const [int, frac] = String(Math.abs(rounded)).split(".");
  const grouped = int.length > 3 && !int.includes("e") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return `${rounded < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A real number, or null for anything else (numeric text included: that is a finding). */
export function cellNumber(v: CellValue | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Numeric text as people type it: "1,200", "1.200,50", "-3.5", "12 %" (0.12), "(250)". Thousands
 * separators must group by three; a lone comma with other grouping is a decimal comma ("1,5").
 */
export function parseNumberText(text: string): number | null {
  let t = text.trim().replace(/[\u00a0\u202f']/g, " ");
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (/^[+-]/.test(t)) {
    negative = negative !== t.startsWith("-");
    t = t.slice(1).trim();
  }
  t = t.replace(/ (?=\d{3}(\D|$))/g, "");
  const normalized = normalizeSeparators(t);
  if (normalized === null || !/^\d+(\.\d+)?$|^\.\d+$/.test(normalized)) return null;
  const n = Number(normalized) * (negative ? -1 : 1);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

function normalizeSeparators(t: string): string | null {
  const lastComma = t.lastIndexOf(",");
  const lastDot = t.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator.
    const [group, decimal] = lastDot > lastComma ? [",", "."] : [".", ","];
    const [int, frac, ...rest] = t.split(decimal);
    if (rest.length > 0 || !groupedByThree(int, group)) return null;
    return `${int.split(group).join("")}.${frac}`;
  }
  if (lastComma >= 0) {
    if (groupedByThree(t, ",")) return t.split(",").join("");
    const parts = t.split(",");
    return parts.length === 2 ? `${parts[0]}.${parts[1]}` : null;
  }
  if ((t.match(/\./g) ?? []).length > 1) return groupedByThree(t, ".") ? t.split(".").join("") : null;
  return t;
}

function groupedByThree(t: string, sep: string): boolean {
  const parts = t.split(sep);
  if (parts.length < 2) return parts.length === 1;
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** Yes/No, Y/N, TRUE/FALSE, 1/0, blank (yes: a new roster row is active). null: unrecognised. */
export function parseFlag(v: CellValue | undefined): boolean | null {
  if (isBlank(v)) return true;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  const t = enumKey(v);
  if (["yes", "y", "true", "1", "active", "x", "✓"].includes(t)) return true;
  if (["no", "n", "false", "0", "inactive"].includes(t)) return false;
  return null;
}

/** Case, spaces and line breaks ignored: the key list cells and headers are compared by. */
export function enumKey(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, "");
}

/** A matcher for a list column: canonical values plus accepted alternatives, by enumKey. */
export function enumMatcher<T extends string>(values: readonly T[], aliases: Record<string, T> = {}): (v: CellValue | undefined) => T | null {
  const map = new Map<string, T>();
  for (const value of values) map.set(enumKey(value), value);
  for (const [alias, value] of Object.entries(aliases)) map.set(enumKey(alias), value);
  // Cells repeat the same few spellings: remember each raw text's answer (bounded).
  const seen = new Map<string, T | null>();
  return (v) => {
    if (typeof v !== "string") return null;
    let hit = seen.get(v);
    if (hit === undefined) {
      hit = map.get(enumKey(v)) ?? null;
      if (seen.size > 1000) seen.clear();
      seen.set(v, hit);
    }
    return hit;
  };
}
