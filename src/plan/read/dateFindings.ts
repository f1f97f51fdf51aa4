/** The findings and repair shared by the readers and the date rules for dates typed as text. */
import { type CellValue, type DateOrder, finding, type Finding, isoFromSerial, longDate, showValue } from "../model";
import { DATE_FORMAT } from "../layouts";

/** Repair of a text date: the serial, with the date number format so it shows as a date. */
export function dateRepair(serial: number): { value: CellValue; label: string; numberFormat: string } {
  return { value: serial, label: `Make this the date ${isoFromSerial(serial)}`, numberFormat: DATE_FORMAT };
}

export function ambiguousFinding(
  what: string,
  value: CellValue,
  serial: number,
  alternative: number,
  order: DateOrder,
  at: { sheet: string; row: number; col: number },
): Finding {
  const how = order === "DMY" ? "day first" : "month first";
  return finding(
    "date.ambiguous",
    "warning",
    at,
    `${what} ${showValue(value)} could be ${longDate(serial)} or ${longDate(alternative)}; it is read as ${longDate(serial)} (${how}, the workbook's date order).`,
    dateRepair(serial),
  );
}
