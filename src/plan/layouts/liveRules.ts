/**
 * The live layer: conditional formats whose formula is TRUE when a cell breaks a rule, so a plan
 * marks its own faults in any spreadsheet, with or without the add-in. Each rule is an expression
 * (expr/expr.ts), compiled for the format where sheets are built (sheets/columnFormulas.ts) and
 * evaluated by `evaluateLiveRule` for tests and previews.
 */
import { and, contains, countEq, countIf, eq, evaluate, type Expr, FALSE, gt, iff, isBlankText, isFilled, isNumber, isTrue, lt, not, num, or, ref, rowInUse, str, trim } from "../expr";
import type { ColumnLayout, LiveRule } from "./tableLayout";
import { type CellValue, LIST_NAMES } from "../model";
import { JAP_IN_USE_KEYS } from "../rag";
import { SETTINGS_LISTS } from "./settingsRows";

/** Fill and font for a broken rule, and a softer one for a cell the check wrote about. */
export const LIVE_FILL = { fill: "#F8CBAD", fontColor: "#9C0006" };
export const ISSUE_FILL = { fill: "#FCE4D6" };

const rule = (id: string, columns: string[], condition: Expr, description: string, fill: { fill: string; fontColor?: string } = LIVE_FILL): LiveRule => ({
  id,
  columns,
  ...fill,
  description,
  condition,
});

const notANumber = (key: string): Expr => and(isFilled(ref(key)), not(isNumber(ref(key))));
const notInList = (key: string, list: string): Expr => and(isFilled(ref(key)), eq(countEq(list, ref(key)), num(0)));

/** Characters COUNTIF reads as a pattern or an operator rather than as text. */
const PATTERN_CHARACTERS = ["*", "?", "~", "<", ">", "="];
/**
 * A cell whose value is not in a table column (a name over it, e.g. JP_RosterNames =
 * JP_Roster[Name]): COUNTIF of the trimmed value, which Excel and LibreOffice answer from the
 * column's own rows (no TRIM over every cell, nothing rows × people). A value holding a pattern
 * character is marked too: no roster name holds one, and COUNTIF would read it as a pattern.
 */
const notInColumn = (key: string, column: string): Expr =>
  and(isFilled(ref(key)), or(...PATTERN_CHARACTERS.map((c) => contains(ref(key), str(c))), eq(countIf(column, trim(ref(key))), num(0))));

function required(prefix: string, inUse: Expr, key: string, header: string): LiveRule {
  return rule(`${prefix}.required.${key}`, [key], and(inUse, isBlankText(ref(key))), `${header} is required on every row that is in use.`);
}

/**
 * How a finding about a column starts in the Issues cell: "[Owner] …". The live rules below look for
 * exactly this (with FIND: case-sensitive, no wildcards), so whoever writes Issues must use it.
 */
export const issueTag = (header: string): string => `[${header}]`;

/** One rule per user column that marks the cell when the check wrote "[Header] …" into Issues. */
export function issueRules(prefix: string, columns: ColumnLayout[]): LiveRule[] {
  return columns
    .filter((c) => c.owner === "user")
    .map((c) =>
      rule(
        `${prefix}.issue.${c.key}`,
        [c.key],
        contains(ref("issues"), str(issueTag(c.header))),
        `The last check found a problem in ${c.header}; the Issues column says what.`,
        ISSUE_FILL,
      ),
    );
}

