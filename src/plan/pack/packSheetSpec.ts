/**
 * The Meeting pack as a SheetSpec, from buildPackLayout, and the pack's inputs from a read plan: which
 * JAPs get a pack (each distributor's current one), their JBP, the Review Log, the reasons and the
 * changes the engine writes. One landscape page, A4 or Letter: fit to one page wide and one tall.
 * Pure; the Excel layer and the .xlsx writer both apply the result.
 */
import { type CellValue, currentJaps, distributorKey, inExcelTable, isoFromSerial, japCycle, type PlanWorkbook, type Rag, type SheetGrid, type TableListing, type TablePosition, withSpareRows } from "../model";
import { emptySheetSpec, monthTitle, printSetup, RAG_COLOURS, type SheetSpec } from "../sheets";
import { computePlanRag, EMPTY_ROW } from "../rag";
import { type ReadLog, readReviewLog, type ReviewLogRow, reviewChanges, reviewRows, reviewsOf } from "../cycle";
import { buildPackLayout, type PackChange, type PackInput, type PackLayout, PACK_COLUMNS } from "./packLayout";
import { lastReviewDate, type PackSubject } from "./packFigures";
import { packSheetName } from "./packMark";

/** Rows below each table that the pack's formulas also cover, as the RAG Summary's. */
export const PACK_SPARE_ROWS = 500;

/** The JBP a JAP belongs to: the one its header names, else its distributor's, else the only one. */
export function jbpOfJap(plan: Pick<PlanWorkbook, "jbps" | "japs">, jap: PlanWorkbook["japs"][number]): PlanWorkbook["jbps"][number] | null {
  const named = jap.header?.jbpSheet ?? "";
  const bySheet = named ? plan.jbps.find((j) => j.position.sheet.toLowerCase() === named.toLowerCase()) : undefined;
  if (bySheet) return bySheet;
  const d = distributorKey(japCycle(jap, plan.jbps).distributor);
  const byDistributor = plan.jbps.filter((j) => distributorKey(j.header.distributor ?? "") === d);
  if (byDistributor.length === 1) return byDistributor[0];
  return plan.jbps.length === 1 ? plan.jbps[0] : null;
}

/** A JAP can have a pack when its table has the columns the lists read. */
export const PACK_NEEDS = ["id", "action", "owner", "due", "status", "rag"] as const;
export const packable = (t: TablePosition): boolean => PACK_NEEDS.every((k) => t.columns[k] !== undefined);

/** Each distributor's current JAP that can have a pack, with its JBP and the Review Log rows. */
export function packSubjects(plan: PlanWorkbook, log: readonly ReviewLogRow[]): PackSubject[] {
  return currentJaps(plan)
    .filter((jap) => packable(jap.position))
    .map((jap) => ({ jap, jbp: jbpOfJap(plan, jap), log }));
}

const CHANGE_ORDER = ["turnedRed", "newlyOverdue", "recovered", "newlyDone", "dueMoved", "added", "dropped"] as const;
const iso = (d: number | null): string => (d === null ? "none" : isoFromSerial(d));

/**
 * What changed since the last review of this JAP's distributor: its actions as they stand now
 * (rated as of `asOf`) against the last review in the log; one line per action, the worst news first.
 */
export function packChanges(plan: PlanWorkbook, subject: PackSubject, asOf: number): PackChange[] {
  const distributor = japCycle(subject.jap, plan.jbps).distributor;
  const last = lastReviewDate(subject.log, distributor, asOf);
  if (last === null) return [];
  const then = reviewsOf(subject.log, distributor).find((r) => r.date === last) ?? null;
  const now = { date: asOf, distributor, rows: reviewRows(plan, subject.jap, asOf).rows };
  const c = reviewChanges(then, now);
  const lines = new Map<string, PackChange>();
  const say: Record<(typeof CHANGE_ORDER)[number], (x: { dueThen?: number | null; dueNow?: number | null; ragNow: Rag | null }) => string> = {
    turnedRed: () => "Turned Red",
    newlyOverdue: () => "Now overdue",
    recovered: () => "Back to Green",
    newlyDone: () => "Done",
    dueMoved: (x) => `Due moved from ${iso(x.dueThen ?? null)} to ${iso(x.dueNow ?? null)}`,
    added: () => "New since the last review",
    dropped: () => "Not on this JAP any more",
  };
  for (const kind of CHANGE_ORDER) {
    for (const x of c[kind]) {
      const k = x.actionId.trim().toLowerCase();
      const line = lines.get(k);
      const what = say[kind](x);
      if (line) line.what += `; ${what}`;
      else lines.set(k, { id: x.actionId, action: x.action, owner: x.owner, then: x.ragThen, now: x.ragNow, what });
    }
  }
  return [...lines.values()];
}

