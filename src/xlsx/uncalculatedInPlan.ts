/**
 * Formula cells without a cached result that the plan depends on. A file made by a program
 * that writes formulas and never calculates them reads as blanks: a JAP of formulas would pass
 * as "no findings (0 actions)". The cells that matter are those a person would type, in the
 * user columns of a plan table (JAP, JBP, Roster) from below its header row to the next table
 * on the sheet; formula columns (RAG) are the core's to compute and do not count.
 */
import { cellA1, quoteSheet } from "../plan/model";
import type { TableLayout } from "../plan/layouts";
import { JAP, JBP, ROSTER } from "../plan/layouts";
import type { PlanWorkbook, TablePosition } from "../plan/model";
import type { UncalculatedCell } from "./readXlsx";

interface Block {
  headerRow: number;
  end: number;
  columns: Set<number>;
}

function userColumns(layout: TableLayout, placement: TablePosition): Set<number> {
  const out = new Set<number>();
  for (const c of layout.columns) if (c.owner === "user" && placement.columns[c.key] !== undefined) out.add(placement.columns[c.key]);
  return out;
}

export function uncalculatedInPlan(cells: readonly UncalculatedCell[], plan: PlanWorkbook): UncalculatedCell[] {
  if (cells.length === 0) return [];
  const tables: [TableLayout, TablePosition][] = [
    ...plan.japs.map((j) => [JAP, j.position] as [TableLayout, TablePosition]),
    ...plan.jbps.map((j) => [JBP, j.position] as [TableLayout, TablePosition]),
    ...(plan.roster ? [[ROSTER, plan.roster.position] as [TableLayout, TablePosition]] : []),
  ];
  const bySheet = new Map<string, Block[]>();
  for (const [layout, p] of tables) {
    const list = bySheet.get(p.sheet) ?? [];
    list.push({ headerRow: p.headerRow, end: Infinity, columns: userColumns(layout, p) });
    bySheet.set(p.sheet, list);
  }
  for (const list of bySheet.values()) {
    list.sort((a, b) => a.headerRow - b.headerRow);
    for (let i = 0; i + 1 < list.length; i++) list[i].end = list[i + 1].headerRow;
  }
  return cells.filter((c) => bySheet.get(c.sheet)?.some((b) => c.row > b.headerRow && c.row < b.end && b.columns.has(c.col)) ?? false);
}

/** "JAP!B9", or "JAP!B9 and 119 more cells", for a message. */
export function describeCells(cells: readonly UncalculatedCell[]): string {
  const first = `${quoteSheet(cells[0].sheet)}!${cellA1(cells[0].row, cells[0].col)}`;
  return cells.length === 1 ? first : `${first} and ${(cells.length - 1).toLocaleString("en")} more cell${cells.length === 2 ? "" : "s"}`;
}
