/**
 * What the preview's grid shows of one sheet: the rectangle to draw (the used range, at least a
 * screenful, capped so a big sheet stays quick) and the cell at each address.
 */
import { columnLetters, parseRangeA1 } from "../src/plan/model";

export const MAX_ROWS = 300;
export const MAX_COLS = 40;
const MIN_ROWS = 20;
const MIN_COLS = 8;

export interface GridShape {
  rows: number;
  cols: number;
  /** True when the sheet is larger than what is drawn. */
  clipped: boolean;
}

/** Rows and columns to draw for a used range such as "A1:W30" (null: an empty sheet). */
export function gridShape(usedRange: string | null): GridShape {
  const rect = usedRange ? parseRangeA1(usedRange) : null;
  const usedRows = rect ? rect.lastRow + 1 : 0;
  const usedCols = rect ? rect.lastCol + 1 : 0;
  return {
    rows: Math.min(MAX_ROWS, Math.max(MIN_ROWS, usedRows + 2)),
    cols: Math.min(MAX_COLS, Math.max(MIN_COLS, usedCols + 1)),
    clipped: usedRows > MAX_ROWS || usedCols > MAX_COLS,
  };
}

export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Points (Excel's column width unit here) to CSS pixels. */
export function pointsToPx(points: number): number {
  return Math.round((points * 4) / 3);
}

/** A one-line, readable summary of a validation or conditional-format rule object from the sim. */
export function describeRule(rule: unknown): string {
  if (rule === null || rule === undefined) return "";
  if (typeof rule !== "object") return String(rule);
  return Object.entries(rule as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => (typeof v === "object" ? `${k}: ${describeRule(v)}` : `${k} ${String(v)}`))
    .join(", ");
}
