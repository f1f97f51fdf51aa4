/**
 * Applies repairs the user chose: each changes only the one cell it names, and only while that
 * cell still holds the value the check saw (`repair.was`); otherwise it is skipped with a reason.
 *
 * The workbook is left as a check would leave it: the check runs on the workbook as the repairs
 * make it, and the Issues cells, notes and stale JBP action counts that change are written with
 * the repairs. Three syncs,
 * whatever the number of rows (those of checkPlan): read the workbook (two), then write (one).
 * A user's formula that depends on a repaired cell keeps the value read until the next check, as
 * the Excel layer reads values, not formulas.
 */
import { cellText, type CellValue, type Finding, type Repair } from "../plan/model";
import { OPERATION_BYTES, SET_BYTES, SHEET_BYTES, payloadBytes } from "./batches";
import { checkState, paintWrites } from "./checkPlan";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { recountWrites, queueRecount, recountMessage } from "./jbpRecount";
import { paintBatch, queuePaint } from "./paintFindings";
import { writeQuietly } from "./quietWrites";
import { cellKey, formatAt, gridsWith, gridValueAt, readWorkbookState, type WorkbookState } from "./readWorkbookState";
import { capabilities } from "./requirements";
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

export async function applyRepairs(repairs: Repair[]): Promise<RepairOutcome> {
  if (repairs.length === 0) return { message: "No repairs to apply.", applied: 0, skipped: [] };
  const caps = capabilities();
  return runExcel(async (context) => {
    // The number formats a repair needs to know: a number with no format of its own going into a Text cell.
    const formatCells = repairs.filter((r) => typeof r.value === "number" && r.numberFormat === undefined).map((r) => ({ sheet: r.sheet, cell: r.cell }));
    const state = await readWorkbookState(context, caps, { notes: caps.notes, formatCells });
    assertRepairable(state, repairs);

    const skipped: RepairOutcome["skipped"] = [];
    const done = new Set<string>();
    const toApply: { repair: Repair; format: string | undefined }[] = [];
    for (const r of repairs) {
      const key = cellKey(r.sheet, r.cell);
      if (done.has(key)) {
        skipped.push({ repair: r, reason: `Another repair already changes ${r.sheet}!${r.cell}.` });
        continue;
      }
      const now = gridValueAt(state.grids, r.sheet, r.cell) ?? null;
      if (r.was !== undefined && !same(now, r.was)) {
        skipped.push({ repair: r, reason: `${r.sheet}!${r.cell} has changed since the check (it now holds '${now !== null && typeof now === "object" ? now.error : cellText(now)}'). Check the plan again.` });
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

    if (toApply.length > 0 || (repaint && paintWrites(paint) > 0) || recount.writes.length > 0) {
      await writeQuietly(context, caps, async (batcher) => {
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

    const applied = toApply.length;
    const outcome =
      applied === 0
        ? `No repair applied: ${skipped.length} skipped.`
        : `${plural(applied, "repair")} applied${skipped.length ? `, ${skipped.length} skipped` : ""}; ${left(result.findings)}.`;
    const stale = repaint
      ? ""
      : ` ${locked.map((s) => `'${s}'`).join(", ")} ${locked.length === 1 ? "is" : "are"} protected, so the Issues column and notes there still show the last check: unprotect ${locked.length === 1 ? "it" : "them"} and run Check plan.`;
    return { message: `${outcome}${stale}${recountMessage(recount)}`, applied, skipped };
  });
}
