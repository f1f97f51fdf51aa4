/**
 * `jointplan next-month IN.xlsx OUT.xlsx`: starts next month's JAP of every current JAP in a copy
 * of the input. The carry-over is the cycle room's (carryOver: open actions as they stand, Done and
 * Cancelled left behind); the new JAP sheet is planned as `new` and the add-in plan one
 * (japSheetSpec), placed after the old one, which is left untouched and becomes history. The JBP's
 * action counts and the RAG Summary are rebuilt over the current JAPs (jbpCountWrites, the summary
 * builders), so that nothing is counted twice.
 */
import type ExcelJS from "exceljs";
import { carryOver, readReviewLog, type CarriedJap } from "../plan/cycle";
import { absoluteRangeA1, distributorKey, firstDataRow, inExcelTable, isoFromSerial, japStandings, LIST_NAMES, quoteSheet, splitSheetRef, todaySerial, withExcelTable, type JapStanding, type PlanWorkbook, type TableListing, type TablePosition } from "../plan/model";
import { japSheetSpec, jbpCountWrites, specTablePosition, tableListing, type JbpLink, type SheetSpec } from "../plan/sheets";
import { distinctPriorities } from "../plan/rules";
import { buildSummaryLayout, buildSummarySheetSpec, SUMMARY_MARK, priorityLabels, summaryInput, summarySheetName } from "../plan/summary";
import type { CalculatedColumns } from "../xlsx/calculatedColumns";
import { ragCachedValues } from "../xlsx/ragCachedValues";
import { rewriteWorkbook } from "../xlsx/rewriteWorkbook";
import { addSheetSpec, replaceSheetSpec, tableListings, writeFormulaColumns } from "../xlsx/sheetEdits";
import type { RewriteOptions } from "./args";
import { CliError, type CliIo } from "./io";
import { writeOutputFile } from "./outputFile";
import { packLines, rewriteMeetingPacks } from "./meetingPackRewrite";
import { japLabel, workbookNames } from "./reviewCommand";
import { readForRewrite } from "./rewriteInput";
import { plural } from "./table";
import { terminalLines } from "./terminalText";

/** The workbook's defined names as ExcelJS holds them (plain ranges come through whole). */
function definedRanges(workbook: ExcelJS.Workbook): Map<string, string> {
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return new Map(model.map((n) => [n.name, n.ranges[0] ?? ""]));
}

/**
 * The new JAP's link to the JBP the old one named: its "JBP objective" list reads JP_ObjectiveIds
 * when that name is this JBP's ID column (as `new` links them), else the JBP's ID cells.
 */
function jbpLinkOf(sheet: string, plan: PlanWorkbook, names: Map<string, string>, tables: readonly TableListing[]): JbpLink | null {
  if (sheet === "") return null;
  const jbp = plan.jbps.find((j) => j.position.sheet === sheet);
  if (!jbp) return { sheet, idSource: null };
  const named = names.get(LIST_NAMES.objectiveIds);
  if (named !== undefined && splitSheetRef(named).sheet?.toLowerCase() === sheet.toLowerCase()) return { sheet, idSource: `=${LIST_NAMES.objectiveIds}` };
  const col = jbp.position.columns.id;
  if (col === undefined) return { sheet, idSource: null };
  const t = countedTable(jbp.position, tables);
  return { sheet, idSource: `=${quoteSheet(sheet)}!${absoluteRangeA1(firstDataRow(t), col, t.lastRow, col)}` };
}

/** A table as far as its Excel table goes, with at least one data row (what the count formulas cover). */
function countedTable(p: TablePosition, tables: readonly TableListing[]): TablePosition {
  const t = inExcelTable(p, tables);
  return { ...t, lastRow: Math.max(t.lastRow, firstDataRow(t)) };
}

/** "A-01, A-02 and 3 more": IDs for a line of output. */
function listIds(ids: readonly string[], most = 10): string {
  if (ids.length <= most) return ids.join(", ");
  return `${ids.slice(0, most).join(", ")} and ${ids.length - most} more`;
}

interface Started {
  from: JapStanding;
  carried: CarriedJap;
  spec: SheetSpec;
}

