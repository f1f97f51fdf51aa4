/**
 * Dates as the core works with them: Excel serial numbers in the 1900 date system (days since
 * 1899-12-30, with the 1900 leap-year quirk kept), from the ISO 8601 text of a t="d" cell.
 */
const MS_PER_DAY = 24 * 3600 * 1000;
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** A UTC date-time as a serial: whole days stay integers, times keep millisecond precision. */
export function dateToSerial(date: Date): number {
  const ms = date.getTime();
  if (ms % MS_PER_DAY === 0) return UNIX_EPOCH_SERIAL + ms / MS_PER_DAY;
  return Math.round((UNIX_EPOCH_SERIAL + ms / MS_PER_DAY) * 1e10) / 1e10;
}

/** An ISO 8601 date or date-time (a t="d" cell) as a serial, or null when it is not one. */
export function isoSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const seconds = m[6] ? Number(m[6]) : 0;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Math.round(seconds * 1000);
  return Number.isNaN(ms) ? null : dateToSerial(new Date(ms));
}
