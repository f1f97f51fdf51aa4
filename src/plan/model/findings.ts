/** Building findings: every rule points at one cell and may offer a repair of that same cell. */
import { cellA1 } from "./a1";
import type { CellValue, Finding, Severity } from "./schemas";

export interface RepairSpec {
  value: CellValue;
  label: string;
  numberFormat?: string;
}

export function finding(
  rule: string,
  severity: Severity,
  at: { sheet: string; row: number; col: number },
  message: string,
  repair?: RepairSpec,
): Finding {
  const cell = cellA1(at.row, at.col);
  const f: Finding = { rule, severity, sheet: at.sheet, cell, row: at.row, message };
  if (repair) f.repair = { sheet: at.sheet, cell, ...repair };
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
