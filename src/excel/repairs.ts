/**
 * Applies repairs the user chose: each changes only the one cell it names, and only while that
 * cell still holds the value the check saw (`repair.was`); otherwise it is skipped with a reason.
 * A repair with choices applies only a value among them; an "Add to Roster" repair leaves its cell
 * and adds its person through the Roster's one writer (writeRosterEntries).
 *
 * The workbook is left as a check would leave it: the check runs on the workbook as the repairs
 * make it, and the Issues cells, notes and stale JBP action counts that change are written with
 * the repairs. Three syncs, whatever the number of rows and of people added (those of checkPlan):
 * read the workbook (two), then write (one): people join the Roster in that same request, and
 * the check runs on the workbook as Excel will hold it once the Roster has grown (withRosterRows).
 * A user's formula that depends on a repaired cell keeps the value read until the next check, as
 * the Excel layer reads values, not formulas.
 */
import { cellText, type CellValue, type Finding, gridTableOf, parseRangeA1, type Party, rangeA1, type Repair, RosterEntry, splitSheetRef } from "../plan/model";
import { personKey } from "../plan/rules";
import { OPERATION_BYTES, SET_BYTES, SHEET_BYTES, payloadBytes } from "./batches";
import { checkState, paintWrites } from "./checkPlan";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { recountWrites, queueRecount, recountMessage } from "./jbpRecount";
import { paintBatch, queuePaint } from "./paintFindings";
import { writeQuietly } from "./quietWrites";
import { cellKey, formatAt, gridsWith, gridValueAt, readWorkbookState, type WorkbookState } from "./readWorkbookState";
import { capabilities } from "./requirements";
import { planRosterWrite, type RosterWrite } from "./settingsAndRoster";
import { queueUserValues, textFormats } from "./userText";

export interface RepairOutcome {
  message: string;
  applied: number;
  skipped: { repair: Repair; reason: string }[];
}

/** Text that Excel would read as a formula (or a number sign) unless the cell is formatted as text. */
export const looksLikeFormula = (v: CellValue): boolean => typeof v === "string" && /^[=+\-@]/.test(v);

function same(now: CellValue, was: CellValue): boolean {
  if (was !== null && typeof was === "object") return now !== null && typeof now === "object" && now.error === was.error;
  return now === was;
}

