/**
 * The RAG and KPI formula templates of the JAP and JBP layouts, compiled from ragRules.ts, and
 * their rendering for one row (what the LibreOffice proof and the writers need). Compiled on first
 * use, not when the module loads: a reader that only evaluates the rules never compiles them.
 */
import { compileExpr, MAX_FORMULA_LENGTH, renderTemplate } from "../expr";
import type { TablePosition } from "../model";
import { actionRagExpr, JAP_ALIAS, OBJECTIVE_KPI, objectiveActionCount, objectiveRagExpr } from "./ragRules";

const template = (body: string): string => `=${body}`;

let actionRag: string | undefined;
/** The JAP RAG column: one formula per row, reading its own row and the JP_ settings names. */
export function actionRagFormula(): string {
  actionRag ??= template(compileExpr(actionRagExpr()));
  return actionRag;
}

let objective: Record<"ytdTarget" | "ytdActual" | "pctToTarget" | "rag", string> | undefined;
/** JBP formula columns that do not depend on where the JAP tables are. */
function objectiveFixedFormulas(): Record<"ytdTarget" | "ytdActual" | "pctToTarget" | "rag", string> {
  objective ??= {
    ytdTarget: template(compileExpr(OBJECTIVE_KPI.ytdTarget)),
    ytdActual: template(compileExpr(OBJECTIVE_KPI.ytdActual)),
    pctToTarget: template(compileExpr(OBJECTIVE_KPI.pctToTarget)),
    rag: template(compileExpr(objectiveRagExpr())),
  };
  return objective;
}

/**
 * The JBP's action-count columns (Red/Amber/Green actions) over the given JAP tables, added up
 * across sheets (one COUNTIFS per JAP table and colour). A JAP table known as an Excel table is
 * named by structured reference (`JP_Actions[RAG]`), so the counts follow it as it grows; with no
 * JAP table the counts are 0.
 */
export function objectiveCountFormulas(japTables: TablePosition[]): { actionsRed: string; actionsAmber: string; actionsGreen: string } {
  const tables = { [JAP_ALIAS]: japTables };
  const out = {
    actionsRed: template(compileExpr(objectiveActionCount("Red"), tables)),
    actionsAmber: template(compileExpr(objectiveActionCount("Amber"), tables)),
    actionsGreen: template(compileExpr(objectiveActionCount("Green"), tables)),
  };
  // Some 60 characters a JAP table by structured reference (70 to 110 by range): over 100 tables fit in Excel's limit.
  if (out.actionsAmber.length > MAX_FORMULA_LENGTH) {
    throw new Error(`Counting over ${japTables.length} JAP tables makes a formula longer than Excel allows; link fewer JAP sheets to the JBP.`);
  }
  return out;
}

/** Every JBP formula column for these JAP tables, by column key. */
export function objectiveFormulas(japTables: TablePosition[]): Record<string, string> {
  return { ...objectiveFixedFormulas(), ...objectiveCountFormulas(japTables) };
}

/** A template rendered for one row of a table placed at `table`. */
export function renderForRow(formulaTemplate: string, table: TablePosition, row: number): string {
  return renderTemplate(formulaTemplate, { table, row });
}

/** The JAP RAG formula of one sheet row (0-based), e.g. for the LibreOffice proof. */
export function actionRagFormulaFor(table: TablePosition, row: number): string {
  return renderForRow(actionRagFormula(), table, row);
}
