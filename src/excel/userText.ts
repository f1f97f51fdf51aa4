/**
 * The one way the Excel layer writes cell values that may hold a person's text (names, roles,
 * emails, actions, KPIs, notes typed into a plan, repairs built from them, Issues text quoting
 * them). Excel reads text written through `Range.values` as typed: "=cmd|' /C calc'!A0", "+1+1",
 * "-2+3" and "@SUM(1,1)" would become formulas, "1,200" a number, "3/4" a date. A cell formatted
 * as Text ("@") keeps what is written as it is, so every cell that receives text gets "@" first,
 * in the same request and before the values (Office.js applies a request's operations in order).
 * Cells whose number format is known to be "@" already (set earlier in the request) are left
 * alone, and `null` in the number-format array leaves the other cells' formats as they are
 * ("Blank and null values in Excel add-ins": null in a 2-D array leaves that cell unchanged,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
import { parseRangeA1 } from "../plan/model";
import { TEXT_FORMAT } from "../plan/layouts";
import { SET_BYTES, payloadBytes, type Batcher } from "./batches";

export type CellInput = string | number | boolean | null;

/** The number format a cell will have when the values land, if known; undefined when not known. */
export type KnownFormat = (i: number, j: number) => string | undefined;

/** The number formats to set first: "@" where text lands on a cell not known to be "@", null elsewhere; null when there are none. */
export function textFormats(values: readonly (readonly CellInput[])[], known?: KnownFormat): (string | null)[][] | null {
  let any = false;
  const out = values.map((row, i) =>
    row.map((v, j) => {
      if (typeof v !== "string" || v === "" || known?.(i, j) === TEXT_FORMAT) return null;
      any = true;
      return TEXT_FORMAT;
    }),
  );
  return any ? out : null;
}

/**
 * Queues `values` into `range` so that no text becomes a formula (see the file's comment). Returns
 * the bytes of the number formats it queued, for the request's count (0 when none were needed).
 */
export function queueUserValues(range: Excel.Range, values: CellInput[][], known?: KnownFormat): number {
  const formats = textFormats(values, known);
  if (formats) range.numberFormat = formats;
  range.values = values as (string | number | boolean)[][];
  return formats ? payloadBytes(formats) : 0;
}

/**
 * queueUserValues for a block of any size: in row slices that fit the request (batches.ts), the
 * text formats counted with the values. `known(row, col)` takes 0-based sheet positions.
 */
export async function writeUserRows(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  address: string,
  rows: CellInput[][],
  known?: (row: number, col: number) => string | undefined,
): Promise<void> {
  const rect = parseRangeA1(address);
  if (!rect) throw new Error(`Not a range address: ${address}`);
  const formats = textFormats(rows, known ? (i, j) => known(rect.row + i, rect.col + j) : undefined);
  const extra = (i: number): number => (formats ? payloadBytes(formats[i]) + 1 + (i === 0 ? SET_BYTES : 0) : 0);
  await batcher.addRows(
    address,
    rows,
    (sliceAddress, slice) => {
      const start = parseRangeA1(sliceAddress)!.row - rect.row;
      queueUserValues(sheet.getRange(sliceAddress), slice, known ? (i, j) => known(rect.row + start + i, rect.col + j) : undefined);
    },
    extra,
  );
}
