/**
 * Orders the check's findings for reading: by sheet (in the order the check met them), then by rule
 * family (owner, date, kpi, structure), errors before warnings, then down the sheet.
 */
import { isPlainRepair, type Finding, type Repair } from "../../plan/model";

export const FAMILIES = ["owner", "date", "kpi", "structure"] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_TITLES: Record<Family, string> = { owner: "Owners", date: "Dates", kpi: "KPIs", structure: "Structure" };

export interface RuleRepairs {
  rule: string;
  title: string;
  repairs: Repair[];
}

export interface FamilyGroup {
  family: Family;
  title: string;
  errors: number;
  warnings: number;
  findings: Finding[];
  /** Rules of this family on this sheet that have more than one repair: "Repair all of this kind". */
  bulk: RuleRepairs[];
}

export interface SheetGroup {
  sheet: string;
  errors: number;
  warnings: number;
  families: FamilyGroup[];
}

export function familyOf(rule: string): Family {
  const f = rule.split(".")[0] as Family;
  return FAMILIES.includes(f) ? f : "structure";
}

/** "owner.notOnRoster" → "Not on roster". */
export function ruleTitle(rule: string): string {
  const name = rule.split(".")[1] ?? rule;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Column letters then row number, so B10 sorts after B9 and AA1 after Z1. */
function cellOrder(cell: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(cell);
  if (!m) return [0, 0];
  const col = [...m[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

function compare(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  const [ra, ca] = cellOrder(a.cell);
  const [rb, cb] = cellOrder(b.cell);
  return ra - rb || ca - cb || a.rule.localeCompare(b.rule);
}

export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return [...bySheet].map(([sheet, list]) => {
    const families = FAMILIES.map((family): FamilyGroup => {
      const mine = list.filter((f) => familyOf(f.rule) === family).sort(compare);
      const rules = new Map<string, Repair[]>();
      // Only repairs that need no choice go in bulk: never a guessed objective or a crowd added to the Roster.
      for (const f of mine) if (f.repair && isPlainRepair(f.repair)) rules.set(f.rule, [...(rules.get(f.rule) ?? []), f.repair]);
      return {
        family,
        title: FAMILY_TITLES[family],
        errors: mine.filter((f) => f.severity === "error").length,
        warnings: mine.filter((f) => f.severity === "warning").length,
        findings: mine,
        bulk: [...rules].filter(([, r]) => r.length > 1).map(([rule, repairs]) => ({ rule, title: ruleTitle(rule), repairs })),
      };
    }).filter((g) => g.findings.length > 0);
    return {
      sheet,
      errors: families.reduce((n, g) => n + g.errors, 0),
      warnings: families.reduce((n, g) => n + g.warnings, 0),
      families,
    };
  });
}

export function countLabel(errors: number, warnings: number): string {
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? "error" : "errors"}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
  return parts.join(", ") || "no problems";
}
