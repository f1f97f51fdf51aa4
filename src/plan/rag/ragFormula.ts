/**
 * The RAG and KPI formula templates of the JAP and JBP layouts, compiled from ragRules.ts, and
 * their rendering for one row (what the LibreOffice proof and the writers need).
 */
import { compileExpr, MAX_FORMULA_LENGTH, renderTemplate } from "../expr";
import type { TablePosition } from "../model";
import { actionRagExpr, JAP_ALIAS, OBJECTIVE_KPI, objectiveActionCount, objectiveRagExpr } from "./ragRules";

const template = (body: string): string => `=${body}`;

/** The JAP RAG column: one formula per row, reading its own row and the JP_ settings names. */
export const ACTION_RAG_FORMULA = template(compileExpr(actionRagExpr()));

/** JBP formula columns that do not depend on where the JAP tables are. */
export const OBJECTIVE_FORMULAS = {
  ytdTarget: template(compileExpr(OBJECTIVE_KPI.ytdTarget)),
  ytdActual: template(compileExpr(OBJECTIVE_KPI.ytdActual)),
  pctToTarget: template(compileExpr(OBJECTIVE_KPI.pctToTarget)),
  rag: template(compileExpr(objectiveRagExpr())),
};

/**
 * The JBP's action-count columns (Red/Amber/Green actions) over the given JAP tables, added up
 * across sheets (one COUNTIFS per JAP table and colour). With no JAP table the counts are 0.
 */
export function objectiveCountFormulas(japTables: TablePosition[]): { actionsRed: string; actionsAmber: string; actionsGreen: string } {
  const tables = { [JAP_ALIAS]: japTables };
  const out = {
    actionsRed: template(compileExpr(objectiveActionCount("Red"), tables)),
    actionsAmber: template(compileExpr(objectiveActionCount("Amber"), tables)),
    actionsGreen: template(compileExpr(objectiveActionCount("Green"), tables)),
  };
  // 70 to 110 characters a JAP table: some 70 tables or more fit in Excel's limit.
  if (out.actionsAmber.length > MAX_FORMULA_LENGTH) {
    throw new Error(`Counting over ${japTables.length} JAP tables makes a formula longer than Excel allows; link fewer JAP sheets to the JBP.`);
  }
  return out;
}

/** Every JBP formula column for these JAP tables, by column key. */
export function objectiveFormulas(japTables: TablePosition[]): Record<string, string> {
  return { ...OBJECTIVE_FORMULAS, ...objectiveCountFormulas(japTables) };
}

/** A template rendered for one row of a table placed at `table`. */
export function renderForRow(formulaTemplate: string, table: TablePosition, row: number): string {
  return renderTemplate(formulaTemplate, { table, row });
}

/** The JAP RAG formula of one sheet row (0-based), e.g. for the LibreOffice proof. */
export function actionRagFormulaFor(table: TablePosition, row: number): string {
  return renderForRow(ACTION_RAG_FORMULA, table, row);
}
