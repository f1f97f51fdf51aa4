/**
 * The RAG Summary's trend: the plan's Red / Amber / Green / Grey counts at each of the last
 * TREND_ROWS review dates of the Review Log, oldest first, every cell a formula over the log's
 * table, and the native chart over them (issue 13, item 5). Live without the add-in: a review
 * recorded by the command line or typed into the log shows at the next recalculation.
 *
 * The dates: working cells hold the log's distinct review dates newest first (MAX, then each the
 * largest date below the one above it: AGGREGATE 14 over the date column, 12 short formulas, no
 * rows × rows); the visible rows list them oldest first, so the chart reads left to right and
 * fills up as the year's reviews come. A date's counts are COUNTIFS over the log's date and RAG
 * columns; Grey is every other row of that date. The engine's side is the cycle room's planTrend
 * (every plan's rows summed by date), passed in by the callers that have the log.
 */
import { cellA1, type CellValue, type Rag, rangeA1 } from "../model";
import { DATE_FORMAT, TEXT_FORMAT } from "../layouts";
import { RAG_COLOURS } from "../sheets";
import type { SummaryCell, SummaryConditionalFormat } from "./summaryLayout";
import { type SummaryTable, tableColumn } from "./summaryTables";

/** The review dates the block and the chart show: a year of monthly reviews. */
export const TREND_ROWS = 12;
export const TREND_TITLE = "Plan RAG by review date (the last 12 reviews in the Review Log)";
export const TREND_CHART_TITLE = "Plan RAG by review";
const NO_LOG = "No Review Log yet: Record review starts it; build the summary again to see the trend here.";

/** The plan's counts at one review date (the cycle room's planTrend gives them from the log). */
export interface TrendPoint {
  date: number;
  counts: Record<Rag, number>;
}

export interface TrendMap {
  /** 0-based sheet row of the block's header (the chart's first row). */
  headerRow: number;
  /** Visible cells, oldest review first: the date, each colour's count, the total. */
  dates: string[];
  counts: Record<Rag, string[]>;
  totals: string[];
  /** Working cells: the distinct review dates newest first, and how many there are. */
  newestFirst: string[];
  count: string;
}

const COLOURS: readonly Rag[] = ["Red", "Amber", "Green", "Grey"];

/**
 * The block's cells from `firstRow` (its title), over the Review Log table `log` (none: a note
 * only). `workCol` is the hidden working column the dates go in, `countCol` the one for their count.
 */
export function trendBlock(
  firstRow: number,
  log: SummaryTable | null,
  workCol: number,
  countCol: number,
  headerFill: string,
): { cells: SummaryCell[]; conditionalFormats: SummaryConditionalFormat[]; map: TrendMap | null; chart: { source: string; title: string } | null; nextRow: number } {
  const cells: SummaryCell[] = [];
  const put = (row: number, col: number, cell: Omit<SummaryCell, "address">): string => {
    const address = cellA1(row, col);
    cells.push({ address, ...cell });
    return address;
  };
  let r = firstRow;
  put(r++, 0, { value: TREND_TITLE, bold: true });
  if (!log || log.columns.date === undefined || log.columns.rag === undefined) {
    put(r++, 0, { value: NO_LOG, numberFormat: TEXT_FORMAT });
    return { cells, conditionalFormats: [], map: null, chart: null, nextRow: r + 1 };
  }
  const dates = tableColumn(log, "date");
  const rags = tableColumn(log, "rag");
  // The header's first cell stays blank: Excel then takes the first column as the chart's categories.
  const headerRow = r++;
  ["", ...COLOURS, "Total"].forEach((h, i) => {
    if (h === "") put(headerRow, i, { fill: headerFill });
    else put(headerRow, i, { value: h, bold: true, numberFormat: TEXT_FORMAT, ...(COLOURS.includes(h as Rag) ? RAG_COLOURS[h as Rag] : { fill: headerFill }) });
  });
  const first = r;
  const newestFirst: string[] = [];
  for (let k = 0; k < TREND_ROWS; k++) {
    const above = newestFirst[k - 1];
    const formula =
      k === 0
        ? `=IF(COUNT(${dates})=0,"",MAX(${dates}))`
        : `=IF(ISNUMBER(${above}),IFERROR(AGGREGATE(14,6,${dates}/((${dates}<${above})*ISNUMBER(${dates})),1),""),"")`;
    newestFirst.push(put(first + k, workCol, { formula, numberFormat: DATE_FORMAT }));
  }
  const chain = rangeA1(first, workCol, first + TREND_ROWS - 1, workCol).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const count = put(first, countCol, { formula: `=COUNT(${chain})`, numberFormat: "0" });
  const map: TrendMap = { headerRow, dates: [], counts: { Red: [], Amber: [], Green: [], Grey: [] }, totals: [], newestFirst, count };
  for (let i = 1; i <= TREND_ROWS; i++) {
    const row = r++;
    const date = put(row, 0, { formula: `=IF(${count}>=${i},INDEX(${chain},${count}-${i}+1),"")`, numberFormat: DATE_FORMAT });
    map.dates.push(date);
    const blankOr = (body: string): string => `=IF(${date}="","",${body})`;
    for (const c of COLOURS.slice(0, 3)) map.counts[c].push(put(row, 1 + COLOURS.indexOf(c), { formula: blankOr(`COUNTIFS(${dates},${date},${rags},"${c}")`), numberFormat: "0" }));
    const total = cellA1(row, 5);
    map.counts.Grey.push(put(row, 4, { formula: blankOr(`${total}-SUM(${rangeA1(row, 1, row, 3)})`), numberFormat: "0" }));
    map.totals.push(put(row, 5, { formula: blankOr(`COUNTIFS(${dates},${date})`), numberFormat: "0" }));
  }
  const last = r - 1;
  const conditionalFormats = COLOURS.slice(0, 3).map((c): SummaryConditionalFormat => {
    const top = cellA1(first, 1 + COLOURS.indexOf(c));
    return { address: rangeA1(first, 1 + COLOURS.indexOf(c), last, 1 + COLOURS.indexOf(c)), formula: `=AND(ISNUMBER(${top}),${top}>0)`, rag: c };
  });
  return { cells, conditionalFormats, map, chart: { source: rangeA1(headerRow, 0, last, 4), title: TREND_CHART_TITLE }, nextRow: r + 1 };
}

/** The engine's value of every formula cell of the block, from the plan's points (any order). */
export function trendValues(map: TrendMap, points: readonly TrendPoint[], set: (address: string, value: CellValue) => void): void {
  const newest = [...points].sort((a, b) => b.date - a.date).slice(0, TREND_ROWS);
  map.newestFirst.forEach((a, k) => set(a, newest[k]?.date ?? ""));
  set(map.count, newest.length);
  const oldestFirst = [...newest].reverse();
  map.dates.forEach((a, i) => {
    const p = oldestFirst[i];
    set(a, p ? p.date : "");
    for (const c of COLOURS) set(map.counts[c][i], p ? p.counts[c] : "");
    set(map.totals[i], p ? COLOURS.reduce((s, c) => s + p.counts[c], 0) : "");
  });
}
