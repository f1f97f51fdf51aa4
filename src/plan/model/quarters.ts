/**
 * A JBP's quarters: Q1 starts on the period start (1 January of the year when the header has no
 * period start), each quarter three calendar months. What the quarterly review, the YTD rule and the
 * "quarter actual is empty" warning share.
 */
import type { JbpHeader } from "./schemas";
import { daysInMonth, serialFromYmd, ymdFromSerial } from "./serialDate";

export interface Quarter {
  /** 1..4 */
  q: 1 | 2 | 3 | 4;
  /** First and last day (serials, inclusive). */
  start: number;
  end: number;
}

/** The serial `months` calendar months after `serial` (the day kept, or the month's last day). */
export function addMonths(serial: number, months: number): number | null {
  const d = ymdFromSerial(serial);
  if (!d) return null;
  const index = d.y * 12 + (d.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return serialFromYmd(y, m, Math.min(d.d, daysInMonth(y, m)));
}

/** The four quarters of a JBP, or null when neither a period start nor a year places them. */
export function jbpQuarters(header: Pick<JbpHeader, "periodStart" | "year">): Quarter[] | null {
  const start = header.periodStart ?? (header.year !== null ? serialFromYmd(header.year, 1, 1) : null);
  if (start === null) return null;
  const out: Quarter[] = [];
  for (let i = 0; i < 4; i++) {
    const s = addMonths(start, i * 3);
    const next = addMonths(start, (i + 1) * 3);
    if (s === null || next === null) return null;
    out.push({ q: (i + 1) as Quarter["q"], start: s, end: next - 1 });
  }
  return out;
}

/** The JBP's year as a span of days: its period when it has one, else its calendar year. */
export function jbpSpan(header: Pick<JbpHeader, "periodStart" | "periodEnd" | "year">): { start: number; end: number } | null {
  const quarters = jbpQuarters(header);
  const start = header.periodStart ?? quarters?.[0].start ?? null;
  const end = header.periodEnd ?? quarters?.[3].end ?? null;
  return start !== null && end !== null ? { start, end } : null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "30 June": a quarter's end as the warning says it. */
export function dayAndMonth(serial: number): string {
  const d = ymdFromSerial(serial);
  return d ? `${d.d} ${MONTHS[d.m - 1]}` : String(serial);
}