function valueForExcel(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

/**
 * The format a repair sets before its value: its own (a number or date repair carries its column's),
 * "@" so text like "=x" stays text, and at least "General" for a number going into a Text cell,
 * where it would otherwise show as a number stored as text.
 */
function formatFor(r: Repair, state: WorkbookState): string | undefined {
  if (r.numberFormat !== undefined) return r.numberFormat;
  if (looksLikeFormula(r.value)) return "@";
  if (typeof r.value === "number" && formatAt(state, r.sheet, r.cell) === "@") return "General";
  return undefined;
}

/** Refuses, before anything is written, when a repaired sheet is gone or protected. */
function assertRepairable(state: WorkbookState, repairs: Repair[]): void {
  for (const name of new Set(repairs.map((r) => r.sheet))) {
    const info = state.sheets.find((s) => s.name === name);
    if (!info) {
      throw new JointPlanError("sheetMissing", `Sheet '${name}' is no longer in the workbook. Run Check plan again; nothing was changed.`);
    }
    if (info.protected) {
      throw new JointPlanError("protected", `Sheet '${name}' is protected, so JointPlan cannot repair it. Unprotect it (Review > Unprotect Sheet) and try again; nothing was changed.`);
    }
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function left(findings: Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return errors + warnings === 0 ? "no problems left" : `${plural(errors, "error")} and ${plural(warnings, "warning")} left`;
}

/** Why a repair with choices cannot go in as sent (its value is not one of them), or null. */
function badChoice(r: Repair): string | null {
  if (!r.choices) return null;
  if (typeof r.value === "string" && r.choices.some((c) => c.value === r.value)) return null;
  const offered = r.choices.map((c) => `'${c.value}'`).join(", ");
  return r.value === null ? `Nothing was chosen: choose one of ${offered}.` : `'${cellText(r.value)}' is not one of the choices: ${offered}.`;
}

function changedSince(state: WorkbookState, r: Repair): string | null {
  const now = gridValueAt(state.grids, r.sheet, r.cell) ?? null;
  if (r.was === undefined || same(now, r.was)) return null;
  return `${r.sheet}!${r.cell} has changed since the check (it now holds '${now !== null && typeof now === "object" ? now.error : cellText(now)}'). Check the plan again.`;
}

/**
 * The "Add to Roster" repairs, planned on the workbook as read: the Roster's writer's cells
 * (planRosterWrite), queued later with the cell repairs. A person asked for by several repairs
 * (the same owner on many rows) is added once and each of them applied; the same name with
 * another party is skipped. Returns how many repairs take effect.
 */
function planAddToRoster(state: WorkbookState, repairs: Repair[], skipped: RepairOutcome["skipped"]): { applied: number; added: number; write: RosterWrite | null } {
  const wanted = new Map<string, { name: string; party: Party; repairs: Repair[] }>();
  for (const r of repairs) {
    const person = r.addToRoster!;
    const changed = changedSince(state, r);
    if (changed) {
      skipped.push({ repair: r, reason: changed });
      continue;
    }
    const key = personKey(person.name);
    const earlier = wanted.get(key);
    if (!earlier) wanted.set(key, { ...person, repairs: [r] });
    else if (earlier.party === person.party) earlier.repairs.push(r);
    else skipped.push({ repair: r, reason: `'${person.name}' is added to the Roster as ${earlier.party} by another repair, not as ${person.party}.` });
  }
  const entries: RosterEntry[] = [];
  const byName = new Map<string, Repair[]>();
  for (const w of wanted.values()) {
    const parsed = RosterEntry.safeParse({ name: w.name, party: w.party });
    if (!parsed.success) {
      for (const r of w.repairs) skipped.push({ repair: r, reason: parsed.error.issues[0].message });
      continue;
    }
    entries.push(parsed.data);
    byName.set(personKey(w.name), w.repairs);
  }
  if (entries.length === 0) return { applied: 0, added: 0, write: null };
  const write = planRosterWrite(state, entries);
  // Someone added to the Roster since the check: that repair has nothing left to do.
  for (const s of write.skipped) for (const r of byName.get(personKey(s.name)) ?? []) skipped.push({ repair: r, reason: `'${s.name}' is already on the Roster.` });
  const applied = write.added.reduce((n, e) => n + (byName.get(personKey(e.name))?.length ?? 0), 0);
  return { applied, added: write.added.length, write: write.added.length > 0 ? write : null };
}

/**
 * The workbook as Excel leaves it once the Roster's rows are in: what lay below the table in its
 * columns moved down (the rows inserted), the new cells written, the table (and any table moved
 * down with the rows) at its new address. The check that follows sees the Roster as Excel grew it.
 */
function withRosterRows(state: WorkbookState, write: RosterWrite): WorkbookState {
  let grids = state.grids;
  let tables = state.tables;
  const ins = write.inserted;
  if (ins) {
    grids = grids.map((g) => {
      if (g.name !== write.sheet) return g;
      const o = g.origin ?? { row: 0, col: 0 };
      const from = ins.row - o.row;
      if (from >= g.values.length) return g;
      const values = g.values.map((r) => [...r]);
      const c0 = Math.max(0, ins.col - o.col);
      const c1 = ins.lastCol - o.col;
      for (let r = values.length - 1 + ins.count; r >= from; r--) {
        while (values.length <= r) values.push([]);
        for (let c = c0; c <= c1; c++) {
          const src = r - ins.count >= from ? (values[r - ins.count]?.[c] ?? null) : null;
          while (values[r].length <= c) values[r].push(null);
          values[r][c] = src;
        }
      }
      return { ...g, values, numberFormats: undefined };
    });
    tables = tables.map((t) => {
      if (t.sheet !== write.sheet) return t;
      if (write.grown && t.name === write.grown.name) return { ...t, address: write.grown.address };
      const r = parseRangeA1(splitSheetRef(t.address).local);
      if (!r || r.row < ins.row || r.col < ins.col || r.lastCol > ins.lastCol) return t;
      return { ...t, address: rangeA1(r.row + ins.count, r.col, r.lastRow + ins.count, r.lastCol) };
    });
    // Where the sheet's tables now stand, as the reader gives them.
    grids = grids.map((g) => (g.name === write.sheet ? { ...g, tables: tables.filter((t) => t.sheet === g.name).flatMap((t) => gridTableOf(t) ?? []) } : g));
  }
  return { ...state, tables, grids: gridsWith(grids, write.cells) };
}

export async function applyRepairs(repairs: Repair[]): Promise<RepairOutcome> {
  if (repairs.length === 0) return { message: "No repairs to apply.", applied: 0, skipped: [] };
  const caps = capabilities();
  return runExcel(async (context) => {
    const skipped: RepairOutcome["skipped"] = [];
    const cellRepairs: Repair[] = [];
    const rosterRepairs: Repair[] = [];
    for (const r of repairs) {
      const bad = badChoice(r);
      if (bad) skipped.push({ repair: r, reason: bad });
      else (r.addToRoster ? rosterRepairs : cellRepairs).push(r);
    }
    // The number formats a repair needs to know: a number with no format of its own going into a Text cell.
    const formatCells = cellRepairs.filter((r) => typeof r.value === "number" && r.numberFormat === undefined).map((r) => ({ sheet: r.sheet, cell: r.cell }));
    const read = await readWorkbookState(context, caps, { notes: caps.notes, formatCells });
    // People join the Roster in the same request as the cell repairs; the check sees the Roster grown.
    const roster = rosterRepairs.length > 0 ? planAddToRoster(read, rosterRepairs, skipped) : { applied: 0, added: 0, write: null };
    if (cellRepairs.length === 0 && roster.applied === 0) return { message: `No repair applied: ${skipped.length} skipped.`, applied: 0, skipped };
    assertRepairable(read, cellRepairs);
    const state = roster.write ? withRosterRows(read, roster.write) : read;

    const done = new Set<string>();
    const toApply: { repair: Repair; format: string | undefined }[] = [];
    for (const r of cellRepairs) {
      const key = cellKey(r.sheet, r.cell);
      if (done.has(key)) {
        skipped.push({ repair: r, reason: `Another repair already changes ${r.sheet}!${r.cell}.` });
        continue;
      }
      const changed = changedSince(state, r);
      if (changed) {
        skipped.push({ repair: r, reason: changed });
        continue;
      }
      done.add(key);
      toApply.push({ repair: r, format: formatFor(r, state) });
    }
    // The check, on the workbook as the repairs leave it.
    const after: WorkbookState = {
      ...state,
      grids: gridsWith(
        state.grids,
        toApply.map(({ repair, format }) => ({ sheet: repair.sheet, cell: repair.cell, value: repair.value, numberFormat: format })),
      ),
    };
    const result = checkState(after);
    const paint = paintBatch(after, result, caps.notes);
    // A protected sheet the findings would change (another JAP): the repairs still go in, the paint does not.
    const locked = [...paint.sheets].filter((name) => state.sheets.some((s) => s.name === name && s.protected));
    const repaint = locked.length === 0;
    // The JBP counts as the check would leave them (protected sheets left out, as there).
    const recount = recountWrites(after, result);

    if (roster.write || toApply.length > 0 || (repaint && paintWrites(paint) > 0) || recount.writes.length > 0) {
      await writeQuietly(context, caps, async (batcher) => {
        // The Roster's rows first: the paint's cells are where they stand once the table has grown.
        const grow = roster.write;
        if (grow) await batcher.add(payloadBytes(grow.cells.map((c) => c.value)) + payloadBytes(grow.cells.map((c) => c.numberFormat)), () => grow.queue(context), 3 * OPERATION_BYTES + 2 * SET_BYTES);
        for (const { repair, format } of toApply) {
          // The format goes first, in the same request: the value is then read in that format.
          // Two paths (the sheet by name, its cell) and one or two sets.
          const value = valueForExcel(repair.value);
          // Text (a name from the roster, an ID) goes through the one writer of user text, which
          // sets "@" first unless the repair's own format is "@": one more set then.
          const textFormat = textFormats([[value]], () => format) !== null;
          const sets = (format !== undefined ? 1 : 0) + (textFormat ? 1 : 0);
          await batcher.add(payloadBytes([repair.sheet, repair.cell, value, format ?? null, textFormat ? "@" : null]), () => {
            const range = context.workbook.worksheets.getItem(repair.sheet).getRange(repair.cell);
            if (format !== undefined) range.numberFormat = [[format]];
            queueUserValues(range, [[value]], () => format);
          }, SHEET_BYTES + OPERATION_BYTES + sets * SET_BYTES);
        }
        if (repaint) await queuePaint(context, paint, batcher);
        await queueRecount(context, recount.writes, batcher);
      });
    }

    const applied = toApply.length + roster.applied;
    const joined = roster.added > 0 ? ` (${roster.added === 1 ? "1 person" : `${roster.added} people`} added to the Roster)` : "";
    const outcome =
      applied === 0
        ? `No repair applied: ${skipped.length} skipped.`
        : `${plural(applied, "repair")} applied${joined}${skipped.length ? `, ${skipped.length} skipped` : ""}; ${left(result.findings)}.`;
    const stale = repaint
      ? ""
      : ` ${locked.map((s) => `'${s}'`).join(", ")} ${locked.length === 1 ? "is" : "are"} protected, so the Issues column and notes there still show the last check: unprotect ${locked.length === 1 ? "it" : "them"} and run Check plan.`;
    return { message: `${outcome}${stale}${recountMessage(recount)}`, applied, skipped };
  });
}
