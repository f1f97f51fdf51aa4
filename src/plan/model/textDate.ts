/**
 * Dates typed as text, as planners type them: ISO (2026-03-05, 2026/03/05), numeric day-first or
 * month-first (05/03/2026, 5.3.2026, 5-3-26) read by the workbook's date order, and month names
 * ("5 Mar 2026", "March 5, 2026", "05-Mar-26"). An impossible date (31/02/2026) is not a date.
 */
import type { DateOrder } from "./schemas";
import { serialFromYmd } from "./serialDate";

export interface TextDate {
  serial: number;
  /** True when the numeric text reads as two different valid dates (05/03/2026). */
  ambiguous: boolean;
  /** The other reading of an ambiguous date. */
  alternative?: number;
}

const MONTH_NAMES: Record<string, number> = {};
["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].forEach(
  (name, i) => {
    MONTH_NAMES[name] = i + 1;
    MONTH_NAMES[name.slice(0, 3)] = i + 1;
  },
);
MONTH_NAMES.sept = 9;

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[-\s.]+([a-z]+)\.?[-\s.,]+(\d{2}|\d{4})$/;
const MONTH_DAY_YEAR = /^([a-z]+)\.?[-\s.]+(\d{1,2})(?:st|nd|rd|th)?,?[-\s.,]+(\d{2}|\d{4})$/;

/** Reads a text date; null when the text is not a date. */
export function parseTextDate(text: string, order: DateOrder = "DMY"): TextDate | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "") return null;
  let m = YMD.exec(t);
  if (m) return single(serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])));
  m = NUMERIC.exec(t);
  if (m) return numeric(Number(m[1]), Number(m[3]), fullYear(m[4]), order);
  m = DAY_MONTH_YEAR.exec(t);
  if (m) return named(Number(m[1]), m[2], m[3]);
  m = MONTH_DAY_YEAR.exec(t);
  if (m) return named(Number(m[2]), m[1], m[3]);
  return null;
}

/** The serial of a text date, or null. */
export function textDate(text: string, order: DateOrder = "DMY"): number | null {
  return parseTextDate(text, order)?.serial ?? null;
}

/** "March 2026", "Mar-26", "2026-03", "03/2026": the first day of that month, for a JAP's Month. */
export function parseTextMonth(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) return serialFromYmd(Number(m[1]), Number(m[2]), 1);
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return serialFromYmd(Number(m[2]), Number(m[1]), 1);
  m = /^([a-z]+)\.?[-\s.,]+(\d{2}|\d{4})$/.exec(t);
  if (m && MONTH_NAMES[m[1]]) return serialFromYmd(fullYear(m[2]), MONTH_NAMES[m[1]], 1);
  return null;
}

function numeric(a: number, b: number, year: number, order: DateOrder): TextDate | null {
  const dayFirst = serialFromYmd(year, b, a);
  const monthFirst = serialFromYmd(year, a, b);
  const chosen = order === "DMY" ? dayFirst : monthFirst;
  const other = order === "DMY" ? monthFirst : dayFirst;
  // 13/03/2026 has only one reading whatever the order; use it rather than reject it.
  if (chosen === null) return single(other);
  if (other === null || other === chosen) return { serial: chosen, ambiguous: false };
  return { serial: chosen, ambiguous: true, alternative: other };
}

function named(day: number, monthName: string, year: string): TextDate | null {
  const month = MONTH_NAMES[monthName];
  return month ? single(serialFromYmd(fullYear(year), month, day)) : null;
}

function single(serial: number | null): TextDate | null {
  return serial === null ? null : { serial, ambiguous: false };
}

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * The date order of a locale's short date pattern (Excel's cultureInfo.datetimeFormat
 * .shortDatePattern): "dd/MM/yyyy" (en-GB) is DMY, "M/d/yyyy" (en-US) is MDY. A year-first pattern
 * ("yyyy-MM-dd" of sv-SE, ko-KR, en-ZA; "yyyy/MM/dd" of ja-JP) says nothing about how a year-last
 * date such as 05/03/2026 is read (day-first in some of those places, month-first in others), so
 * it keeps the product's default, DMY, as does a pattern without both a day and a month; the
 * ambiguity finding still names the other reading, and a Date order chosen in Settings wins.
 * Quoted literals ('de', "г.") and backslash escapes are not fields.
 */
export function dateOrderOfPattern(pattern: string): DateOrder {
  const fields = pattern.replace(/'[^']*'|"[^"]*"|\\./g, "");
  const d = fields.indexOf("d");
  const m = fields.indexOf("M");
  const y = fields.indexOf("y");
  if (d < 0 || m < 0) return "DMY";
  if (y >= 0 && y < d && y < m) return "DMY";
  return m < d ? "MDY" : "DMY";
}
