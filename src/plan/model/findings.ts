/** Building findings: every rule points at one cell and may offer up to two repairs of that same cell. */
import { cellA1 } from "./a1";
import type { CellValue, Finding, Party, Repair, RepairChoice, Severity } from "./schemas";

export interface RepairSpec {
  value: CellValue;
  label: string;
  numberFormat?: string;
  choices?: RepairChoice[];
  addToRoster?: { name: string; party: Party };
}

export function finding(
  rule: string,
  severity: Severity,
  at: { sheet: string; row: number; col: number },
  message: string,
  repair?: RepairSpec,
  alternative?: RepairSpec,
): Finding {
  const cell = cellA1(at.row, at.col);
  const f: Finding = { rule, severity, sheet: at.sheet, cell, row: at.row, message };
  if (repair) f.repair = { sheet: at.sheet, cell, ...repair };
  if (alternative) f.alternative = { sheet: at.sheet, cell, ...alternative };
  return f;
}

/** Table names as planners say them in messages. */
export const TABLE_NAMES: Record<string, string> = {
  roster: "Roster",
  settings: "Settings",
  jbp: "JBP",
  jap: "JAP",
  reviewLog: "Review Log",
  quarterlyReview: "Quarterly review",
};

/** A repair that only sets its cell's value: one the user need not choose for, safe to apply in bulk. */
export const isPlainRepair = (r: Repair): boolean => r.choices === undefined && r.addToRoster === undefined;
