/**
 * Excel serial dates both ways. Serial 1 is 1900-01-01 and Excel keeps Lotus 1-2-3's fictitious
 * 1900-02-29 as serial 60, so from 1900-03-01 (serial 61) on a serial is days since 1899-12-30.
 * Serials are calendar days: any time-of-day fraction is dropped.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Last serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;
const MS_PER_DAY = 86_400_000;
/** Date.UTC of 1899-12-30, the epoch for serials from 61 on. */
const EPOCH = Date.UTC(1899, 11, 30);

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** The serial of a calendar date, or null when the date does not exist or Excel cannot hold it. */
export function serialFromYmd(y: number, m: number, d: number): number | null {
  if (y === 1900 && m === 2 && d === 29) return 60;
  if (!isValidYmd(y, m, d) || y < 1900 || y > 9999) return null;
  const days = Math.round((Date.UTC(y, m - 1, d) - EPOCH) / MS_PER_DAY);
  // Before the fictitious leap day Excel's count is one lower than the real one.
  return days < 61 ? days - 1 : days;
}

/** The calendar date of a serial, or null outside 1..9999-12-31 (or not a finite number). */
export function ymdFromSerial(serial: number): Ymd | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (s < 1 || s > MAX_SERIAL) return null;
  if (s === 60) return { y: 1900, m: 2, d: 29 };
  const date = new Date(EPOCH + (s < 60 ? s + 1 : s) * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-05" → 46086; null for anything else. */
export function serialFromIso(iso: string): number | null {
  const m = ISO.exec(iso.trim());
  return m ? serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** 46086 → "2026-03-05"; "" for a serial that is no date. */
export function isoFromSerial(serial: number): string {
  const ymd = ymdFromSerial(serial);
  if (!ymd) return "";
  return `${String(ymd.y).padStart(4, "0")}-${pad2(ymd.m)}-${pad2(ymd.d)}`;
}

/** Today's serial from the local calendar date of `now` (what Excel's TODAY() gives). */
export function todaySerial(now: Date): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 0;
}

/** The serial of the first day of the month that `serial` falls in. */
export function monthStart(serial: number): number | null {
  const ymd = ymdFromSerial(serial);
  return ymd ? serialFromYmd(ymd.y, ymd.m, 1) : null;
}

/** The serial of the last day of the month that `serial` falls in. */
export function monthEnd(serial: number): number | null {
  const ymd = ymdFromSerial(serial);
  return ymd ? serialFromYmd(ymd.y, ymd.m, daysInMonth(ymd.y, ymd.m)) : null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "5 March 2026": unambiguous in every locale, for messages. */
export function longDate(serial: number): string {
  const ymd = ymdFromSerial(serial);
  return ymd ? `${ymd.d} ${MONTHS[ymd.m - 1]} ${ymd.y}` : String(serial);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
