/**
 * What typing does that writing from code does not: Excel's automatic percent entry. With "Enable
 * automatic percent entry" on (Excel Options > Advanced > Editing options; on by default), a number
 * typed into a cell already formatted as a percentage is read as a percentage: 50 is stored as 0.5
 * (shown 50%). A number below 1 typed without a leading zero is taken as it is (.5 → 0.5, 50%);
 * with one it is a percentage too (0.5 → 0.005, 0.50%); negatives alike (-.1 → -0.1, -1 → -0.01)
 * (Microsoft KB 215203, "XL: Automatic Percent Entry"; KB 138821). Text ending in % ("50%") is a
 * percentage whatever the format (values.ts). Range.values from code and pasted values are stored
 * as given: a planner who pastes 90 into "% complete" gets 90 (9,000 %), which the check reports.
 */
import type { SheetModel } from "./model";

/** A number format that shows percentages: a % outside quotes and brackets. */
export function isPercentFormat(format: string): boolean {
  return /%/.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
}

/** The text a person types for a value: numbers as Excel would show them typed (no exponent for ordinary ones). */
const typedText = (v: unknown): string | null => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : null);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The value Excel stores when `typed` is typed into a cell of this number format. */
export function typedValue(typed: unknown, numberFormat: string): unknown {
  if (!isPercentFormat(numberFormat)) return typed;
  const text = typedText(typed);
  if (text === null || !NUMBER.test(text)) return typed;
  const n = Number(text);
  // Below 1 and typed without a zero before the point (".5", "-.5"): taken as it is.
  if (Math.abs(n) < 1 && /^[+-]?\./.test(text)) return n;
  return n / 100;
}

/** `values` as typed into `sheet` from (r0, c0): each number read in its cell's format. */
export function asTyped(sheet: SheetModel, r0: number, c0: number, values: unknown[][]): unknown[][] {
  return values.map((row, i) => row.map((v, j) => typedValue(v, sheet.store.format(r0 + i, c0 + j, "numberFormat"))));
}
