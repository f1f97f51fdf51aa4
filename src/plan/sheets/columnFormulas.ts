/**
 * The formulas attached where sheets are built: each formula column's template (the JAP's RAG; the
 * JBP's KPI, RAG and action counts) and each live rule's conditional-format formula, compiled from
 * the rule trees (rag/, layouts/liveRules.ts). The layouts hold none, so reading a plan compiles
 * nothing.
 */
import { compileExpr } from "../expr";
import type { TablePosition } from "../model";
import type { LiveRule, TableLayout } from "../layouts";
import { columnTrees, objectiveFormulas } from "../rag";

/**
 * The formula template of each formula column of `layout`, by column key. A JBP's action counts
 * count over `japTables` (the JAP tables it is linked to; with none they are 0).
 */
export function columnFormulas(layout: TableLayout, japTables: readonly TablePosition[] = []): Record<string, string> {
  switch (layout.kind) {
    case "jap": {
      // The RAG reads the helper columns the layout has; each helper column gets its own formula.
      let out = japFormulas.get(layout);
      if (!out) {
        out = Object.fromEntries(columnTrees("jap", new Set(layout.columns.map((c) => c.key))).map((c) => [c.key, `=${compileExpr(c.tree)}`]));
        japFormulas.set(layout, out);
      }
      return out;
    }
    case "jbp":
      return objectiveFormulas([...japTables]);
    default:
      return {};
  }
}

const japFormulas = new WeakMap<TableLayout, Record<string, string>>();
const liveFormulas = new WeakMap<LiveRule, Map<string, string>>();

/**
 * A live rule's conditional-format formula (relative to the first data row), compiled once. A part
 * of the rule that a helper column of the table computes (`columns`, the table's column keys: the
 * JAP's row in use) is read from that column rather than computed again in every cell's format.
 */
export function liveRuleFormula(rule: LiveRule, columns: ReadonlySet<string> = new Set()): string {
  let byColumns = liveFormulas.get(rule);
  if (!byColumns) liveFormulas.set(rule, (byColumns = new Map()));
  const key = [...columns].sort().join(",");
  let formula = byColumns.get(key);
  if (formula === undefined) {
    formula = `=${compileExpr(rule.condition, {}, columns)}`;
    byColumns.set(key, formula);
  }
  return formula;
}
