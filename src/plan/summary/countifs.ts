/**
 * The criteria of COUNTIFS and SUMIFS as the summary's formulas use them, in TypeScript, so that
 * summaryFigures.ts counts what the sheet counts. A criterion taken from a cell (an objective ID, a
 * name, a priority) matches as Excel matches it: ignoring case, never trimming; a number, or text
 * that reads as one, matches numbers equal to it and text that spells it; * and ? are wildcards
 * (~ escapes them). "<>" matches any cell that is not empty; "<>Cancelled" any cell but that text.
 */
import type { CellValue } from "../model";

const isEmpty = (cell: CellValue | undefined): boolean => cell === null || cell === undefined || cell === "";

/** "Red" against a cell: text equal ignoring case (what a plain text criterion without wildcards does). */
export const textEquals = (cell: CellValue | undefined, text: string): boolean => typeof cell === "string" && cell.toLowerCase() === text.toLowerCase();

/** "<>": a cell that holds anything. */
export const notEmpty = (cell: CellValue | undefined): boolean => !isEmpty(cell);

/** "<>text": any cell but that text (ignoring case); empty cells and numbers match. */
export const notText = (cell: CellValue | undefined, text: string): boolean => !textEquals(cell, text);

/** ">=0" and "<=1" together: a number from 0 to 1 (text never compares as a number). */
export const numberWithin = (cell: CellValue | undefined, low: number, high: number): boolean => typeof cell === "number" && cell >= low && cell <= high;

/** "?*": text of one character or more. */
export const someText = (cell: CellValue | undefined): boolean => typeof cell === "string" && cell.length > 0;

function wildcardPattern(text: string): RegExp {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "~" && i + 1 < text.length && "*?~".includes(text[i + 1])) out += `\\${text[++i]}`;
    else if (c === "*") out += "[\\s\\S]*";
    else if (c === "?") out += "[\\s\\S]";
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "i");
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A text criterion that matches only cells holding that very text, case ignored (no number, operator or wildcard in it). */
export const isPlainText = (criterion: string): boolean => criterion !== "" && !NUMERIC.test(criterion) && !/[*?~]/.test(criterion) && !/^[<>=]/.test(criterion);

/**
 * A criterion that is a cell's value (COUNTIFS(range, $AA12)). Empty criteria are the caller's to
 * keep out (the formulas count nothing for a blank label).
 */
export function cellCriterion(criterion: CellValue): (cell: CellValue | undefined) => boolean {
  if (typeof criterion === "number" || (typeof criterion === "string" && NUMERIC.test(criterion))) {
    const n = Number(criterion);
    return (cell) => (typeof cell === "number" ? cell === n : typeof cell === "string" && NUMERIC.test(cell) && Number(cell) === n);
  }
  if (typeof criterion === "boolean") return (cell) => cell === criterion;
  if (typeof criterion !== "string") return () => false;
  if (!/[*?~]/.test(criterion)) return (cell) => textEquals(cell, criterion);
  const pattern = wildcardPattern(criterion);
  return (cell) => typeof cell === "string" && pattern.test(cell);
}
