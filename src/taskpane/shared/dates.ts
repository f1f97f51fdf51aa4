/** Serial dates as the pane shows them. Conversions are the core's (src/plan/serialDate.ts). */
import { isoFromSerial, serialFromIso } from "../../plan/model";

export { serialFromIso as isoToSerial };

/** "2026-03-18" for a serial; "" for null or a serial that is no date. */
export function serialToIso(serial: number | null | undefined): string {
  return serial === null || serial === undefined ? "" : isoFromSerial(serial);
}

// One formatter for every date: toLocaleDateString builds a new Intl.DateTimeFormat on each call, and
// the overview shows dozens of dates (that was about 15 ms of its first render in Chromium).
let dayMonthYear: Intl.DateTimeFormat | null = null;

/** "18 Mar 2026": unambiguous whatever the reader's date order. */
export function formatSerial(serial: number | null | undefined): string {
  const iso = serialToIso(serial);
  if (!iso) return "no date";
  dayMonthYear ??= new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return dayMonthYear.format(new Date(`${iso}T00:00:00Z`));
}
