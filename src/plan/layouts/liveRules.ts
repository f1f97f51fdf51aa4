/**
 * The live layer: conditional formats whose formula is TRUE when a cell breaks a rule, so a plan
 * marks its own faults in any spreadsheet, with or without the add-in. Each rule is an expression
 * (expr/expr.ts), compiled for the format where sheets are built (sheets/columnFormulas.ts) and
 * evaluated by `evaluateLiveRule` for tests and previews.
 */
import { and, contains, countColumn, countEq, countIf, eq, evaluate, type Expr, FALSE, gt, iff, isBlankText, isFilled, isNumber, isText, isTrue, len, lt, not, num, or, ref, rowInUse, str, trim } from "../expr";
import type { ColumnLayout, LiveRule } from "./tableLayout";
import { type CellValue, LIST_NAMES, ROSTER_NAMES } from "../model";
import { japRowInUse } from "../rag";
import { SETTINGS_LISTS } from "./settingsRows";

/**
 * Fill and font for a broken rule (violet), and a blue one for a cell the check wrote about: hues no
 * RAG colour uses, so a mark is never read as Red or Amber (RAG_COLOURS in sheets/sheetSpec.ts).
 */
export const LIVE_FILL = { fill: "#E4D4F4", fontColor: "#4B1F7A" };
export const ISSUE_FILL = { fill: "#D5E8F8", fontColor: "#0B3D6B" };

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

/** Whether a cell holds a character COUNTIF would read as a pattern or an operator. */
const hasPattern = (key: string): Expr => or(...PATTERN_CHARACTERS.map((c) => contains(ref(key), str(c))));

/** The ID is in the table's ID column more than once (outer spaces and case ignored): rows x rows, for small tables only. */
const duplicateId = (key: string): Expr => and(isFilled(ref(key)), not(hasPattern(key)), gt(countColumn(key, trim(ref(key))), num(1)));

/** Spaces before, after or doubled inside a text: TRIM shortens it. */
const straySpaces = (key: string): Expr => gt(len(ref(key)), len(trim(ref(key))));

/**
 * The owner is on the Roster but not with this party: no Roster row has both the owner's name and
 * the party (an owner not on the Roster has its own mark).
 */
const ownerPartyMismatch = (ownerKey: string, party: Expr): Expr =>
  and(
    isFilled(ref(ownerKey)),
    not(hasPattern(ownerKey)),
    gt(countIf(ROSTER_NAMES.names, trim(ref(ownerKey))), num(0)),
    eq(countIf(ROSTER_NAMES.names, trim(ref(ownerKey)), { range: ROSTER_NAMES.parties, value: party }), num(0)),
  );

/** The user columns whose stray spaces are marked: the ones compared with lists and other tables. */
const SPACED_KEYS: Record<"jap" | "jbp", string[]> = {
  jap: ["id", "objectiveId", "action", "party", "owner", "status"],
  jbp: ["id", "objective", "principalOwner", "distributorOwner"],
};

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
  // The row in use as the RAG's helper column computes it: the formats read that column.
  const inUse = japRowInUse;
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
    // No live duplicate-ID mark on the JAP: it counts every ID against every row (rows x rows, most of
    // what LibreOffice paid to open 20,000 actions; issue 16). The check finds duplicates
    // (structure.duplicateId) and its "[ID]" issue mark shows them; the JBP, a few rows, keeps its own.
    rule(
      "jap.unknownObjective",
      ["objectiveId"],
      and(isFilled(ref("objectiveId")), or(hasPattern("objectiveId"), eq(countIf(LIST_NAMES.objectiveIds, trim(ref("objectiveId"))), num(0)))),
      "The JBP objective is not an ID of the JBP's objectives.",
    ),
    rule(
      "jap.partyOwnerMismatch",
      ["party"],
      and(or(isText(ref("party"), "Principal"), isText(ref("party"), "Distributor")), ownerPartyMismatch("owner", trim(ref("party")))),
      "The owner is on the Roster with the other party (a Joint action fits either).",
    ),
    ...SPACED_KEYS.jap.map((k) => rule(`jap.straySpaces.${k}`, [k], straySpaces(k), `${header(k)} has spaces before, after or doubled inside it.`)),
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
    rule("jbp.duplicateId", ["id"], duplicateId("id"), "This objective ID is on another row of the table too."),
    rule("jbp.principalOwnerParty", ["principalOwner"], ownerPartyMismatch("principalOwner", str("Principal")), "The principal owner is on the Roster as Distributor."),
    rule("jbp.distributorOwnerParty", ["distributorOwner"], ownerPartyMismatch("distributorOwner", str("Distributor")), "The distributor owner is on the Roster as Principal."),
    ...SPACED_KEYS.jbp.map((k) => rule(`jbp.straySpaces.${k}`, [k], straySpaces(k), `${header(k)} has spaces before, after or doubled inside it.`)),
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
export function defaultListNames(rosterNames: string[] = [], rosterParties: CellValue[] = rosterNames.map(() => null)): Record<string, CellValue[]> {
  const out: Record<string, CellValue[]> = { [LIST_NAMES.rosterNames]: rosterNames, [ROSTER_NAMES.parties]: rosterParties };
  for (const l of SETTINGS_LISTS) out[l.name] = l.values;
  return out;
}

/**
 * Whether a live rule marks a cell of this row, as the spreadsheet's conditional format decides:
 * only TRUE marks; an error or text does not. `names` gives the workbook names the rule reads
 * (the list ranges by default; pass the Roster names and settings that apply), `columns` the
 * table's own columns a duplicate check counts in.
 */
export function evaluateLiveRule(
  rule: LiveRule,
  rowValues: Record<string, CellValue | undefined>,
  names: Record<string, CellValue | CellValue[]> = {},
  columns: Record<string, CellValue[]> = {},
): boolean {
  return isTrue(evaluate(rule.condition, { row: rowValues, names: { ...defaultListNames(), ...names }, columns }));
}
