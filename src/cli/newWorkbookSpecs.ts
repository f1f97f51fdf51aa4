/**
 * The SheetSpecs of a whole new plan workbook, assembled from the core's pure builders as the
 * add-in assembles its templates (src/excel/insertTemplates.ts): Roster, Settings, JBP (its action
 * counts over the JAP table, its ID column named JP_ObjectiveIds for the JAP's list), JAP, RAG
 * Summary and Review Log. No sheet content is decided here.
 */
import type { TableRef } from "../plan/formula";
import { columnIndex, JAP, JBP, jbpLayoutFor, REVIEW_LOG, tableHeaderRow } from "../plan/layouts";
import type { CellValue, RosterEntry, Settings } from "../plan/model";
import { objectiveIdsName } from "../plan/settingsRows";
import { buildTableSheetSpec, type SheetSpec } from "../plan/sheetSpec";
import { buildRosterSheetSpec, buildSettingsSheetSpec } from "../plan/supportSheetSpecs";
import { parseRangeA1 } from "../plan/a1";
import type { SheetGrid } from "../plan/model";
import { readWorkbook } from "../plan/read";
import { buildSummaryLayout, type SummaryInput, type SummaryLayout } from "../plan/summaryLayout";
import { buildSummarySheetSpec, SUMMARY_SHEET_NAME, summaryInput } from "../plan/summarySheetSpec";

/** Empty formatted rows offered at least, as the add-in's templates do. */
export const NEW_ACTION_ROWS = 20;
export const NEW_OBJECTIVE_ROWS = 8;
export const NEW_ROSTER_ROWS = 10;
export const NEW_REVIEW_ROWS = 20;

export type Row = Record<string, CellValue>;

export interface NewWorkbookInput {
  settings: Settings;
  roster: RosterEntry[];
  jbp: { header: Row; objectives: Row[] };
  jap: { header: Row; actions: Row[] };
  reviewLog?: Row[];
}

export const SHEET_NAMES = {
  roster: "Roster",
  settings: "Settings",
  jbp: JBP.defaultSheetName,
  jap: JAP.defaultSheetName,
  summary: SUMMARY_SHEET_NAME,
  reviewLog: REVIEW_LOG.defaultSheetName,
} as const;

/** Where a table of `rows` rows (at least `minRows`) stands on a sheet of `layout`. */
function tableRef(sheetName: string, layout: typeof JAP, rows: number, minRows: number): TableRef {
  const firstDataRow = tableHeaderRow(layout) + 1;
  const columns: Record<string, number> = {};
  layout.columns.forEach((c, i) => (columns[c.key] = i));
  return { sheetName, columns, firstDataRow, lastDataRow: firstDataRow + Math.max(rows, minRows, 1) - 1 };
}

export interface NewWorkbook {
  /** In sheet order: Roster, Settings, JBP, JAP, RAG Summary, Review Log. */
  specs: SheetSpec[];
  /** The summary's layout, with the address of every figure (tests compare them with the engine's). */
  summary: SummaryLayout;
  summaryInput: SummaryInput;
}

export function newWorkbookSpecs(input: NewWorkbookInput): SheetSpec[] {
  return newWorkbook(input).specs;
}

export function newWorkbook(input: NewWorkbookInput): NewWorkbook {
  const roster = buildRosterSheetSpec(input.roster, SHEET_NAMES.roster, Math.max(NEW_ROSTER_ROWS, input.roster.length));
  const settings = buildSettingsSheetSpec(input.settings, SHEET_NAMES.settings);
  const japRef = tableRef(SHEET_NAMES.jap, JAP, input.jap.actions.length, NEW_ACTION_ROWS);
  const jbpRef = tableRef(SHEET_NAMES.jbp, JBP, input.jbp.objectives.length, NEW_OBJECTIVE_ROWS);
  const jbp = buildTableSheetSpec(jbpLayoutFor([japRef]), {
    sheetName: SHEET_NAMES.jbp,
    tableName: JBP.tableName,
    header: input.jbp.header,
    rows: input.jbp.objectives,
    minRows: NEW_OBJECTIVE_ROWS,
    names: [objectiveIdsName(SHEET_NAMES.jbp, jbpRef.firstDataRow, jbpRef.lastDataRow, columnIndex(JBP, "id"))],
  });
  const jap = buildTableSheetSpec(JAP, {
    sheetName: SHEET_NAMES.jap,
    tableName: JAP.tableName,
    header: { ...input.jap.header, jbpSheet: SHEET_NAMES.jbp },
    rows: input.jap.actions,
    minRows: NEW_ACTION_ROWS,
  });
  const reviewLog = buildTableSheetSpec(REVIEW_LOG, {
    sheetName: SHEET_NAMES.reviewLog,
    tableName: REVIEW_LOG.tableName,
    rows: input.reviewLog ?? [],
    minRows: NEW_REVIEW_ROWS,
  });
  // The summary is built from the plan as read, exactly as the add-in's "Build summary" does.
  const sheets = [roster, settings, jbp, jap, reviewLog];
  const lastRows = new Map(sheets.flatMap((spec) => spec.tables.map((t) => [spec.sheetName, t.lastDataRow] as [string, number])));
  const plan = readWorkbook(sheets.map(specGrid));
  const summaryIn = summaryInput(plan, SHEET_NAMES.summary, lastRows);
  const summaryLayout = buildSummaryLayout(summaryIn);
  const summary = buildSummarySheetSpec(summaryLayout);
  return { specs: [roster, settings, jbp, jap, summary, reviewLog], summary: summaryLayout, summaryInput: summaryIn };
}

/** The constants a spec writes, as the grid a reader would see before any formula is computed. */
export function specGrid(spec: SheetSpec): SheetGrid {
  const values: CellValue[][] = [];
  for (const block of spec.blocks) {
    const r = parseRangeA1(block.address);
    if (!r) continue;
    for (let row = r.row; row <= r.lastRow; row++) {
      values[row] ??= [];
      for (let col = r.col; col <= r.lastCol; col++) values[row][col] = block.values ? block.values[row - r.row][col - r.col] : null;
    }
  }
  let width = 0;
  for (let i = 0; i < values.length; i++) width = Math.max(width, values[i]?.length ?? 0);
  const rows = Array.from({ length: values.length }, (_, i) => Array.from({ length: width }, (_, j) => values[i]?.[j] ?? null));
  return { name: spec.sheetName, values: rows, origin: { row: 0, col: 0 } };
}