/**
 * The Review Log as the pack reads it: from the sheets that are not JAP or JBP sheets (readReviewLog
 * alone would take a JAP's table for the log, as a JAP holds ten of the log's headers).
 */
export function packReviewLog(grids: readonly SheetGrid[], plan: Pick<PlanWorkbook, "japs" | "jbps">): ReadLog<ReviewLogRow> {
  const planSheets = new Set([...plan.japs, ...plan.jbps].map((t) => t.position.sheet));
  return readReviewLog(grids.filter((g) => !planSheets.has(g.name)));
}

export interface PackOptions {
  sheetName: string;
  asOf: number;
  /** The workbook's Excel tables, so that formulas cover each table's full range. */
  tables?: readonly TableListing[];
  /** Where the Review Log stands, when there is one. */
  reviewLog?: TablePosition | null;
}

/** The pack's input for one subject: positions with spare rows, the engine's reasons and changes. */
export function packInputOf(plan: PlanWorkbook, subject: PackSubject, options: PackOptions): PackInput {
  const tables = options.tables ?? [];
  const spare = (t: TablePosition): TablePosition => withSpareRows(inExcelTable(t, tables), PACK_SPARE_ROWS);
  const cycle = japCycle(subject.jap, plan.jbps);
  const rag = computePlanRag(plan, options.asOf);
  const reasons = rag.actions
    .filter((r) => r.sheet === subject.jap.position.sheet && r.reason !== EMPTY_ROW && r.id.trim() !== "")
    .map((r) => ({ id: r.id, reason: r.reason }));
  return {
    sheetName: options.sheetName,
    jap: spare(subject.jap.position),
    jbp: subject.jbp ? spare(subject.jbp.position) : null,
    reviewLog: options.reviewLog ? spare(options.reviewLog) : null,
    distributor: cycle.distributor,
    monthTitle: monthTitle(cycle.month ?? undefined),
    reasons,
    changes: packChanges(plan, subject, options.asOf),
    writtenOn: options.asOf,
  };
}

export function buildPackSheetSpec(layout: PackLayout, input: Pick<PackInput, "distributor" | "monthTitle">): SheetSpec {
  const print = printSetup(PACK_COLUMNS, null, { who: input.distributor, what: input.monthTitle ? `Meeting pack · ${input.monthTitle}` : "Meeting pack" });
  // One page: the pack is made to be read on one sheet of paper, A4 or Letter.
  print.fitToPagesTall = 1;
  const spec: SheetSpec = { ...emptySheetSpec(layout.sheetName, "pack"), columnWidths: layout.columnWidths, print };
  for (const c of layout.cells) {
    if (c.numberFormat) spec.formats.push({ address: c.address, numberFormat: c.numberFormat });
    if (c.formula !== undefined) spec.blocks.push({ address: c.address, formulas: [[c.formula]] });
    else spec.blocks.push({ address: c.address, values: [[c.value ?? null]] });
    const style = {
      ...(c.bold ? { bold: true } : {}),
      ...(c.italic ? { italic: true } : {}),
      ...(c.fontSize ? { fontSize: c.fontSize } : {}),
      ...(c.fill ? { fill: c.fill } : {}),
      ...(c.fontColor ? { fontColor: c.fontColor } : {}),
      ...(c.horizontalAlignment ? { horizontalAlignment: c.horizontalAlignment } : {}),
    };
    if (Object.keys(style).length > 0) spec.styles.push({ address: c.address, ...style });
  }
  for (const cf of layout.conditionalFormats) spec.conditionalFormats.push({ ruleId: `pack.${cf.rag.toLowerCase()}`, address: cf.address, formula: cf.formula, ...RAG_COLOURS[cf.rag] });
  return spec;
}

export interface MeetingPack {
  spec: SheetSpec;
  layout: PackLayout;
  input: PackInput;
  subject: PackSubject;
}

/**
 * The Meeting packs of a read plan, one per distributor's current JAP: what `jointplan new`,
 * `jointplan next-month` and the add-in write. `log` is the Review Log as read (its rows and where it
 * stands).
 */
export function meetingPacks(plan: PlanWorkbook, log: { rows: readonly ReviewLogRow[]; position: TablePosition | null }, asOf: number, tables: readonly TableListing[] = [], sheetName?: (japSheet: string, single: boolean) => string): MeetingPack[] {
  const subjects = packSubjects(plan, log.rows);
  const name = sheetName ?? packSheetName;
  return subjects.map((subject) => {
    const input = packInputOf(plan, subject, { sheetName: name(subject.jap.position.sheet, subjects.length === 1), asOf, tables, reviewLog: log.position });
    const layout = buildPackLayout(input);
    return { spec: buildPackSheetSpec(layout, input), layout, input, subject };
  });
}

/** A list row as the pack shows it, by field (for the task pane and the command line). */
export type PackRow = Record<string, CellValue>;