export async function runNextMonth(file: string, out: string, options: RewriteOptions, io: CliIo): Promise<number> {
  const input = await readForRewrite(file, out, options, io);
  const plan = input.result.plan;
  const current = japStandings(plan).filter((s) => s.current);
  if (current.length === 0) throw new CliError(`${file} has no JAP to start next month from: it holds no sheet with JAP headers (ID, Action, Owner, Due, Status)`, 2);
  const plans = current.map((s) => ({ from: s, carried: carryOver(s.jap, plan.jbps) }));
  for (const p of plans) if (typeof p.carried === "string") throw new CliError(`${p.carried} Nothing was written.`, 2);
  const log = readReviewLog(input.grids);
  const unreviewed = current.filter((s) => !log.rows.some((r) => r.month === s.cycle.month && distributorKey(r.distributor) === distributorKey(s.cycle.distributor)));
  const today = todaySerial(io.now());

  const started: Started[] = [];
  let summarySheet: string | null = null;
  const bytes = await rewriteWorkbook(input.bytes, (workbook) => {
    const names = workbookNames(workbook);
    const ranges = definedRanges(workbook);
    const tables = tableListings(workbook);
    const columns: CalculatedColumns = {};
    const merge = (more: CalculatedColumns): void => {
      for (const [t, f] of Object.entries(more)) columns[t] = { ...columns[t], ...f };
    };
    for (const { from, carried } of plans as { from: JapStanding; carried: CarriedJap }[]) {
      const spec = japSheetSpec(names, {
        distributor: from.jap.header.distributor.trim() || carried.distributor,
        month: carried.month,
        actions: carried.actions,
        link: jbpLinkOf(carried.jbpSheet, plan, ranges, tables),
      });
      // The new sheet's RAG cells carry the engine's colours, judged with the workbook's settings.
      const cached = ragCachedValues([spec], today, input.grids);
      merge(addSheetSpec(workbook, spec, from.jap.position.sheet, cached).columns);
      started.push({ from, carried, spec });
    }
    // The current JAPs are now the new ones: the JBP counts and the summary are about them only.
    const japTables = started.map((s) => withExcelTable(specTablePosition(s.spec), tableListing(s.spec)));
    for (const jbp of plan.jbps) merge(writeFormulaColumns(workbook, jbpCountWrites(countedTable(jbp.position, tables), japTables)));
    const mark = ranges.get(SUMMARY_MARK) ?? null;
    summarySheet = summarySheetName(
      workbook.worksheets.map((ws) => ({ name: ws.name, cell: (a) => ws.getCell(a).value as never })),
      mark === null ? null : `=${mark}`,
    );
    if (summarySheet !== null) {
      // The new JAPs' tables by structured reference, so the summary follows them as they grow.
      const listing = [...tables, ...started.flatMap((s) => tableListing(s.spec))];
      const carriedActions = started.flatMap((s) => s.carried.actions.map((a) => a.priority));
      const summary = summaryInput(plan, summarySheet, listing, {
        japTables,
        reviewLog: log.position,
        priorityLabels: priorityLabels(distinctPriorities(carriedActions), plan.settings.maxPriorities),
      });
      replaceSheetSpec(workbook, buildSummarySheetSpec(buildSummaryLayout(summary)));
    }
    // Formulas written without results: Excel and LibreOffice compute them all on open (rewriteWorkbook asks them to).
    return columns;
  });
  // The new month's meeting pack, from the plan as written: about the new JAPs, the old pack replaced.
  const packs = await rewriteMeetingPacks(bytes, io.now(), true);
  await writeOutputFile(out, packs.bytes, options.force);

  const lines: string[] = [];
  for (const { from, carried, spec } of started) {
    const month = isoFromSerial(carried.month).slice(0, 7);
    const left = carried.leftBehind.length > 0 ? `; left behind ${plural(carried.leftBehind.length, "Done or Cancelled action")} (${listIds(carried.leftBehind)})` : "; nothing left behind";
    const moved = carried.carried.length > 0 ? `carried ${plural(carried.carried.length, "open action")} (${listIds(carried.carried)})` : "no open action to carry";
    lines.push(`Started '${spec.sheetName}' (${carried.distributor || "no distributor"}, ${month}) from ${japLabel(from)}: ${moved}${left}.`);
    lines.push(`  '${from.jap.position.sheet}' is now history: kept as it was, and no longer counted.`);
  }
  const rebuilt = [plan.jbps.length > 0 ? `the action counts of ${plan.jbps.map((j) => `'${j.position.sheet}'`).join(", ")}` : "", summarySheet !== null ? `the '${summarySheet}' sheet` : ""].filter((s) => s !== "");
  if (rebuilt.length > 0) lines.push(`Rebuilt ${rebuilt.join(" and ")} over the current JAP${started.length === 1 ? "" : "s"}.`);
  lines.push(...packLines(packs));
  for (const s of unreviewed) {
    lines.push(`Note: ${japLabel(s)} has no review in the Review Log: to keep its colours in the history, run 'jointplan review ${file} REVIEWED.xlsx' and start next month from REVIEWED.xlsx.`);
  }
  const asOf = plan.settings.asOf;
  const first = Math.min(...started.map((s) => s.carried.month));
  if (asOf !== null && asOf < first) {
    lines.push(`Note: the Settings as-of date is ${isoFromSerial(asOf)}, before the new month: the new JAP is judged on that day until you change it or clear it (blank means today).`);
  }
  if (input.lost) lines.push(`Note: ${input.lost} (--allow-loss).`);
  lines.push(`Wrote ${out}.`);
  io.out(terminalLines(lines));
  return 0;
}
