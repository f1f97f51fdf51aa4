/**
 * Table rows into the model. Each field is parsed as model.ts says (a date typed as text stays
 * null, an unknown list value is null) and `source.raw` keeps every raw cell by column key, so the
 * rules can tell "blank" from "unreadable" and offer repairs.
 */
import { type Action, cellNumber, cellText, type CellValue, matchActionParty, matchDirection, matchParty, matchRag, matchStatus, MAX_SERIAL, type Objective, parseFlag, type RosterProblemRow, type RosterRow, toCellValue } from "../model";
import { origin, type FoundTable } from "./findTables";

export interface RawRow {
  source: { sheet: string; row: number; raw: Record<string, CellValue> };
}

/** Every data row of a table with its raw cells by column key. */
export function rawRows(table: FoundTable): RawRow[] {
  const o = origin(table.grid);
  const keys = Object.keys(table.gridColumns);
  const cols = keys.map((k) => table.gridColumns[k]);
  // Every raw record is a copy of one template, so all share one shape (fast to build and read).
  const template: Record<string, CellValue> = {};
  for (const key of keys) template[key] = null;
  return table.rowIndices.map((r) => {
    const raw = { ...template };
    const cells = table.grid.values[r];
    for (let i = 0; i < keys.length; i++) {
      const v: unknown = cells[cols[i]];
      // Plain values as they are; anything odd goes through toCellValue.
      raw[keys[i]] = typeof v === "string" || typeof v === "boolean" || v === null || (typeof v === "number" && Number.isFinite(v)) ? v : toCellValue(v);
    }
    return { source: { sheet: table.position.sheet, row: o.row + r, raw } };
  });
}

/** A real date: a number Excel can show as a date. Anything else (text dates too) is null. */
export function dateNumber(v: CellValue | undefined): number | null {
  const n = cellNumber(v);
  return n !== null && n >= 1 && n <= MAX_SERIAL ? n : null;
}

export function actionFromRow({ source }: RawRow): Action {
  const r = source.raw;
  return {
    source,
    id: cellText(r.id),
    objectiveId: cellText(r.objectiveId),
    priority: cellNumber(r.priority),
    action: cellText(r.action),
    party: matchActionParty(r.party),
    owner: cellText(r.owner),
    start: dateNumber(r.start),
    due: dateNumber(r.due),
    status: matchStatus(r.status),
    pctComplete: cellNumber(r.pctComplete),
    kpi: cellText(r.kpi),
    unit: cellText(r.unit),
    direction: matchDirection(r.direction),
    baseline: cellNumber(r.baseline),
    target: cellNumber(r.target),
    actual: cellNumber(r.actual),
    resources: cellText(r.resources),
    lastUpdate: dateNumber(r.lastUpdate),
    nextStep: cellText(r.nextStep),
    ragOverride: matchRag(r.ragOverride),
    overrideReason: cellText(r.overrideReason),
  };
}

export function objectiveFromRow({ source }: RawRow): Objective {
  const r = source.raw;
  return {
    source,
    id: cellText(r.id),
    objective: cellText(r.objective),
    initiative: cellText(r.initiative),
    kpi: cellText(r.kpi),
    unit: cellText(r.unit),
    direction: matchDirection(r.direction),
    baseline: cellNumber(r.baseline),
    q1Target: cellNumber(r.q1Target),
    q2Target: cellNumber(r.q2Target),
    q3Target: cellNumber(r.q3Target),
    q4Target: cellNumber(r.q4Target),
    fyTarget: cellNumber(r.fyTarget),
    q1Actual: cellNumber(r.q1Actual),
    q2Actual: cellNumber(r.q2Actual),
    q3Actual: cellNumber(r.q3Actual),
    q4Actual: cellNumber(r.q4Actual),
    principalOwner: cellText(r.principalOwner),
    distributorOwner: cellText(r.distributorOwner),
    comment: cellText(r.comment),
  };
}

/** Roster rows: valid entries, and rows without a name or a known party kept aside for the rules. */
export function rosterFromRows(rows: RawRow[]): { rows: RosterRow[]; incomplete: RosterProblemRow[] } {
  const out: RosterRow[] = [];
  const incomplete: RosterProblemRow[] = [];
  for (const { source } of rows) {
    const r = source.raw;
    const name = cellText(r.name);
    // An unreadable Active flag counts as active; owner.rosterBadActive reports it.
    const active = parseFlag(r.active) ?? true;
    const party = matchParty(r.party);
    if (name === "" || party === null) {
      incomplete.push({ name, active, source });
      continue;
    }
    out.push({ name, party, role: cellText(r.role), email: cellText(r.email), active, source });
  }
  return { rows: out, incomplete };
}
