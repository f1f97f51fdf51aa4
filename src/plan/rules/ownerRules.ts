/**
 * Owner rules: every action has an owner on the active roster (compared as people type names:
 * case, spaces, invisible characters and accent encoding ignored, with a "did you mean"), whose
 * party fits the action's Party; roster names are unique and have a party; nobody owns too many
 * open actions.
 */
import { cellText, type CellValue, finding, type Finding, isBlank, isErrorCell, type JapPlan, type Party, parseFlag, type RepairSpec, showValue, type TablePosition } from "../model";
import { cleanName, hiddenCharacter, nameDifference, personKey, type HiddenCharacter } from "./rosterIndex";
import { cellAt, has, isOpen, type RuleContext } from "./ruleContext";

/**
 * More open actions than this for one owner in one JAP is a warning. A constant rather than a
 * setting: it is a nudge about the critical few, and the Settings sheet stays short.
 */
export const MAX_OPEN_ACTIONS_PER_OWNER = 8;

export function ownerRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  rosterRules(ctx, out);
  for (const jap of ctx.plan.japs) actionOwnerRules(ctx, jap, out);
  for (const jbp of ctx.plan.jbps) {
    for (const o of jbp.objectives) {
      for (const [key, party] of [["principalOwner", "Principal"], ["distributorOwner", "Distributor"]] as const) {
        if (!has(jbp.position, key) || isBlank(o.source.raw[key])) continue;
        const fit = checkName(ctx, jbp.position, o.source.row, key, o.source.raw[key], label(key), true, party, out);
        if (fit && fit.party !== party) {
          out.push(finding("owner.partyMismatch", "error", cellAt(jbp.position, o.source.row, key), `${label(key)} '${fit.name}' is on the Roster as ${fit.party}, not ${party}.`));
        }
      }
    }
  }
  return out;
}

function actionOwnerRules(ctx: RuleContext, jap: JapPlan, out: Finding[]): void {
  if (!has(jap.position, "owner")) return;
  const openLoad = new Map<string, { name: string; count: number; at: { sheet: string; row: number; col: number } }>();
  for (const a of jap.actions) {
    const raw = a.source.raw.owner;
    const at = cellAt(jap.position, a.source.row, "owner");
    if (isBlank(raw)) {
      out.push(finding("owner.required", "error", at, "Owner is empty. Choose the person responsible from the Roster."));
      continue;
    }
    // Someone new joins the Roster with the action's party; a Joint action's owner could be either.
    const party = a.party === "Principal" || a.party === "Distributor" ? a.party : null;
    const fit = checkName(ctx, jap.position, a.source.row, "owner", raw, "Owner", isOpen(a.status), party, out);
    if (!fit) continue;
    if (has(jap.position, "party") && (a.party === "Principal" || a.party === "Distributor") && fit.party !== a.party) {
      out.push(
        finding(
          "owner.partyMismatch",
          "error",
          cellAt(jap.position, a.source.row, "party"),
          `Party is ${a.party} but Owner '${fit.name}' is on the Roster as ${fit.party}.`,
          { value: fit.party, label: `Set Party to ${fit.party}` },
        ),
      );
    }
    if (has(jap.position, "status") && isOpen(a.status)) {
      const key = personKey(fit.name);
      const load = openLoad.get(key) ?? { name: fit.name, count: 0, at };
      load.count++;
      // The finding goes on the first action past the limit, where the overload starts.
      if (load.count === MAX_OPEN_ACTIONS_PER_OWNER + 1) load.at = at;
      openLoad.set(key, load);
    }
  }
  for (const load of openLoad.values()) {
    if (load.count <= MAX_OPEN_ACTIONS_PER_OWNER) continue;
    out.push(
      finding(
        "owner.overloaded",
        "warning",
        load.at,
        `${load.name} owns ${load.count} open actions in this JAP, more than ${MAX_OPEN_ACTIONS_PER_OWNER}. Consider sharing the load or dropping some.`,
      ),
    );
  }
}

/**
 * Checks one name cell against the roster; returns the active roster entry it names, or null
 * (after reporting) when there is none. `party` is the one a person added from this cell would
 * have (null when the row does not say), for the "Add to Roster" repair.
 */
function checkName(
  ctx: RuleContext,
  position: TablePosition,
  row: number,
  key: string,
  raw: CellValue,
  what: string,
  open: boolean,
  party: Party | null,
  out: Finding[],
): { name: string; party: string } | null {
  if (!ctx.plan.roster) return null;
  const at = cellAt(position, row, key);
  if (isErrorCell(raw)) {
    out.push(finding("owner.notOnRoster", "error", at, `${what} shows the error ${raw.error}. Choose a name from the Roster.`));
    return null;
  }
  const typed = typeof raw === "string" ? raw : cellText(raw);
  const rows = ctx.roster.lookup(typed);
  const active = rows.find((r) => r.active);
  if (active) {
    if (typed !== active.name) out.push(spellingFinding(what, typed, active.name, at));
    return active;
  }
  if (rows.length > 0) {
    // A closed action may keep its former owner; an open one needs someone who is still active.
    if (open) {
      out.push(finding("owner.inactive", "error", at, `${what} '${rows[0].name}' is marked inactive on the Roster. Reassign the action or set Active to Yes.`));
    }
    return null;
  }
  if (ctx.roster.isIncomplete(typed)) return null;
  const suggestion = ctx.roster.suggest(typed);
  // Not on the Roster even without its hidden characters; still worth saying they are there.
  const hidden = hiddenCharacter(typed.trim());
  const also = hidden ? ` It also has ${hiddenText(hidden)}.` : "";
  const use: RepairSpec | undefined = suggestion ? { value: suggestion, label: `Use '${suggestion}'` } : undefined;
  // Only text can be a new person's name (42 is a mistake, not a name); the cell itself stays.
  const name = typeof raw === "string" ? cleanName(raw) : "";
  const add: RepairSpec | undefined = name && party ? { value: raw, label: `Add '${name}' to the Roster as ${party}`, addToRoster: { name, party } } : undefined;
  out.push(
    finding(
      "owner.notOnRoster",
      "error",
      at,
      `${what} ${showValue(raw)} is not on the Roster.${suggestion ? ` Did you mean '${suggestion}'?` : " Add the person to the Roster or choose a name from it."}${also}`,
      use ?? add,
      use ? add : undefined,
    ),
  );
  return null;
}

