/**
 * The Review Log read back from grids: its table found by header on any sheet, each row parsed into
 * a ReviewLogRow. A row that does not parse (a date typed as text, a RAG not from the list) is kept
 * aside with what is wrong, never dropped silently; blank rows are skipped.
 */
import { cellNumber, cellText, type CellValue, isBlank, matchRag, matchStatus, type SheetGrid, type TablePosition } from "../model";
import { QUARTERLY_REVIEW, REVIEW_LOG, type TableLayout } from "../layouts";
import { findTables, gridCell, origin, READ_LAYOUTS } from "../read";
import { QuarterlyReviewRow, ReviewLogRow } from "./reviewLogRow";

export interface LogRowProblem {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  message: string;
}

export interface ReadLog<T> {
  /** Where the table stands (the first found), null when the workbook has none. */
  position: TablePosition | null;
  rows: T[];
  /** The 0-based sheet row of each of `rows` (a LogEdit's indices are into `rows`). */
  sheetRows: number[];
  problems: LogRowProblem[];
}

function readTable(grids: readonly SheetGrid[], layout: TableLayout): { position: TablePosition | null; cells: { sheet: string; row: number; cells: Record<string, CellValue> }[] } {
  for (const grid of grids) {
    // Looked for among every layout, so that a JAP (whose headers include "ID" and "RAG", and whose
    // header block has "Review date") is a JAP, not a Review Log.
    const table = findTables(grid, READ_LAYOUTS).find((t) => t.layout === layout);
    if (!table) continue;
    const o = origin(grid);
    const cells = table.rowIndices.map((r) => {
      const row: Record<string, CellValue> = {};
      for (const [key, c] of Object.entries(table.gridColumns)) row[key] = gridCell(grid, r, c);
      return { sheet: table.position.sheet, row: o.row + r, cells: row };
    });
    return { position: table.position, cells };
  }
  return { position: null, cells: [] };
}

const num = (v: CellValue | undefined): number | null => cellNumber(v ?? null);
const day = (v: CellValue | undefined): number | null => {
  const n = num(v);
  return n === null ? null : Math.floor(n);
};
const text = (v: CellValue | undefined): string => cellText(v ?? null);

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } }, value: unknown, at: { sheet: string; row: number }, problems: LogRowProblem[]): T | null {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  problems.push({ ...at, message: `Row ${at.row + 1} of '${at.sheet}': ${issue ? `${String(issue.path[0] ?? "")} ${issue.message}`.trim() : "unreadable"}` });
  return null;
}

export function readReviewLog(grids: readonly SheetGrid[]): ReadLog<ReviewLogRow> {
  const { position, cells } = readTable(grids, REVIEW_LOG);
  const rows: ReviewLogRow[] = [];
  const sheetRows: number[] = [];
  const problems: LogRowProblem[] = [];
  for (const { sheet, row, cells: c } of cells) {
    if (isBlank(c.date ?? null) && isBlank(c.actionId ?? null)) continue;
    const r = parsed(
      ReviewLogRow,
      {
        date: day(c.date),
        distributor: text(c.distributor),
        month: day(c.month),
        actionId: text(c.actionId),
        action: text(c.action),
        owner: text(c.owner),
        status: matchStatus(text(c.status)),
        pctComplete: num(c.pctComplete),
        due: day(c.due),
        actual: num(c.actual),
        target: num(c.target),
        rag: matchRag(text(c.rag)) ?? "Grey",
        ragOverride: matchRag(text(c.ragOverride)),
        overrideReason: text(c.overrideReason),
        comment: text(c.comment),
      },
      { sheet, row },
      problems,
    );
    if (r) {
      rows.push(r);
      sheetRows.push(row);
    }
  }
  return { position, rows, sheetRows, problems };
}

export function readQuarterlyReviews(grids: readonly SheetGrid[]): ReadLog<QuarterlyReviewRow> {
  const { position, cells } = readTable(grids, QUARTERLY_REVIEW);
  const rows: QuarterlyReviewRow[] = [];
  const sheetRows: number[] = [];
  const problems: LogRowProblem[] = [];
  for (const { sheet, row, cells: c } of cells) {
    if (isBlank(c.date ?? null) && isBlank(c.objectiveId ?? null)) continue;
    const r = parsed(
      QuarterlyReviewRow,
      {
        date: day(c.date),
        distributor: text(c.distributor),
        year: num(c.year),
        quarter: text(c.quarter).toUpperCase(),
        objectiveId: text(c.objectiveId),
        objective: text(c.objective),
        kpi: text(c.kpi),
        quarterTarget: num(c.quarterTarget),
        quarterActual: num(c.quarterActual),
        ytdTarget: num(c.ytdTarget),
        ytdActual: num(c.ytdActual),
        pctToTarget: num(c.pctToTarget),
        rag: matchRag(text(c.rag)) ?? "Grey",
        comment: text(c.comment),
      },
      { sheet, row },
      problems,
    );
    if (r) {
      rows.push(r);
      sheetRows.push(row);
    }
  }
  return { position, rows, sheetRows, problems };
}
