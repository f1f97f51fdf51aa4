/**
 * Where the Excel tables of a worksheet stand, from its table parts (ECMA-376 Part 1, 18.5.1.2):
 * each table's `ref` (header and totals rows included), `headerRowCount` (default 1) and
 * `totalsRowCount` (default 0). The reader reads a plan in a table as far as the table goes, its
 * totals row left out, so lines typed below it (footnotes, a totals row) are not actions.
 */
import { type GridTable, parseRangeA1 } from "../plan/model";
import { readRelationships } from "./packageRels";
import { attr } from "./xmlTokenizer";
import { xmlElements } from "./xmlPart";
import type { InflateBudget, ZipArchive } from "./zipArchive";

/** A table part's extent, or null for a table without a header row (its headers are in no cell) or an unreadable ref. */
export function tableExtent(attrs: string): GridTable | null {
  const range = parseRangeA1(attr(attrs, "ref") ?? "");
  if (!range) return null;
  const count = (name: string, fallback: number): number => {
    const n = Number(attr(attrs, name) ?? fallback);
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  if (count("headerRowCount", 1) === 0) return null;
  const lastRow = Math.max(range.row, range.lastRow - count("totalsRowCount", 0));
  return { headerRow: range.row, lastRow, col: range.col, lastCol: range.lastCol };
}

/** The extents of the tables of one worksheet part (none when it has no table parts). */
export async function worksheetTables(zip: ZipArchive, sheetPart: string, budget: InflateBudget): Promise<GridTable[]> {
  const out: GridTable[] = [];
  for (const rel of await readRelationships(zip, sheetPart, budget)) {
    if (rel.kind !== "table") continue;
    const entry = zip.entry(rel.target);
    if (!entry) continue;
    const root = (await xmlElements(zip, entry, budget)).find((e) => e.depth === 0);
    const extent = root && root.name === "table" ? tableExtent(root.attrs) : null;
    if (extent) out.push(extent);
  }
  return out;
}
