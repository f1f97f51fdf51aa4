/**
 * ExcelJS cell values to the core's CellValue: what Office.js `Range.values` would give, except
 * that errors are `{ error }` objects. Dates come back from ExcelJS as JS Dates for date-formatted
 * cells; the core works in Excel serial numbers, so they are turned back exactly.
 */
import type { CellValue as ExcelJsValue } from "exceljs";
import type { CellValue } from "../plan/model";

const MS_PER_DAY = 24 * 3600 * 1000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * The exact inverse of ExcelJS's excelToDate (which rounds to the millisecond): whole days stay
 * integers, times keep millisecond precision.
 */
export function dateToSerial(date: Date): number {
  const ms = date.getTime();
  if (ms % MS_PER_DAY === 0) return UNIX_EPOCH_SERIAL + ms / MS_PER_DAY;
  return Math.round((UNIX_EPOCH_SERIAL + ms / MS_PER_DAY) * 1e10) / 1e10;
}

function richTextToString(rich: { richText: { text: string }[] }): string {
  return rich.richText.map((r) => r.text).join("");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Converts one ExcelJS value (or a formula's result) to a CellValue. */
export function cellValueOfExcelJs(value: ExcelJsValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : dateToSerial(value);
  if (!isObject(value)) return null;
  if ("error" in value && typeof value.error === "string") return { error: value.error };
  if ("richText" in value && Array.isArray(value.richText)) return richTextToString(value as { richText: { text: string }[] });
  if ("formula" in value || "sharedFormula" in value) {
    // A formula never calculated (no cached result) reads as blank, as Excel would show it before recalculation.
    return cellValueOfExcelJs((value as { result?: ExcelJsValue }).result);
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return text;
    if (isObject(text) && Array.isArray(text.richText)) return richTextToString(text as { richText: { text: string }[] });
    return String((value as { hyperlink: unknown }).hyperlink ?? "");
  }
  return null;
}
