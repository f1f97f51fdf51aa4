/**
 * `check` output: the JSON shape documented in the README ("Command line"), and the human listing grouped by
 * sheet, in row then column order, with the repair the add-in would offer under each finding.
 */
import { type CellValue, type Finding, type Party, parseCellA1, type Repair, type RepairChoice } from "../plan/model";
import { alignRows, plural } from "./table";
import { terminalLines } from "./terminalText";

export interface FindingJson {
  sheet: string;
  cell: string;
  rule: string;
  severity: "error" | "warning";
  message: string;
  /** null, or the repair's new value for the cell, its button label, and the number format it sets (or null). */
  repair: RepairJson | null;
  /** null, or a second repair offered beside the first (Add to Roster beside "Use 'Ana Silva'"). */
  alternative: RepairJson | null;
}

export interface RepairJson {
  value: CellValue;
  label: string;
  numberFormat: string | null;
  /** null, or the values the user chooses from (value is then null). */
  choices: RepairChoice[] | null;
  /** null, or the person the repair adds to the Roster (the cell is left as it is). */
  addToRoster: { name: string; party: Party } | null;
}

const repairJson = (r: Repair | undefined): RepairJson | null =>
  r ? { value: r.value, label: r.label, numberFormat: r.numberFormat ?? null, choices: r.choices ?? null, addToRoster: r.addToRoster ?? null } : null;

/** "Choose an objective: O-1, O-2": the listing names what there is to choose from. */
const repairLine = (r: Repair): string => `repair: ${r.label}${r.choices ? `: ${r.choices.map((c) => c.value).join(", ")}` : ""}`;

export function findingsJson(findings: Finding[]): { findings: FindingJson[] } {
  return {
    findings: sortFindings(findings).map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      repair: repairJson(f.repair),
      alternative: repairJson(f.alternative),
    })),
  };
}

/** Sheets in order of first appearance; within a sheet by row, then column, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  const sheetOrder = new Map<string, number>();
  for (const f of findings) if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
  const pos = (f: Finding): { row: number; col: number } => parseCellA1(f.cell) ?? { row: f.row, col: 0 };
  return [...findings].sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) as number) - (sheetOrder.get(b.sheet) as number) ||
      pos(a).row - pos(b).row ||
      pos(a).col - pos(b).col ||
      a.rule.localeCompare(b.rule),
  );
}

export function countFindings(findings: Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

export interface CheckSummary {
  file: string;
  asOf: string;
  actions: number;
  objectives: number;
}

export function findingsText(findings: Finding[], summary: CheckSummary): string {
  const { errors, warnings } = countFindings(findings);
  const checked = `${plural(summary.actions, "action")} and ${plural(summary.objectives, "objective")} checked`;
  if (findings.length === 0) return terminalLines([`${summary.file}, as of ${summary.asOf}: no findings (${checked}).`]);
  const lines = [`${summary.file}, as of ${summary.asOf}: ${plural(errors, "error")}, ${plural(warnings, "warning")} (${checked}).`];
  const sorted = sortFindings(findings);
  // One table for the whole listing so that columns line up across sheets; sheet titles sit between.
  const rows: string[][] = [];
  const titleAt = new Map<number, string>();
  let sheet: string | null = null;
  for (const f of sorted) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      const n = sorted.filter((g) => g.sheet === sheet).length;
      titleAt.set(rows.length, `${sheet} (${plural(n, "finding")})`);
    }
    rows.push([f.cell, f.severity, f.rule, f.message]);
    if (f.repair) rows.push(["", "", "", repairLine(f.repair)]);
    if (f.alternative) rows.push(["", "", "", `or ${repairLine(f.alternative)}`]);
  }
  alignRows(rows).forEach((line, i) => {
    const title = titleAt.get(i);
    if (title !== undefined) lines.push("", title);
    lines.push(line);
  });
  return terminalLines(lines);
}
