/**
 * The formula limits Excel refuses past ("Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * a formula's contents at most 8,192 characters, 64 nested levels of functions, 255 arguments to a
 * function. Office.js reports the first as FormulaLengthExceedsLimit (Excel.ErrorCodes); Excel's
 * own dialogs refuse the others ("more levels of nesting than the current file format allows",
 * "too many arguments for this function"), which the sim reports as InvalidArgument. Held on every
 * path a formula enters by: cells, conditional formats, data validation, defined names.
 */
import { fail } from "./errors";

export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;
export const MAX_ARGUMENTS = 255;

/**
 * The index of the quote that closes the "string" or 'sheet name' opened at `start` ("" and '' are
 * the quote itself inside them), or the formula's length when none does.
 */
export function closingQuote(formula: string, start: number): number {
  const q = formula[start];
  let i = start + 1;
  for (; i < formula.length; i++) {
    if (formula[i] !== q) continue;
    if (formula[i + 1] === q) i++;
    else break;
  }
  return i;
}

/** Deepest function nesting and most arguments of one call, outside "strings" and 'sheet names'. */
export function formulaShape(formula: string): { depth: number; maxArgs: number } {
  let depth = 0;
  let deepest = 0;
  let args = 0;
  let braces = 0;
  const stack: { call: boolean; args: number }[] = [];
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      i = closingQuote(formula, i);
      continue;
    }
    if (ch === "{") braces++;
    else if (ch === "}") braces--;
    else if (ch === "(") {
      const call = i > 0 && /[A-Za-z0-9_.]/.test(formula[i - 1]);
      stack.push({ call, args: /^\s*\)/.test(formula.slice(i + 1, i + 40)) ? 0 : 1 });
      if (call) deepest = Math.max(deepest, ++depth);
    } else if (ch === ")") {
      const frame = stack.pop();
      if (frame?.call) {
        depth--;
        args = Math.max(args, frame.args);
      }
    } else if (ch === "," && braces === 0 && stack.length > 0) stack[stack.length - 1].args++;
  }
  return { depth: deepest, maxArgs: args };
}

/** Fails as Excel does when a formula passes one of its limits; `what` says where it was going. */
export function checkFormulaLimits(formula: string, what: string): void {
  if (formula.length > MAX_FORMULA_LENGTH) {
    fail("FormulaLengthExceedsLimit", `${what}: a formula of ${formula.length} characters (Excel allows ${MAX_FORMULA_LENGTH})`);
  }
  const { depth, maxArgs: args } = formulaShape(formula);
  if (depth > MAX_NESTING) fail("InvalidArgument", `${what}: functions nested ${depth} levels (Excel allows ${MAX_NESTING})`);
  if (args > MAX_ARGUMENTS) fail("InvalidArgument", `${what}: a function with ${args} arguments (Excel allows ${MAX_ARGUMENTS})`);
}
