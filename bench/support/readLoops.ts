/**
 * The benchmarks' floor: plain loops that read every cell once and do nothing else, the least any
 * code that looks at the whole plan must pay. A budget "N times the floor" can fail, unlike one
 * against structuredClone, which costs many times a read and grows faster than the rows do.
 */
import { Action, type CellValue, type SheetGrid } from "../../src/plan/model";

/** A read that the JIT cannot skip: every value's type and, for text, its length. */
function weigh(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return 1;
  if (typeof v === "string") return v.length & 3;
  return 2;
}

/** Every cell of every grid, once. */
export function readEveryCell(grids: readonly SheetGrid[]): number {
  let n = 0;
  for (const g of grids) {
    for (const row of g.values as CellValue[][]) for (let c = 0; c < row.length; c++) n += weigh(row[c]);
  }
  return n;
}

/** The parsed fields of an action (its row as read, less where it came from). */
const ACTION_FIELDS = Object.keys(Action.shape).filter((k) => k !== "source") as (keyof Action)[];

/** Every parsed field of every action, once: what RAG reads, and no more. */
export function readEveryField(actions: readonly Action[]): number {
  let n = 0;
  for (const a of actions) for (let f = 0; f < ACTION_FIELDS.length; f++) n += weigh(a[ACTION_FIELDS[f]]);
  return n;
}
