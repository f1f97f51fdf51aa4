/**
 * The rule language (expr.ts) and its two back ends: evaluated in TypeScript (evalExpr.ts), compiled to
 * a formula template (compileExpr.ts) that formula.ts renders for a table position and checks against
 * Excel's limits.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { compileExpr } from "./compileExpr";
export { compiled, evaluate, excelTrim, isTrue, toText } from "./evalExpr";
export type { EvalEnv } from "./evalExpr";
export { add, and, choose, concat, contains, countColumn, countEq, countIf, countRows, dateOf, div, edate, eq, FALSE, ge, gt, guarded, header, helper, inJoins, iff, isBlankText, isFilled, isNumber, isText, le, len, lt, max, mid, min, mul, name, not, num, or, ref, round, rowInUse, str, sub, trim } from "./expr";
export type { Expr } from "./expr";
export { refsOf, walk, withHelperRefs } from "./expr";
export { columnRef, formulaLimitProblems, formulaProblems, MAX_FORMULA_LENGTH, MAX_LIST_SOURCE, renderTemplate } from "./formula";
