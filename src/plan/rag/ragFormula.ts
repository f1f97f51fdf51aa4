/**
 * The RAG and KPI formula templates of the JAP and JBP layouts, compiled from ragRules.ts, and
 * their rendering for one row (what the LibreOffice proof and the writers need). Compiled on first
 * use, not when the module loads: a reader that only evaluates the rules never compiles them.
 */
import { compileExpr, type Expr, MAX_FORMULA_LENGTH, renderTemplate, withHelperRefs } from "../expr";
import { OPEN_STATUSES, SETTING_NAMES, type TablePosition } from "../model";
import { actionReasonExpr } from "./reasons";
import { actionRagExpr, JAP_ALIAS, JAP_HELPER_COLUMNS, JBP_HELPER_COLUMNS, OBJECTIVE_KPI, objectiveActionCount, objectiveRagExpr, OVERDUE_GATE } from "./ragRules";

/** A formula column as the tree its cells compute: what the formula is compiled from, and what cached values evaluate. */
export interface ColumnTree {
  key: string;
  tree: Expr;
}

/**
 * The formula columns of a JAP or JBP table that has the columns `keys`, as trees in an order in
 * which a row can be computed (each reads only cells left of it in this list, or user cells): the
 * JAP's helper columns, then its RAG reading them; the JBP's KPI columns, action counts (over the
 * JAP tables, alias JAP_ALIAS) and RAG. `=compileExpr(tree)` is the column's formula template.
 */
export function columnTrees(kind: "jap" | "jbp", keys: ReadonlySet<string>): ColumnTree[] {
  if (kind === "jap") {
    const out: ColumnTree[] = [];
    const left = new Set<string>();
    for (const h of JAP_HELPER_COLUMNS) {
      if (!keys.has(h.key)) continue;
      out.push({ key: h.key, tree: withHelperRefs(h.expr, new Set(left)) });
      left.add(h.key);
    }
    if (keys.has("rag")) out.push({ key: "rag", tree: withHelperRefs(actionRagExpr(), left) });
    if (keys.has("ragReason")) out.push({ key: "ragReason", tree: withHelperRefs(actionReasonExpr(), left) });
    return out;
  }
  // The JBP's helper columns first (the YTD columns left of them read them: a sheet computes in any order).
  const helpers = new Set<string>();
  const jbp: ColumnTree[] = [];
  for (const h of JBP_HELPER_COLUMNS) {
    if (!keys.has(h.key)) continue;
    jbp.push({ key: h.key, tree: withHelperRefs(h.expr, new Set(helpers)) });
    helpers.add(h.key);
  }
  jbp.push(
    { key: "ytdTarget", tree: withHelperRefs(OBJECTIVE_KPI.ytdTarget, helpers) },
    { key: "ytdActual", tree: withHelperRefs(OBJECTIVE_KPI.ytdActual, helpers) },
    { key: "pctToTarget", tree: OBJECTIVE_KPI.pctToTarget },
    { key: "actionsRed", tree: objectiveActionCount("Red") },
    { key: "actionsAmber", tree: objectiveActionCount("Amber") },
    { key: "actionsGreen", tree: objectiveActionCount("Green") },
    { key: "rag", tree: objectiveRagExpr() },
  );
  return jbp.filter((c) => keys.has(c.key));
}

const template = (body: string): string => `=${body}`;

/** The keys of the JAP's helper columns, left to right. */
export const JAP_HELPER_KEYS: readonly string[] = JAP_HELPER_COLUMNS.map((h) => h.key);
/** The keys of the JBP's helper columns (the YTD rule's working), left to right. */
export const JBP_HELPER_KEYS: readonly string[] = JBP_HELPER_COLUMNS.map((h) => h.key);
const ALL_HELPERS: ReadonlySet<string> = new Set(JAP_HELPER_KEYS);

const actionRag = new Map<string, string>();
/**
 * The JAP RAG column: one formula per row, reading its own row, the helper columns the table has
 * (`helpers`, all of them by default; none compiles the whole rule into the one cell) and the JP_
 * settings names.
 */
export function actionRagFormula(helpers: ReadonlySet<string> = ALL_HELPERS): string {
  const key = [...helpers].sort().join(",");
  let f = actionRag.get(key);
  if (f === undefined) {
    f = template(compileExpr(actionRagExpr(), {}, helpers));
    actionRag.set(key, f);
  }
  return f;
}

let helperFormulas: Record<string, string> | undefined;
/** The formula of each JAP helper column, by key: each reads its row and the helper columns left of it. */
export function japHelperFormulas(): Record<string, string> {
  if (!helperFormulas) {
    const out: Record<string, string> = {};
    const left = new Set<string>();
    for (const h of JAP_HELPER_COLUMNS) {
      out[h.key] = template(compileExpr(h.expr, {}, left));
      left.add(h.key);
    }
    helperFormulas = out;
  }
  return helperFormulas;
}

let objective: Record<string, string> | undefined;
/**
 * JBP formula columns that do not depend on where the JAP tables are: the helper columns (each
 * reading those left of it), the YTD columns reading them. `{^periodStart}` and `{^year}` stand for
 * the header block's cells (rendered by the sheet's writer).
 */
function objectiveFixedFormulas(): Record<string, string> {
  const helpers = new Set<string>();
  const helperFormulas: Record<string, string> = {};
  for (const h of JBP_HELPER_COLUMNS) {
    helperFormulas[h.key] = template(compileExpr(h.expr, {}, helpers));
    helpers.add(h.key);
  }
  objective ??= {
    ...helperFormulas,
    ytdTarget: template(compileExpr(OBJECTIVE_KPI.ytdTarget, {}, helpers)),
    ytdActual: template(compileExpr(OBJECTIVE_KPI.ytdActual, {}, helpers)),
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

/**
 * Overdue (ragRules.ts actionOverdue) as an array test over a JAP table's rows, 1 or 0 a row, for the
 * lists that count or pick the overdue actions (RAG Summary, Meeting pack): one numeric test of the
 * `calc: gate` column, or, for a JAP written before the helper columns, the same test by its cells
 * (an open Status, trimmed, a real Due date before JP_AsOf, in use). `column` gives a column's
 * reference over the rows. No outer parentheses.
 */
export function overdueRowsTest(column: (key: string) => string, hasGate: boolean): string {
  if (hasGate) return `${column("calcGate")}=${OVERDUE_GATE}`;
  const due = column("due");
  const open = OPEN_STATUSES.map((s) => `(TRIM(${column("status")})="${s}")`).join("+");
  return `ISNUMBER(${due})*(${due}<${SETTING_NAMES.asOf})*(LEN(${column("rag")})>0)*(${open})`;
}

/** A template rendered for one row of a table placed at `table`. */
export function renderForRow(formulaTemplate: string, table: TablePosition, row: number): string {
  return renderTemplate(formulaTemplate, { table, row });
}

/** The JAP RAG formula of one sheet row (0-based), e.g. for the LibreOffice proof. */
export function actionRagFormulaFor(table: TablePosition, row: number): string {
  return renderForRow(actionRagFormula(), table, row);
}
