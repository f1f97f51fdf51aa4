/**
 * The RAG Summary as a SheetSpec, from buildSummaryLayout (summaryLayout.ts), and the summary's
 * inputs from a read plan. Pure; the Excel layer and the .xlsx writer both apply the result.
 */
import { cellA1 } from "../model/a1";
import type { PlanWorkbook } from "../model/planWorkbook";
import { inExcelTable, withSpareRows, type TableListing, type TablePosition } from "../model/tablePosition";
import { emptySheetSpec, RAG_COLOURS, type SheetSpec } from "../sheets/sheetSpec";
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
 * The labels and tables of the summary: JBP objective IDs then any other ID the actions use; the
 * active roster then any other owner the actions name; so no action falls out of a block. Each
 * table counts down to the end of the Excel table it stands in (`tables`, as the workbook lists
 * them), plus SUMMARY_SPARE_ROWS.
 */
export function summaryInput(plan: PlanWorkbook, sheetName: string, tables: readonly TableListing[] = []): SummaryInput {
  const ref = (p: TablePosition): TablePosition => withSpareRows(inExcelTable(p, tables), SUMMARY_SPARE_ROWS);
  const actions = plan.japs.flatMap((j) => j.actions);
  return {
    sheetName,
    japTables: plan.japs.filter((j) => j.position.columns.rag !== undefined).map((j) => ref(j.position)),
    jbpTables: plan.jbps.filter((j) => j.position.columns.rag !== undefined).map((j) => ref(j.position)),
    objectiveIds: distinct([...plan.jbps.flatMap((j) => j.objectives.map((o) => o.id)), ...actions.map((a) => a.objectiveId)]),
    ownerNames: distinct([...(plan.roster?.rows.filter((r) => r.active).map((r) => r.name) ?? []), ...actions.map((a) => a.owner)]),
    maxPriorities: plan.settings.maxPriorities,
  };
}

export function buildSummarySheetSpec(layout: SummaryLayout): SheetSpec {
  // The mark tells this sheet from a user's own "RAG Summary", and follows a rename (summaryMark.ts).
  const spec: SheetSpec = { ...emptySheetSpec(layout.sheetName, "summary"), names: [summaryMark(layout.sheetName)], columnWidths: layout.columnWidths };
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
