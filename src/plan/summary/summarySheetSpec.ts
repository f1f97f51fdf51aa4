/**
 * The RAG Summary as a SheetSpec, from buildSummaryLayout (summaryLayout.ts), and the summary's
 * inputs from a read plan. Pure; the Excel layer and the .xlsx writer both apply the result.
 */
import { cellA1, type CellValue, parseCellA1, type PlanWorkbook, rangeA1, type TableListing, type TablePosition } from "../model";
import { planPriorities } from "../rules";
import { CHART_RAG_COLOURS, emptySheetSpec, printSetup, RAG_COLOURS, type SheetSpec } from "../sheets";
import type { SummaryInput, SummaryLayout } from "./summaryLayout";
import { summaryMark } from "./summaryMark";
import { summaryTableOf } from "./summaryTables";

/** The priorities the summary lists when the caller gives none: 1 to the most allowed. */
export const defaultPriorityLabels = (maxPriorities: number): CellValue[] => Array.from({ length: Math.max(0, maxPriorities) }, (_, i) => i + 1);

/**
 * The priorities a read plan's (current) actions use, as planners write them (ranks, levels or
 * names, rules/priorities.ts); 1 to the most allowed when no action has one yet.
 */
function priorityLabelsOf(plan: PlanWorkbook): CellValue[] {
  return priorityLabels(planPriorities(plan.japs.flatMap((j) => j.actions)), plan.settings.maxPriorities);
}

/** The "By priority" rows: the priorities in use, else 1 to the most allowed. */
export const priorityLabels = (used: CellValue[], maxPriorities: number): CellValue[] => (used.length > 0 ? used : defaultPriorityLabels(maxPriorities));

/**
 * The summary's input from a plan as read (Build summary), its tables as the workbook lists them:
 * every JAP and JBP table with a RAG column (or the JAP tables given, such as the current month's of
 * each distributor), the Roster, the priorities given (1 to the most allowed by default), and the
 * Review Log the trend block counts, when the caller has found one.
 */
export function summaryInput(
  plan: PlanWorkbook,
  sheetName: string,
  tables: readonly TableListing[] = [],
  options: { japTables?: readonly TablePosition[]; priorityLabels?: CellValue[]; reviewLog?: TablePosition | null } = {},
): SummaryInput {
  const japs = options.japTables ?? plan.japs.map((j) => j.position);
  return {
    sheetName,
    japTables: japs.filter((p) => p.columns.rag !== undefined).map((p) => summaryTableOf(p, tables)),
    jbpTables: plan.jbps.filter((j) => j.position.columns.rag !== undefined).map((j) => summaryTableOf(j.position, tables)),
    rosterTable: plan.roster ? summaryTableOf(plan.roster.position, tables) : null,
    priorityLabels: options.priorityLabels ?? priorityLabelsOf(plan),
    reviewLog: options.reviewLog ? summaryTableOf(options.reviewLog, tables) : null,
  };
}

/** The charts' series are Red, Amber, Green, Grey, in the source's column order. */
const RAG_SERIES = (["Red", "Amber", "Green", "Grey"] as const).map((c) => CHART_RAG_COLOURS[c]);

export function buildSummarySheetSpec(layout: SummaryLayout): SheetSpec {
  // The mark tells this sheet from a user's own "RAG Summary", and follows a rename (summaryMark.ts).
  // Prints all it holds, the chart included (no print area), one page wide, landscape.
  const spec: SheetSpec = {
    ...emptySheetSpec(layout.sheetName, "summary"),
    names: [summaryMark(layout.sheetName)],
    columnWidths: layout.columnWidths,
    print: printSetup(null, null, { what: "RAG Summary" }),
  };
  // Cells side by side in a row go out as one block and one format: a request carries a few
  // hundred operations however many working cells the tables need, not one per cell.
  const placed = layout.cells.map((c) => ({ c, at: parseCellA1(c.address) as { row: number; col: number } })).sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  const runs = <K>(key: (c: (typeof placed)[number]["c"]) => K | undefined, emit: (first: (typeof placed)[number], items: (typeof placed)[number][]) => void): void => {
    let run: (typeof placed)[number][] = [];
    const flush = (): void => {
      if (run.length > 0) emit(run[0], run);
      run = [];
    };
    for (const p of placed) {
      const k = key(p.c);
      const last = run[run.length - 1];
      if (k === undefined) {
        flush();
        continue;
      }
      if (!last || last.at.row !== p.at.row || last.at.col !== p.at.col - 1 || key(last.c) !== k) flush();
      run.push(p);
    }
    flush();
  };
  const span = (first: (typeof placed)[number], items: unknown[]): string => rangeA1(first.at.row, first.at.col, first.at.row, first.at.col + items.length - 1);
  runs((c) => c.numberFormat, (first, items) => spec.formats.push({ address: span(first, items), numberFormat: first.c.numberFormat as string }));
  runs(
    (c) => (c.formula !== undefined ? "formula" : c.value !== undefined ? "value" : undefined),
    (first, items) =>
      spec.blocks.push(first.c.formula !== undefined ? { address: span(first, items), formulas: [items.map((i) => i.c.formula as string)] } : { address: span(first, items), values: [items.map((i) => i.c.value as CellValue)] }),
  );
  for (const c of layout.cells) {
    if (c.bold || c.fill || c.fontColor) {
      spec.styles.push({ address: c.address, ...(c.bold ? { bold: true } : {}), ...(c.fill ? { fill: c.fill } : {}), ...(c.fontColor ? { fontColor: c.fontColor } : {}) });
    }
  }
  const title = layout.cells.find((c) => c.address === "A1");
  if (title) spec.styles.push({ address: "A1", fontSize: 14 });
  for (const cf of layout.conditionalFormats) {
    spec.conditionalFormats.push({ ruleId: `summary.${cf.rag.toLowerCase()}`, address: cf.address, formula: cf.formula, ...RAG_COLOURS[cf.rag] });
  }
  if (layout.chart) {
    // Right of the figures (columns A..H), level with the title.
    spec.charts.push({ name: "JP_RagChart", type: "ColumnStacked", source: layout.chart.source, seriesBy: layout.chart.seriesBy, title: layout.chart.title, anchor: cellA1(0, 9), width: 520, height: 320, seriesColors: RAG_SERIES });
  }
  if (layout.trendChart) {
    // Below the first chart (320 pt is about 22 rows of 15 pt), in view beside the figures: the block itself is at the foot of the sheet.
    const anchor = cellA1(layout.chart ? 23 : 0, 9);
    spec.charts.push({ name: "JP_TrendChart", type: "ColumnStacked", source: layout.trendChart.source, seriesBy: "Columns", title: layout.trendChart.title, anchor, width: 520, height: 280, seriesColors: RAG_SERIES, textCategories: true });
  }
  return spec;
}
