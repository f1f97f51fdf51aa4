/**
 * Applies repairs the user chose: each changes only the one cell it names, and only while that
 * cell still holds the value the check saw (`repair.was`); otherwise it is skipped with a reason.
 * Two syncs: read the named cells (and their sheets' protection), then write.
 */
import type { CellValue, Repair } from "../plan/model";
import { Batcher, payloadBytes } from "./batches";
import { runExcel } from "./context";
import { JointPlanError } from "./errors";
import { cellKey } from "./readWorkbook";
import { capabilities } from "./requirements";

export interface RepairOutcome {
  message: string;
  applied: number;
  skipped: { repair: Repair; reason: string }[];
}

/** Text that Excel would read as a formula (or a number sign) unless the cell is formatted as text. */
export const looksLikeFormula = (v: CellValue): boolean => typeof v === "string" && /^[=+\-@]/.test(v);

function same(cell: unknown, was: CellValue): boolean {
  const now = cell === "" || cell === undefined ? null : cell;
  if (was === null || typeof was !== "object") return now === was;
  return typeof now === "string" && now === was.error;
}

function valueForExcel(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

export async function applyRepairs(repairs: Repair[]): Promise<RepairOutcome> {
  if (repairs.length === 0) return { message: "No repairs to apply.", applied: 0, skipped: [] };
  const caps = capabilities();
  return runExcel(async (context) => {
    const sheetNames = [...new Set(repairs.map((r) => r.sheet))];
    const sheets = new Map(
      sheetNames.map((name) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name");
        ws.protection.load("protected");
        return [name, ws] as const;
      }),
    );
    const cells = repairs.map((r) => sheets.get(r.sheet)!.getRange(r.cell).load("values"));
    await context.sync();

    for (const [name, ws] of sheets) {
      if (ws.isNullObject) {
        throw new JointPlanError("sheetMissing", `Sheet '${name}' is no longer in the workbook. Run Check plan again; nothing was changed.`);
      }
      if (ws.protection.protected) {
        throw new JointPlanError("protected", `Sheet '${name}' is protected, so JointPlan cannot repair it. Unprotect it (Review > Unprotect Sheet) and try again; nothing was changed.`);
      }
    }

    const skipped: RepairOutcome["skipped"] = [];
    const done = new Set<string>();
    const batcher = new Batcher(context);
    if (caps.enableEvents) context.runtime.enableEvents = false;
    let applied = 0;
    for (let i = 0; i < repairs.length; i++) {
      const r = repairs[i];
      const key = cellKey(r.sheet, r.cell);
      if (done.has(key)) {
        skipped.push({ repair: r, reason: `Another repair already changes ${r.sheet}!${r.cell}.` });
        continue;
      }
      const now = cells[i].values[0][0];
      if (r.was !== undefined && !same(now, r.was)) {
        skipped.push({ repair: r, reason: `${r.sheet}!${r.cell} has changed since the check (it now holds '${String(now)}'). Check the plan again.` });
        continue;
      }
      done.add(key);
      const range = sheets.get(r.sheet)!.getRange(r.cell);
      // The format goes first: a date format for a date, "@" so text like "=x" stays text.
      const format = r.numberFormat ?? (looksLikeFormula(r.value) ? "@" : undefined);
      await batcher.add(payloadBytes(r) + 128, () => {
        if (format !== undefined) range.numberFormat = [[format]];
        range.values = [[valueForExcel(r.value)]];
      });
      applied++;
    }
    if (caps.enableEvents) context.runtime.enableEvents = true;
    try {
      await context.sync();
    } catch (e) {
      if (caps.enableEvents) await restoreEvents(context);
      throw e;
    }
    const message =
      applied === 0
        ? `No repair applied: ${skipped.length} skipped.`
        : `${applied} repair${applied === 1 ? "" : "s"} applied${skipped.length ? `, ${skipped.length} skipped` : ""}. Run Check plan to refresh the Issues column.`;
    return { message, applied, skipped };
  });
}

/** After a failed write, events must not stay off for the rest of the session. */
export async function restoreEvents(context: Excel.RequestContext): Promise<void> {
  try {
    context.runtime.load("enableEvents");
    await context.sync();
    if (!context.runtime.enableEvents) {
      context.runtime.enableEvents = true;
      await context.sync();
    }
  } catch {
    // Nothing more we can do; the next command sets events again.
  }
}
