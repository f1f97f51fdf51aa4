/**
 * The RAG Summary as a SheetSpec, from buildSummaryLayout (summaryLayout.ts), and the summary's
 * inputs from a read plan. Pure; the Excel layer and the .xlsx writer both apply the result.
 */
import { cellA1, type CellValue, type PlanWorkbook, type TableListing, type TablePosition } from "../model";
import { planPriorities } from "../rules";
import { emptySheetSpec, printSetup, RAG_COLOURS, type SheetSpec } from "../sheets";
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
 * each distributor), the Roster, and the priorities given (1 to the most allowed by default).
 */
export function summaryInput(
  plan: PlanWorkbook,
  sheetName: string,
  tables: readonly TableListing[] = [],
  options: { japTables?: readonly TablePosition[]; priorityLabels?: CellValue[] } = {},
): SummaryInput {
  const japs = options.japTables ?? plan.japs.map((j) => j.position);
  return {
    sheetName,
    japTables: japs.filter((p) => p.columns.rag !== undefined).map((p) => summaryTableOf(p, tables)),
    jbpTables: plan.jbps.filter((j) => j.position.columns.rag !== undefined).map((j) => summaryTableOf(j.position, tables)),
    rosterTable: plan.roster ? summaryTableOf(plan.roster.position, tables) : null,
    priorityLabels: options.priorityLabels ?? priorityLabelsOf(plan),
  };
}

export function buildSummarySheetSpec(layout: SummaryLayout): SheetSpec {
  // The mark tells this sheet from a user's own "RAG Summary", and follows a rename (summaryMark.ts).
  // Prints all it holds, the chart included (no print area), one page wide, landscape.
  const spec: SheetSpec = {
    ...emptySheetSpec(layout.sheetName, "summary"),
    names: [summaryMark(layout.sheetName)],
    columnWidths: layout.columnWidths,
    print: printSetup(null, null, { what: "RAG Summary" }),
  };
  for (const c of layout.cells) {
    if (c.numberFormat) spec.formats.push({ address: c.address, numberFormat: c.numberFormat });
    if (c.formula !== undefined) spec.blocks.push({ address: c.address, formulas: [[c.formula]] });
    else if (c.value !== undefined) spec.blocks.push({ address: c.address, values: [[c.value]] });
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
    spec.charts.push({ name: "JP_RagChart", type: "ColumnStacked", source: layout.chart.source, seriesBy: layout.chart.seriesBy, title: layout.chart.title, anchor: cellA1(0, 9), width: 520, height: 320 });
  }
  return spec;
}
