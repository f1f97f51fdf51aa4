/**
 * A whole workbook's plan as the core sees it once read: where each table stands, and its rows in
 * the model's types. Readers produce it (`read.ts`), rules and the RAG engine consume it.
 */
import type { Action, CellValue, DateOrder, Finding, JapHeader, JbpHeader, Objective, RagResult, Rag, RosterEntry, Settings } from "./schemas";
import type { TablePosition } from "./tablePosition";

/** A table as the reader found it: where it stands, and the header texts it kept aside. */
export interface PlanTable {
  position: TablePosition;
  /** Header texts found that no layout column matches, kept so nothing is lost. */
  extraHeaders: string[];
}

export interface RosterRow extends RosterEntry {
  /** `raw` (the row's cells by column key) is filled by the reader, for the roster rules' repairs. */
  source: { sheet: string; row: number; raw?: Record<string, CellValue> };
}

/** A roster row that is not a valid RosterEntry (no name, or no known party): kept for the rules. */
export interface RosterProblemRow {
  name: string;
  active: boolean;
  source: { sheet: string; row: number; raw: Record<string, CellValue> };
}

export interface JbpPlan extends PlanTable {
  header: JbpHeader;
  /**
   * The header block's value cells as they stand, by field key, where the reader kept them: what the
   * YTD formulas read (a Period start typed as text is no date to them, though the header reads it).
   */
  headerCells?: Record<string, CellValue>;
  objectives: Objective[];
}

export interface JapPlan extends PlanTable {
  header: JapHeader;
  actions: Action[];
}

export interface PlanWorkbook {
  /** `incomplete`: rows that could not be read as roster entries (reported by owner.roster* rules). */
  roster: (PlanTable & { rows: RosterRow[]; incomplete?: RosterProblemRow[] }) | null;
  settings: Settings;
  /** The order dates typed as text were read in: the Settings' choice, else the host's, else DMY. */
  dateOrder: DateOrder;
  jbps: JbpPlan[];
  japs: JapPlan[];
  /** Findings from reading itself: missing columns, unreadable settings, ambiguous dates. */
  readFindings: Finding[];
}

/** How many rows the plan's tables hold: JAP actions and JBP objectives (what a check reports, and counts progress by). */
export function planRowCounts(plan: Pick<PlanWorkbook, "japs" | "jbps">): { actions: number; objectives: number } {
  return { actions: plan.japs.reduce((n, j) => n + j.actions.length, 0), objectives: plan.jbps.reduce((n, j) => n + j.objectives.length, 0) };
}

export interface PlanRag {
  actions: RagResult[];
  objectives: RagResult[];
  plan: { rag: Rag; reason: string };
}

/** What one check gives: every finding (read + rules) and the RAG of everything. */
export interface CheckResult {
  plan: PlanWorkbook;
  findings: Finding[];
  rag: PlanRag;
  /** The as-of date used, as a serial. */
  asOf: number;
}

/** The header cells the JBP's formulas read (Period start, Year): as they stand when read, else the parsed header's. */
export function jbpHeaderValues(jbp: Pick<JbpPlan, "header" | "headerCells">): Record<string, CellValue> {
  return jbp.headerCells ?? { periodStart: jbp.header.periodStart, year: jbp.header.year };
}