/** "an invisible character (U+200B ZERO WIDTH SPACE) at the end", and how many more there are. */
function hiddenText(h: HiddenCharacter): string {
  const more = h.count > 1 ? ` (and ${h.count - 1} more hidden character${h.count > 2 ? "s" : ""})` : "";
  return `${h.what} (${h.name}) ${h.where}${more}`;
}

/**
 * A name that matches the Roster's only once normalised: says what differs, from what a person
 * cannot see to what they can, and repairs to the Roster's spelling, unless it is the Roster's
 * spelling that is faulty (copying it would spread the fault).
 */
function spellingFinding(what: string, typed: string, rosterName: string, at: { sheet: string; row: number; col: number }): Finding {
  const use = { value: rosterName, label: "Use the Roster's spelling" };
  const diff = nameDifference(typed, rosterName);
  switch (diff.kind) {
    case "hidden":
      return diff.in === "typed"
        ? finding("owner.spelling", "warning", at, `${what} '${typed}' has ${hiddenText(diff.hidden)}; Excel's own checks see another name than the Roster's '${rosterName}'.`, use)
        : finding("owner.spelling", "warning", at, `${what} '${typed}' matches the Roster's '${rosterName}', whose name has ${hiddenText(diff.hidden)}. Retype the name on the Roster.`);
    case "spaces":
      return finding("owner.spelling", "warning", at, `${what} '${typed}' has stray spaces.`, { value: rosterName, label: "Trim spaces" });
    case "composition":
      return diff.in === "typed"
        ? finding("owner.spelling", "warning", at, `${what} '${typed}' has its accents stored as separate marks (Unicode NFD, as some apps paste them), so Excel does not match it with the Roster's '${rosterName}'.`, use)
        : finding("owner.spelling", "warning", at, `${what} '${typed}' matches the Roster's '${rosterName}', whose accents are stored as separate marks (Unicode NFD). Retype the name on the Roster.`);
    case "letters":
      return finding("owner.spelling", "warning", at, `${what} '${typed}' is written differently on the Roster: '${rosterName}'.`, { value: rosterName, label: `Use '${rosterName}'` });
  }
}

/** Roster names unique (compared as personKey does), each with a known party and a readable Active flag. */
function rosterRules(ctx: RuleContext, out: Finding[]): void {
  const roster = ctx.plan.roster;
  if (!roster) return;
  const p = roster.position;
  const rows = [...roster.rows.map((r) => ({ name: r.name, row: r.source.row, raw: r.source.raw ?? {} })), ...(roster.incomplete ?? []).map((r) => ({ name: r.name, row: r.source.row, raw: r.source.raw }))].sort(
    (a, b) => a.row - b.row,
  );
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    if (!r.name) {
      if (has(p, "name")) out.push(finding("owner.rosterNoName", "error", cellAt(p, r.row, "name"), "This Roster row has no name. Type the person's name or clear the row."));
      continue;
    }
    const key = personKey(r.name);
    const first = firstRow.get(key);
    if (first !== undefined) {
      out.push(finding("owner.rosterDuplicate", "error", cellAt(p, r.row, "name"), `'${r.name}' is on the Roster twice (also row ${first + 1}). Keep one row per person.`));
    } else firstRow.set(key, r.row);
    if (has(p, "active") && parseFlag(r.raw.active) === null) {
      out.push(finding("owner.rosterBadActive", "warning", cellAt(p, r.row, "active"), `Active ${showValue(r.raw.active)} for '${r.name}' is not Yes or No; it is read as Yes.`));
    }
  }
  if (!has(p, "party")) return;
  for (const r of roster.incomplete ?? []) {
    if (!r.name) continue;
    const raw = r.source.raw.party;
    out.push(
      finding(
        "owner.rosterNoParty",
        "error",
        cellAt(p, r.source.row, "party"),
        isBlank(raw) ? `'${r.name}' has no Party on the Roster. Choose Principal or Distributor.` : `Party ${showValue(raw)} of '${r.name}' is neither Principal nor Distributor.`,
      ),
    );
  }
}

function label(key: string): string {
  return key === "principalOwner" ? "Principal owner" : key === "distributorOwner" ? "Distributor owner" : "Owner";
}
