/**
 * Every formula a command writes is checked with the core's formulaLimitProblems (the part of
 * formulaProblems that Excel itself enforces) before anything is
 * queued: Excel refuses a formula past its limits (8,192 characters, 64 nested levels, 255
 * arguments) in the middle of a batch, after the writes before it were applied, which would leave a
 * sheet half-built. Refusing first leaves the workbook as it was, and says which formula and why.
 */
import { cellA1, parseRangeA1, type WorkbookName } from "../plan/model";
import { formulaLimitProblems } from "../plan/expr";
import type { FormulaWrite } from "../plan/sheets";
import type { SheetSpec } from "../plan/sheets";
import { JointPlanError } from "./errors";

export interface FormulaProblem {
  /** "Sheet!A1", a conditional format or validation's range, or a name. */
  where: string;
  problem: string;
}

/** A formula's problems, once per distinct formula (a column repeats one formula down its rows). */
function collect(out: FormulaProblem[], seen: Set<string>, where: string, formula: string | number | undefined): void {
  if (typeof formula !== "string" || !formula.startsWith("=") || seen.has(formula)) return;
  seen.add(formula);
  const problems = formulaLimitProblems(formula);
  if (problems.length > 0) out.push({ where, problem: problems[0] });
}

/** The problems of every formula these sheets, names and formula writes would put in the workbook. */
export function formulaProblemsOf(specs: SheetSpec[], writes: FormulaWrite[] = [], names: WorkbookName[] = []): FormulaProblem[] {
  const out: FormulaProblem[] = [];
  const seen = new Set<string>();
  for (const n of names) collect(out, seen, `the name ${n.name}`, n.formula);
  for (const spec of specs) {
    const at = (address: string, i: number, j: number): string => {
      const r = parseRangeA1(address);
      return `'${spec.sheetName}'!${r ? cellA1(r.row + i, r.col + j) : address}`;
    };
    for (const n of spec.names) collect(out, seen, `the name ${n.name}`, n.formula);
    for (const b of spec.blocks) b.formulas?.forEach((row, i) => row.forEach((f, j) => collect(out, seen, at(b.address, i, j), f)));
    for (const cf of spec.conditionalFormats) collect(out, seen, `the conditional format on '${spec.sheetName}'!${cf.address}`, cf.formula);
    for (const v of spec.validations) {
      const where = `the data validation on '${spec.sheetName}'!${v.address}`;
      if (v.spec.type === "list") collect(out, seen, where, v.spec.source);
      else if (v.spec.type !== "any") {
        collect(out, seen, where, v.spec.formula1);
        collect(out, seen, where, v.spec.formula2);
      }
    }
  }
  for (const w of writes) w.formulas.forEach((row, i) => row.forEach((f, j) => {
    const r = parseRangeA1(w.address);
    collect(out, seen, `'${w.sheetName}'!${r ? cellA1(r.row + i, r.col + j) : w.address}`, f);
  }));
  return out;
}

/** Refuses, before anything is queued, a command that would write a formula Excel cannot take. */
export function assertFormulasFit(what: string, specs: SheetSpec[], writes: FormulaWrite[] = [], names: WorkbookName[] = []): void {
  const problems = formulaProblemsOf(specs, writes, names);
  if (problems.length === 0) return;
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  throw new JointPlanError("formulaLimit", `JointPlan cannot ${what}: the formula for ${first.where} would be ${first.problem}${more}, which Excel refuses. Nothing was changed.`);
}
