/**
 * The RAG Summary as a SheetSpec, from buildSummaryLayout (summaryLayout.ts), and the summary's
 * inputs from a read plan. Pure; the Excel layer and the .xlsx writer both apply the result.
 */
import { cellA1, inExcelTable, type PlanWorkbook, type TableListing, type TablePosition, withSpareRows } from "../model";
import { emptySheetSpec, printSetup, RAG_COLOURS, type SheetSpec } from "../sheets";
import type { SummaryInput, SummaryLayout } from "./summaryLayout";
import { summaryMark } from "./summaryMark";

/**
 * Rows below each table's last row that the summary's formulas also cover, so that actions typed
 * into new rows count without a rebuild (blank rows count as nothing: an action counts by its RAG).
 */
export const SUMMARY_SPARE_ROWS = 500;

const clean = (s: string): string => s.trim().replace(/\s+/g, " ");

function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values.map(clean)) {
    if (v === "" || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

/**
 * What the summary counts over and labels, as found: the JAP and JBP tables with a RAG column (each
 * down to the end of the Excel table it stands in), JBP objective IDs then the IDs the actions use,
 * the active roster then the owners the actions name, so no action falls out of a block.
 */
export interface SummarySources {
  japTables: TablePosition[];
  jbpTables: TablePosition[];
  objectiveIds: string[];
  ownerNames: string[];
  maxPriorities: number;
}

/** The summary's input: each table with SUMMARY_SPARE_ROWS more rows, each label once (spaces and case ignored). */
export function summaryInputOf(sheetName: string, sources: SummarySources): SummaryInput {
  return {
    sheetName,
    japTables: sources.japTables.map((t) => withSpareRows(t, SUMMARY_SPARE_ROWS)),
    jbpTables: sources.jbpTables.map((t) => withSpareRows(t, SUMMARY_SPARE_ROWS)),
    objectiveIds: distinct(sources.objectiveIds),
    ownerNames: distinct(sources.ownerNames),
    maxPriorities: sources.maxPriorities,
  };
}

/** The summary's input from a plan as read (Build summary), its tables as the workbook lists them. */
export function summaryInput(plan: PlanWorkbook, sheetName: string, tables: readonly TableListing[] = []): SummaryInput {
  const actions = plan.japs.flatMap((j) => j.actions);
  return summaryInputOf(sheetName, {
    japTables: plan.japs.filter((j) => j.position.columns.rag !== undefined).map((j) => inExcelTable(j.position, tables)),
    jbpTables: plan.jbps.filter((j) => j.position.columns.rag !== undefined).map((j) => inExcelTable(j.position, tables)),
    objectiveIds: [...plan.jbps.flatMap((j) => j.objectives.map((o) => o.id)), ...actions.map((a) => a.objectiveId)],
    ownerNames: [...(plan.roster?.rows.filter((r) => r.active).map((r) => r.name) ?? []), ...actions.map((a) => a.owner)],
    maxPriorities: plan.settings.maxPriorities,
  });
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