export function japLiveRules(columns: ColumnLayout[]): LiveRule[] {
  const inUse = rowInUse(JAP_IN_USE_KEYS);
  const header = (key: string): string => columns.find((c) => c.key === key)?.header ?? key;
  const startE = ref("start");
  const dueE = ref("due");
  const pct = ref("pctComplete");
  const priority = ref("priority");
  return [
    ...["id", "action", "party", "owner", "status"].map((k) => required("jap", inUse, k, header(k))),
    rule("jap.ownerNotOnRoster", ["owner"], notInColumn("owner", LIST_NAMES.rosterNames), "The owner is not a name on the Roster (outer spaces and case ignored)."),
    rule("jap.startNotDate", ["start"], and(inUse, not(isNumber(startE))), "Start must be a real date (blank, or a date typed as text, is marked)."),
    rule("jap.dueNotDate", ["due"], and(inUse, not(isNumber(dueE))), "Due must be a real date (blank, or a date typed as text, is marked)."),
    rule("jap.dueBeforeStart", ["start", "due"], iff(and(isNumber(startE), isNumber(dueE)), lt(dueE, startE), FALSE), "Due is before Start."),
    rule("jap.lastUpdateNotDate", ["lastUpdate"], notANumber("lastUpdate"), "Last update must be a real date, not text."),
    rule(
      "jap.pctNotFraction",
      ["pctComplete"],
      iff(isNumber(pct), or(lt(pct, num(0)), gt(pct, num(1))), isFilled(pct)),
      "% complete must be a number from 0 % to 100 %.",
    ),
    // Priorities may be ranks, levels or names (rules/priorities.ts): only a rank below 1 is marked here.
    rule("jap.priorityNotRank", ["priority"], and(isNumber(priority), lt(priority, num(1))), "A priority typed as a number is a rank: 1, 2, 3 …"),
    ...["baseline", "target", "actual"].map((k) => rule(`jap.kpiNotNumber.${k}`, [k], notANumber(k), `${header(k)} must be a number.`)),
    rule(
      "jap.overrideWithoutReason",
      ["ragOverride", "overrideReason"],
      and(isFilled(ref("ragOverride")), isBlankText(ref("overrideReason"))),
      "A RAG override needs a reason; without one it is ignored.",
    ),
    rule(
      "jap.statusNotInList",
      ["status"],
      notInList("status", LIST_NAMES.statuses),
      "Status must be one of the list (Not started, In progress, On hold, Done, Cancelled).",
    ),
    rule("jap.partyNotInList", ["party"], notInList("party", LIST_NAMES.actionParties), "Party must be Principal, Distributor or Joint."),
    rule("jap.directionNotInList", ["direction"], notInList("direction", LIST_NAMES.directions), "Direction must be Higher is better or Lower is better."),
    rule("jap.overrideNotInList", ["ragOverride"], notInList("ragOverride", LIST_NAMES.rags), "RAG override must be Red, Amber, Green or Grey."),
    ...issueRules("jap", columns),
  ];
}

export function jbpLiveRules(columns: ColumnLayout[]): LiveRule[] {
  const inUse = rowInUse(["id", "objective"]);
  const header = (key: string): string => columns.find((c) => c.key === key)?.header ?? key;
  const figures = ["baseline", "q1Target", "q2Target", "q3Target", "q4Target", "fyTarget", "q1Actual", "q2Actual", "q3Actual", "q4Actual"];
  return [
    ...["id", "objective"].map((k) => required("jbp", inUse, k, header(k))),
    rule(
      "jbp.principalOwnerNotOnRoster",
      ["principalOwner"],
      notInColumn("principalOwner", LIST_NAMES.rosterNames),
      "The principal owner is not a name on the Roster.",
    ),
    rule(
      "jbp.distributorOwnerNotOnRoster",
      ["distributorOwner"],
      notInColumn("distributorOwner", LIST_NAMES.rosterNames),
      "The distributor owner is not a name on the Roster.",
    ),
    rule("jbp.directionNotInList", ["direction"], notInList("direction", LIST_NAMES.directions), "Direction must be Higher is better or Lower is better."),
    ...figures.map((k) => rule(`jbp.kpiNotNumber.${k}`, [k], notANumber(k), `${header(k)} must be a number.`)),
  ];
}

export function rosterLiveRules(): LiveRule[] {
  const inUse = rowInUse(["name", "party", "role", "email"]);
  return [
    rule("roster.required.name", ["name"], and(inUse, isBlankText(ref("name"))), "Every roster row needs a name."),
    rule("roster.partyNotInList", ["party"], notInList("party", LIST_NAMES.parties), "Party must be Principal or Distributor."),
    rule("roster.required.party", ["party"], and(inUse, isBlankText(ref("party"))), "Every roster row needs a party."),
  ];
}

/** The list ranges as the evaluator sees them, from the fixed lists of the Settings sheet. */
export function defaultListNames(rosterNames: string[] = []): Record<string, CellValue[]> {
  const out: Record<string, CellValue[]> = { [LIST_NAMES.rosterNames]: rosterNames };
  for (const l of SETTINGS_LISTS) out[l.name] = l.values;
  return out;
}

/**
 * Whether a live rule marks a cell of this row, as the spreadsheet's conditional format decides:
 * only TRUE marks; an error or text does not. `names` gives the workbook names the rule reads
 * (the list ranges by default; pass the Roster names and settings that apply).
 */
export function evaluateLiveRule(
  rule: LiveRule,
  rowValues: Record<string, CellValue | undefined>,
  names: Record<string, CellValue | CellValue[]> = {},
): boolean {
  return isTrue(evaluate(rule.condition, { row: rowValues, names: { ...defaultListNames(), ...names } }));
}
