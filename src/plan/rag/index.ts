/**
 * Red / Amber / Green: the rules as data (ragRules.ts), the engine that evaluates them, the RAG
 * formulas compiled from them, the roll-ups, and the reasons in words.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { actionInUse, actionRowValues, computeActionRag, computePlanRag, objectiveRowValues, settingsNameValues } from "./engine";
export { actionRagFormula, actionRagFormulaFor, columnTrees, JAP_HELPER_KEYS, japHelperFormulas, JBP_HELPER_KEYS, objectiveCountFormulas, objectiveFormulas, overdueRowsTest } from "./ragFormula";
export type { ColumnTree } from "./ragFormula";
export { tableFormulaValues } from "./tableValues";
export type { TableRow } from "./tableValues";
export { actionOverdue, JAP_ALIAS, JAP_HELPER_COLUMNS, JAP_IN_USE_KEYS, japRowInUse, JBP_HELPER_COLUMNS, OVERDUE_GATE, rollUpExpr, SUMMARY_FLAGS } from "./ragRules";
export { EMPTY_ROW, planReason } from "./reasons";
export { countRags, RAG_ORDER } from "./rollUp";
