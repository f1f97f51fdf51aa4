/**
 * The Meeting packs of a file that `review` or `next-month` has just written, rebuilt as the add-in's
 * Meeting pack command rebuilds them: the plan is read back from the written bytes (so the packs are
 * about the JAPs that are current now, and the Review Log as it now stands), each pack is planned by
 * the pack room (meetingPacks) and written with the engine's values cached. A pack that was about a
 * JAP of the same distributor is replaced in place under its own name; a distributor without one
 * gets a new pack when `addMissing` (next-month: the new month's plan comes with its pack), after
 * the RAG Summary. A sheet is a pack by its first cells (isPackSheet), never by its name alone.
 */
import { distributorKey, japCycle, todaySerial, type SheetGrid } from "../plan/model";
import { isPackSheet, meetingPacks, packFigures, packJapSheet, packReviewLog, packSheetName, packValues, type PackHead } from "../plan/pack";
import { readPlan } from "../plan/read";
import { uniqueSheetName } from "../plan/sheets";
import { SUMMARY_MARK, summarySheetName } from "../plan/summary";
import { readWorkbookFile } from "../xlsx/readXlsx";
import { rewriteWorkbook } from "../xlsx/rewriteWorkbook";
import { addSheetSpec, replaceSheetSpec, tableListings } from "../xlsx/sheetEdits";

export interface PackRewrite {
  bytes: Buffer;
  /** Pack sheets replaced and added, by name, with the JAP sheet each is about. */
  replaced: { sheet: string; jap: string }[];
  added: { sheet: string; jap: string }[];
}

const headOf = (grid: SheetGrid): PackHead => (at) => {
  const col = at.charCodeAt(0) - 65;
  const row = Number(at.slice(1)) - 1;
  return grid.values[row]?.[col] ?? null;
};

export async function rewriteMeetingPacks(bytes: Buffer, now: Date, addMissing: boolean): Promise<PackRewrite> {
  const { grids } = await readWorkbookFile(bytes);
  const packGrids = grids.filter((g) => isPackSheet(headOf(g)));
  const plan = readPlan(grids.filter((g) => !packGrids.includes(g)));
  const asOf = Math.floor(plan.settings.asOf ?? todaySerial(now));
  const log = packReviewLog(grids.filter((g) => !packGrids.includes(g)), plan);
  // Each existing pack by the distributor of the JAP it was about (the JAP may be history now).
  const distributorOf = (japSheet: string): string | null => {
    const jap = plan.japs.find((j) => j.position.sheet.toLowerCase() === japSheet.toLowerCase());
    return jap ? distributorKey(japCycle(jap, plan.jbps).distributor) : null;
  };
  const oldPacks = new Map<string, string>();
  for (const g of packGrids) {
    const jap = packJapSheet(headOf(g));
    const d = jap === null ? null : distributorOf(jap);
    if (d !== null && !oldPacks.has(d)) oldPacks.set(d, g.name);
  }
  if (oldPacks.size === 0 && !addMissing) return { bytes, replaced: [], added: [] };

  const replaced: PackRewrite["replaced"] = [];
  const added: PackRewrite["added"] = [];
  const out = await rewriteWorkbook(bytes, (workbook) => {
    const taken = workbook.worksheets.map((w) => w.name);
    const packs = meetingPacks(plan, log, asOf, tableListings(workbook), (japSheet, single) => {
      const jap = plan.japs.find((j) => j.position.sheet === japSheet);
      const old = jap ? oldPacks.get(distributorKey(japCycle(jap, plan.jbps).distributor)) : undefined;
      if (old !== undefined) return old;
      const name = uniqueSheetName(packSheetName(japSheet, single), taken);
      taken.push(name);
      return name;
    });
    const mark = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.find((n) => n.name === SUMMARY_MARK)?.ranges[0];
    const summary = summarySheetName(
      workbook.worksheets.map((ws) => ({ name: ws.name, cell: (a) => ws.getCell(a).value as never })),
      mark === undefined ? null : `=${mark}`,
    );
    let after = summary;
    const columns = {};
    for (const p of packs) {
      const name = p.spec.sheetName;
      const jap = p.subject.jap.position.sheet;
      const cached = { [name]: packValues(p.layout, packFigures(plan, p.subject, asOf, p.input)) };
      if ([...oldPacks.values()].includes(name)) {
        Object.assign(columns, replaceSheetSpec(workbook, p.spec, cached).columns);
        replaced.push({ sheet: name, jap });
      } else if (addMissing) {
        Object.assign(columns, addSheetSpec(workbook, p.spec, after ?? jap, cached).columns);
        added.push({ sheet: name, jap });
      }
      after = name;
    }
    return columns;
  });
  return { bytes: out, replaced, added };
}

/** What the command says of the packs it rebuilt. */
export function packLines(r: PackRewrite): string[] {
  const say = (verb: string, list: PackRewrite["replaced"]): string[] => (list.length === 0 ? [] : [`${verb} ${list.map((p) => `'${p.sheet}' (about '${p.jap}')`).join(", ")}: the meeting pack of the current JAP${list.length === 1 ? "" : "s"}.`]);
  return [...say("Rebuilt", r.replaced), ...say("Added", r.added)];
}
