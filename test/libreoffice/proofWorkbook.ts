/**
 * A generated plan written through the same SheetSpecs and .xlsx writer as `jointplan new`, plus
 * helper columns right of the JAP and JBP tables: one per live rule, holding the rule's formula
 * for each row, so that LibreOffice computes every conditional format's condition as a value.
 */
import { rangeA1, type RosterEntry, type Settings } from "../../src/plan/model";
import { liveRuleFormula, type SheetSpec } from "../../src/plan/sheets";
import { renderTemplate } from "../../src/plan/expr";
import { JAP, JBP, type LiveRule, ROSTER } from "../../src/plan/layouts";
import { newWorkbook, type NewWorkbook } from "../../src/plan/workbook";
import type { GeneratedPlan } from "./generatePlan";

export const LIVE_HEADER_PREFIX = "live:";

export interface ProofWorkbook extends NewWorkbook {
  /** Per sheet, the helper column (0-based) of each live rule. */
  liveColumns: Record<string, { rule: LiveRule; col: number }[]>;
}

/** Adds one formula column per live rule, one blank column right of the sheet's table. */
function addLiveColumns(spec: SheetSpec, rules: LiveRule[]): { rule: LiveRule; col: number }[] {
  const table = spec.tables[0].position;
  const first = spec.tables[0].headers.length + 1;
  const out = rules.map((rule, i) => ({ rule, col: first + i }));
  spec.blocks.push({ address: rangeA1(table.headerRow, first, table.headerRow, first + rules.length - 1), values: [rules.map((r) => LIVE_HEADER_PREFIX + r.id)] });
  const formulas: string[][] = [];
  for (let row = table.headerRow + 1; row <= table.lastRow; row++) {
    formulas.push(rules.map((r) => renderTemplate(liveRuleFormula(r, new Set(Object.keys(table.columns))), { table, row })));
  }
  spec.blocks.push({ address: rangeA1(table.headerRow + 1, first, table.lastRow, first + rules.length - 1), formulas });
  return out;
}

export function proofWorkbook(plan: GeneratedPlan, settings: Settings): ProofWorkbook {
  const wb = newWorkbook({
    settings: { ...settings, asOf: plan.asOf },
    roster: plan.roster.map((r) => r as unknown as RosterEntry),
    jbp: { header: { principal: "P", distributor: "D", year: plan.year }, objectives: plan.objectives },
    jap: { header: { distributor: "D" }, actions: plan.actions },
  });
  const sheet = (kind: string): SheetSpec => wb.specs.find((s) => s.kind === kind)!;
  return {
    ...wb,
    liveColumns: {
      [sheet("jap").sheetName]: addLiveColumns(sheet("jap"), JAP.liveRules),
      [sheet("jbp").sheetName]: addLiveColumns(sheet("jbp"), JBP.liveRules),
      [sheet("roster").sheetName]: addLiveColumns(sheet("roster"), ROSTER.liveRules),
    },
  };
}
