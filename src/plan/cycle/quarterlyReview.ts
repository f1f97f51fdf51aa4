/**
 * The quarterly JBP review: each objective's quarter and year-to-date figures on the review date,
 * its RAG from the YTD attainment, and where the JBP's "Last quarterly review" date goes.
 *
 * The YTD rule is the JBP sheet's own (rag/ragRules.ts OBJECTIVE_KPI): a quarter that has ended
 * counts in full (its target and its actual; one without an actual is left out, and Check warns of
 * it); the quarter in progress counts once it has an actual, with its target pro rata to the days
 * elapsed, so that a month's actual is not judged against a whole quarter's target. For KPIs that
 * are not flows (%, days, counts of stores) the quarters are weighted by their days instead: the
 * YTD figures are day-weighted averages of target and actual.
 */
import { cellNumber, type CellValue, jbpHeaderValues, jbpQuarters, type JbpPlan, type Objective, type Quarter, type Rag, SETTING_NAMES, type Settings, type SheetGrid } from "../model";
import { objectiveRowValues } from "../rag";
import { JBP } from "../layouts";
import { gridCell, headerKey, origin } from "../read";
import type { QuarterlyReviewRow } from "./reviewLogRow";

export interface YtdFigures {
  ytdTarget: number | null;
  ytdActual: number | null;
  pctToTarget: number | null;
}

const rawNumber = (o: Objective, key: string): number | null => cellNumber((o.source.raw[key] as CellValue | undefined) ?? (o[key as keyof Objective] as CellValue));

/**
 * An objective's YTD figures on `date`: the JBP sheet's own YTD columns (rag/ragRules.ts
 * OBJECTIVE_KPI) evaluated as of that date, so the review records what the sheet shows. `header`:
 * the JBP's header cells (jbpHeaderValues).
 */
export function ytdFigures(o: Objective, header: Record<string, CellValue>, date: number): YtdFigures {
  const row = objectiveRowValues(o, NO_ACTIONS, { [SETTING_NAMES.asOf]: date }, header);
  const n = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);
  const ytdTarget = n(row.ytdTarget);
  const ytdActual = n(row.ytdActual);
  return { ytdTarget, ytdActual, pctToTarget: ytdTarget === null || ytdActual === null ? null : n(row.pctToTarget) };
}
const NO_ACTIONS = { Red: 0, Amber: 0, Green: 0, Grey: 0 };

/** The RAG of a YTD attainment by the Settings' thresholds; Grey without one. */
export function attainmentRag(pct: number | null, settings: Pick<Settings, "greenThreshold" | "amberThreshold">): Rag {
  if (pct === null) return "Grey";
  return pct >= settings.greenThreshold ? "Green" : pct >= settings.amberThreshold ? "Amber" : "Red";
}

/** The quarter a review on `date` is about: the last one ended by then (Q1 before any has). */
export function reviewedQuarter(quarters: readonly Quarter[], date: number): Quarter {
  return [...quarters].reverse().find((q) => q.end < date) ?? quarters[0];
}

/** The quarterly review rows of one JBP: one per objective with an ID. Null when the JBP has no year or period. */
export function quarterlyReviewRows(jbp: JbpPlan, date: number, settings: Pick<Settings, "greenThreshold" | "amberThreshold">, comments: Readonly<Record<string, string>> = {}): QuarterlyReviewRow[] | null {
  const quarters = jbpQuarters(jbp.header);
  if (!quarters) return null;
  const quarter = reviewedQuarter(quarters, date);
  const header = jbpHeaderValues(jbp);
  const byId = new Map(Object.entries(comments).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return jbp.objectives
    .filter((o) => o.id.trim() !== "")
    .map((o) => {
      const ytd = ytdFigures(o, header, date);
      return {
        date,
        distributor: jbp.header.distributor,
        year: jbp.header.year,
        quarter: `Q${quarter.q}` as QuarterlyReviewRow["quarter"],
        objectiveId: o.id.trim(),
        objective: o.objective,
        kpi: o.kpi,
        quarterTarget: rawNumber(o, `q${quarter.q}Target`),
        quarterActual: rawNumber(o, `q${quarter.q}Actual`),
        ...ytd,
        rag: attainmentRag(ytd.pctToTarget, settings),
        comment: byId.get(o.id.trim().toLowerCase()) ?? "",
      };
    });
}

/**
 * The cell that holds the JBP's "Last quarterly review" (right of its label above the table), as
 * the grid the JBP was read from shows it; null when the header block has no such label.
 */
export function lastReviewCell(grid: SheetGrid, jbp: JbpPlan): { row: number; col: number } | null {
  const label = headerKey(JBP.headerBlock.find((f) => f.key === "lastReview")!.label);
  const o = origin(grid);
  for (let r = 0; r < jbp.position.headerRow - o.row; r++) {
    const width = grid.values[r]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const v = gridCell(grid, r, c);
      if (typeof v === "string" && headerKey(v) === label) return { row: o.row + r, col: o.col + c + 1 };
    }
  }
  return null;
}
