/**
 * The workbook names (defined names and table names) a formula refers to, and the check that
 * data validation makes of them. Excel evaluates a validation's source or formula when it is set:
 * in Excel's dialog a source naming a name that does not exist "currently evaluates to an error"
 * and Excel asks before keeping it ("Apply data validation to cells",
 * https://support.microsoft.com/office/29fecbcc-d1b9-42c1-9d76-eff3ce5f7249); Office.js has no such
 * question to answer and refuses the rule (InvalidArgument, errorLocation
 * "ListDataValidation.source" as in OfficeDev/office-js#277), so a validation must come after the
 * names it uses. A conditional format's formula is a formula like a cell's: Excel takes a name not
 * defined yet, which reads as #NAME? (the format shows nowhere) until the name is added; the sim
 * takes it too and records it (`unresolvedNames` of sim.conditionalFormats()).
 */
import { fail } from "./errors";
import { closingQuote } from "./formulaLimits";
import type { WorkbookModel } from "./model";
import { liveTables } from "./tableModel";

const IDENT_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const IDENT = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;
const CELL = /^[A-Za-z]{1,3}\d+$/;

/** Names a formula uses outside strings: not functions, sheet names, cell or column references, TRUE/FALSE. */
export function namesIn(formula: string): string[] {
  const out = new Set<string>();
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      i = closingQuote(formula, i) + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference's column part: Table[Column], Table[[#This Row],[Column]].
      let depth = 0;
      for (; i < formula.length; i++) {
        if (formula[i] === "[") depth++;
        else if (formula[i] === "]" && --depth === 0) break;
      }
      i++;
      continue;
    }
    const before = i > 0 ? formula[i - 1] : "";
    if (IDENT_START.test(ch) && !(before && (IDENT.test(before) || before === "$" || before === "!"))) {
      let j = i + 1;
      while (j < formula.length && IDENT.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j] ?? "";
      const isRef = CELL.test(word) || next === "$" || next === ":" || /^[A-Za-z]{1,3}$/.test(word) && formula[i - 1] === ":";
      if (next !== "(" && next !== "!" && !isRef && !/^(TRUE|FALSE)$/i.test(word)) out.add(word);
      i = j;
      continue;
    }
    i++;
  }
  return [...out];
}

/** The names of `formula` that the workbook does not define (no defined name, no table). */
export function missingNames(wb: WorkbookModel, formula: string): string[] {
  const known = new Set([...wb.names.filter((n) => !n.deleted).map((n) => n.name.toLowerCase()), ...liveTables(wb).map((t) => t.name.toLowerCase())]);
  return namesIn(formula).filter((n) => !known.has(n.toLowerCase()));
}

/** Refuses a validation source or formula that names what the workbook does not define. */
export function checkValidationNames(wb: WorkbookModel, formula: string, what: string): void {
  if (!formula.startsWith("=")) return;
  const missing = missingNames(wb, formula);
  if (missing.length) fail("InvalidArgument", `${what} currently evaluates to an error: no name '${missing[0]}' in the workbook (define names before the validation that uses them)`, what);
}
