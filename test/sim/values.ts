/**
 * How Excel turns what is written into a cell into its content, as an en-US Excel does when a
 * value arrives through Range.values or is typed: "=…" is a formula; "+…", "-…" and "@…" that are
 * not numbers become formulas too; "'…" is text without the apostrophe; numbers, percentages,
 * TRUE/FALSE and ISO dates are recognised; a cell formatted as Text ("@") keeps the text as is.
 */
import { fail } from "./errors";

export type Scalar = string | number | boolean;

export interface Content {
  value?: Scalar; // undefined: empty
  formula?: string;
  /** A number format Excel applies when it recognises a percentage or a date in text. */
  impliedFormat?: string;
}

export const MAX_TEXT = 32_767;
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!", "#UNKNOWN!"]);

export function isErrorValue(v: unknown): boolean {
  return typeof v === "string" && ERRORS.has(v);
}

/** Excel's serial date for a calendar date (1900 date system, valid from 1900-03-01). */
export function dateToSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export function serialToDate(serial: number): { y: number; m: number; d: number; H: number; M: number; S: number } {
  const ms = Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30);
  const dt = new Date(ms);
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    H: dt.getUTCHours(),
    M: dt.getUTCMinutes(),
    S: dt.getUTCSeconds(),
  };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Checks a value an add-in writes; only strings, finite numbers and booleans fit in a cell. */
export function checkScalar(v: unknown, what: string, i = 0, j = 0): Scalar {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail("InvalidArgument", `${what}[${i}][${j}]: ${v} is not a finite number`);
    return v;
  }
  if (typeof v === "string") {
    if (v.length > MAX_TEXT) fail("InvalidArgument", `${what}[${i}][${j}]: text longer than ${MAX_TEXT} characters`);
    return v;
  }
  if (typeof v === "boolean") return v;
  return fail("InvalidArgument", `${what}[${i}][${j}]: ${JSON.stringify(v)} is not a string, number or boolean`);
}

/** The content a cell gets when `input` is written to it as a value (or typed). */
export function interpretInput(input: Scalar, numberFormat: string): Content {
  if (typeof input !== "string") return { value: input };
  if (input === "") return {};
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return input.length > 1 ? { value: input.slice(1) } : {};
  if (input.startsWith("=") && input.length > 1) return { formula: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, impliedFormat: "0%" };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (y >= 1900 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d) {
      return { value: dateToSerial(y, m, d), impliedFormat: "yyyy-mm-dd" };
    }
  }
  // Excel reads a leading +, - or @ as the start of a formula ("- item" becomes "=- item").
  if (input.length > 1 && (input[0] === "+" || input[0] === "-" || input[0] === "@")) {
    return { formula: `=${input}` };
  }
  if (isErrorValue(t)) return { value: t };
  return { value: input };
}

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export function valueTypeOf(v: Scalar | undefined): ValueType {
  if (v === undefined || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return isErrorValue(v) ? "Error" : "String";
}
