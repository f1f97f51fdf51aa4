/**
 * The JBP's YTD rule stated literally, quarter by quarter (as the quarterly review first computed it),
 * for tests to hold the rule trees (rag/ragRules.ts OBJECTIVE_KPI) and the sheet formulas to.
 */
import { type CellValue, isAdditiveUnit, jbpQuarters } from "../../src/plan/model";

export interface YtdExpected {
  ytdTarget: number | null;
  ytdActual: number | null;
  pctToTarget: number | null;
}

const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);

/** Q1's first day by the header cells: a Period start from March 1900 on, else 1 January of a Year in 2000..2100, else none. */
export function q1Start(header: Record<string, CellValue | undefined>): number | null {
  const ps = num(header.periodStart);
  if (ps !== null && ps >= 61) return Math.floor(ps);
  const y = num(header.year);
  return y !== null && y >= 2000 && y <= 2100 ? jbpQuarters({ periodStart: null, year: Math.trunc(y) })![0].start : null;
}

export function ytdByRule(row: Record<string, CellValue | undefined>, header: Record<string, CellValue | undefined>, asOf: number): YtdExpected {
  const unit = row.unit;
  const additive = isAdditiveUnit(unit === null || unit === undefined ? "" : typeof unit === "object" ? "" : String(unit));
  const start = q1Start(header);
  const quarters = start === null ? null : jbpQuarters({ periodStart: start, year: null });
  let target = 0;
  let actual = 0;
  let weight = 0;
  let counted = 0;
  for (const q of [1, 2, 3, 4] as const) {
    const t = num(row[`q${q}Target`]);
    const a = num(row[`q${q}Actual`]);
    if (t === null || a === null) continue;
    let elapsed = 1;
    let days = 1;
    if (quarters) {
      const { start: s, end } = quarters[q - 1];
      if (s > asOf) continue;
      days = end - s + 1;
      elapsed = Math.min(days, asOf - s + 1);
    }
    counted++;
    if (additive) {
      target += (t * elapsed) / days;
      actual += a;
    } else {
      target += t * elapsed;
      actual += a * elapsed;
      weight += elapsed;
    }
  }
  if (counted === 0) return { ytdTarget: null, ytdActual: null, pctToTarget: null };
  const T = additive ? target : target / weight;
  const A = additive ? actual : actual / weight;
  const lower = typeof row.direction === "string" && row.direction.trim().toLowerCase() === "lower is better";
  const pct = lower ? (A === 0 ? (T >= 0 ? 1 : 0) : T / A) : T === 0 ? (A >= 0 ? 1 : 0) : A / T;
  return { ytdTarget: T, ytdActual: A, pctToTarget: pct };
}

/** Equal within float rounding (relative 1e-9); null equals a blank or "". */
export function sameFigure(a: CellValue | undefined, b: number | null): boolean {
  if (b === null) return a === null || a === undefined || a === "";
  return typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
