/**
 * A whole new plan file, as `jointplan new` writes it: the Roster, Settings, JBP, JAP and Review Log
 * sheets (sheets/), and the RAG Summary over them (summary/). The summary is built from what is
 * planned (the specs' tables and the rows given), never by reading the specs back; a test holds it
 * equal to the summary of the plan as read.
 */
import { type CellValue, monthStart, type RosterEntry, type Settings } from "../model";
import { JAP, JBP, REVIEW_LOG, ROSTER, SETTINGS } from "../layouts";
import { buildRosterSheetSpec, buildSettingsSheetSpec, buildTableSheetSpec, linkedJbpAndJap, type PlanData, PlanNames, type SheetSpec, specGrid, tableListing, TEMPLATE_REVIEW_ROWS, TEMPLATE_ROSTER_ROWS } from "../sheets";
import { buildSummaryLayout, buildSummarySheetSpec, priorityLabels, SUMMARY_SHEET_NAME, type SummaryInput, type SummaryLayout, summaryTableOf } from "../summary";
import { distinctPriorities } from "../rules";
import { readPlan } from "../read";
import { readReviewLog } from "../cycle";
import { type MeetingPack, meetingPacks, PACK_SHEET_NAME, packFigures, packValues } from "../pack";

/** The sheet names of a new plan file, as `jointplan new` writes them (one JBP and one JAP a file). */
export const NEW_FILE_SHEETS = {
  roster: ROSTER.defaultSheetName,
  settings: SETTINGS.defaultSheetName,
  jbp: JBP.defaultSheetName,
  jap: JAP.defaultSheetName,
  summary: SUMMARY_SHEET_NAME,
  reviewLog: REVIEW_LOG.defaultSheetName,
  pack: PACK_SHEET_NAME,
} as const;

export interface NewWorkbook {
  /** In sheet order: Roster, Settings, JBP, JAP, RAG Summary, Meeting pack, Review Log. */
  specs: SheetSpec[];
  /** The summary's layout, with the address of every figure (tests compare them with the engine's). */
  summary: SummaryLayout;
  summaryInput: SummaryInput;
  /** The Meeting pack of the JAP (none when the JAP lacks a column the pack reads). */
  packs: MeetingPack[];
  /** What each pack's formula cells show as of `asOf`, by sheet and address: the file's cached values. */
  packCells: Record<string, Record<string, CellValue>>;
  /** The day the pack's written values (reasons, changes) were worked out. */
  asOf: number;
}

/** What a new plan file holds: its settings, roster, JBP, JAP and (optionally) Review Log rows. */
export interface NewWorkbookInput extends Omit<PlanData, "roster" | "settings"> {
  settings: Settings;
  roster: RosterEntry[];
  /** Today's serial, for the pack's written values when the Settings set no as-of date (else the JAP's month). */
  today?: number;
}

/** A whole new plan file: every sheet of the plan, the RAG Summary built over them, and a Review Log. */
export function newWorkbook(data: NewWorkbookInput): NewWorkbook {
  const names = new PlanNames();
  const rosterRows = data.roster;
  const roster = buildRosterSheetSpec(rosterRows, names.sheetName(NEW_FILE_SHEETS.roster), Math.max(TEMPLATE_ROSTER_ROWS, rosterRows.length));
  const settings = buildSettingsSheetSpec(data.settings, names.sheetName(NEW_FILE_SHEETS.settings));
  names.take(...roster.names.map((n) => n.name), ...settings.names.map((n) => n.name), ROSTER.tableName, SETTINGS.tableName);
  const { jbp, jap } = linkedJbpAndJap(names, data, { jbp: NEW_FILE_SHEETS.jbp, jap: NEW_FILE_SHEETS.jap });
  const reviewLog = buildTableSheetSpec(REVIEW_LOG, {
    sheetName: names.sheetName(NEW_FILE_SHEETS.reviewLog),
    tableName: names.tableName(REVIEW_LOG.tableName),
    rows: data.reviewLog ?? [],
    minRows: TEMPLATE_REVIEW_ROWS,
  });
  // The summary counts over the JBP and JAP tables as planned (by their Excel tables' structured
  // references) and lists the JBP's objectives and the Roster's names by formula: what the add-in's
  // Build summary would find reading these sheets (test/plan/workbook holds the two equal).
  const listing = [roster, jbp, jap, reviewLog].flatMap(tableListing);
  const summaryIn: SummaryInput = {
    sheetName: names.sheetName(NEW_FILE_SHEETS.summary),
    japTables: [summaryTableOf(jap.tables[0].position, listing)],
    jbpTables: [summaryTableOf(jbp.tables[0].position, listing)],
    rosterTable: summaryTableOf(roster.tables[0].position, listing),
    reviewLog: summaryTableOf(reviewLog.tables[0].position, listing),
    priorityLabels: priorityLabels(distinctPriorities(data.jap.actions.map((a) => a.priority)), data.settings.maxPriorities),
  };
  const summaryLayout = buildSummaryLayout(summaryIn);
  const summary = buildSummarySheetSpec(summaryLayout);
  // The pack reads the plan as the add-in would find it in these sheets: its figures are the engine's.
  const planSpecs = [roster, settings, jbp, jap, reviewLog];
  const grids = planSpecs.map(specGrid);
  const plan = readPlan(grids);
  const month = typeof data.jap.header.month === "number" ? (monthStart(data.jap.header.month) ?? 0) : 0;
  const asOf = Math.floor(data.settings.asOf ?? data.today ?? month);
  const log = readReviewLog([specGrid(reviewLog)]);
  const packs = meetingPacks(plan, log, asOf, planSpecs.flatMap(tableListing), () => names.sheetName(NEW_FILE_SHEETS.pack));
  const packCells: NewWorkbook["packCells"] = {};
  for (const p of packs) packCells[p.spec.sheetName] = packValues(p.layout, packFigures(plan, p.subject, asOf, p.input));
  return { specs: [roster, settings, jbp, jap, summary, ...packs.map((p) => p.spec), reviewLog], summary: summaryLayout, summaryInput: summaryIn, packs, packCells, asOf };
}

export function newWorkbookSpecs(data: NewWorkbookInput): SheetSpec[] {
  return newWorkbook(data).specs;
}

