/**
 * What a plan's sheets are, decided once for every writer: the add-in's Insert JBP / JAP / sample
 * plan (src/excel/insertBatch.ts) and `jointplan new` (workbook/newWorkbook.ts) both get their
 * SheetSpecs here and only apply them. Pure: sheet and table names are taken from a `PlanNames`
 * that knows what the workbook already holds (nothing, for a new file).
 *
 * A JBP and a JAP planned together are linked both ways: the JAP's "JBP objective" list reads the
 * JBP's IDs (JP_ObjectiveIds when that JBP defines it), and the JBP's Red / Amber / Green action
 * counts read the JAP's RAG column, so the JBP's RAG formula rolls up its actions as the engine does.
 */
import { type CellValue, LIST_NAMES, parseRangeA1, type RosterEntry, serialFromYmd, type Settings, type SheetGrid, type TablePosition, ymdFromSerial } from "../model";
import { columnIndex, JAP, JBP, objectiveIdsName, type TableLayout } from "../layouts";
import { buildTableSheetSpec, columnDataRef, newTablePosition, type SheetSpec } from "./sheetSpec";
import { uniqueDefinedName, uniqueSheetName } from "./uniqueNames";
import { ISSUES_MARK, issuesMark } from "./issuesMark";

/** Empty formatted rows a new table offers at least, whoever writes it. */
export const TEMPLATE_ACTION_ROWS = 20;
export const TEMPLATE_OBJECTIVE_ROWS = 8;
export const TEMPLATE_ROSTER_ROWS = 10;
export const TEMPLATE_REVIEW_ROWS = 20;

export type Row = Record<string, CellValue>;

/** A whole plan to write as new sheets: the sample, a generated plan, or empty tables with headers. */
export interface PlanData {
  roster: Row[];
  jbp: { header: Row; objectives: Row[] };
  jap: { header: Row; actions: Row[] };
  /** Settings for a new Settings sheet (the add-in keeps an existing one as it is). */
  settings?: Settings;
  /** Review Log rows (only `jointplan new` writes a Review Log). */
  reviewLog?: Row[];
}

/** Roster rows (by column key) as the entries the Roster sheet is built from. */
export function rosterEntries(rows: Row[]): RosterEntry[] {
  return rows.map((r) => ({
    name: String(r.name ?? ""),
    party: r.party as RosterEntry["party"],
    role: String(r.role ?? ""),
    email: String(r.email ?? ""),
    active: r.active !== false,
  }));
}

/** "2026-03" for any day of March 2026; null for a value that is not a date. */
export function isoMonth(serial: number): string | null {
  const d = Number.isFinite(serial) ? ymdFromSerial(serial) : null;
  return d ? `${d.y}-${String(d.m).padStart(2, "0")}` : null;
}

/** The header of a new JBP for a calendar year: the names given, the period 1 January to 31 December. */
export function newJbpHeader(year: number, names: { principal?: string; distributor?: string; market?: string } = {}): Row {
  return {
    principal: names.principal ?? "",
    distributor: names.distributor ?? "",
    market: names.market ?? "",
    year,
    periodStart: serialFromYmd(year, 1, 1),
    periodEnd: serialFromYmd(year, 12, 31),
    lastReview: null,
  };
}

/** The sheet names a new JBP and JAP are given (made unique against the workbook by PlanNames). */
export const jbpSheetName = (year: number): string => (Number.isInteger(year) ? `JBP ${year}` : JBP.defaultSheetName);
export const japSheetName = (month: number): string => {
  const m = isoMonth(month);
  return m ? `JAP ${m}` : JAP.defaultSheetName;
};

/**
 * The sheet and defined names a plan takes as it grows (tables and defined names share one
 * namespace in Excel), so no two new sheets or tables collide with each other or with the
 * workbook's: a taken name gets " (2)" (sheets) or "_2" (tables).
 */
export class PlanNames {
  private readonly sheets: string[];
  private readonly defined: string[];

  constructor(sheets: Iterable<string> = [], definedNames: Iterable<string> = []) {
    this.sheets = [...sheets];
    this.defined = [...definedNames];
  }

  sheetName(base: string): string {
    const name = uniqueSheetName(base, this.sheets);
    this.sheets.push(name);
    return name;
  }

  tableName(stem: string): string {
    const name = uniqueDefinedName(stem, this.defined);
    this.defined.push(name);
    return name;
  }

  has(name: string): boolean {
    return this.defined.some((n) => n.toLowerCase() === name.toLowerCase());
  }

  /** Records names a spec or the workbook defines. */
  take(...names: string[]): void {
    this.defined.push(...names);
  }
}


export interface JbpSheetRequest {
  /** Header-block values by field key (principal, distributor, market, year, period …). */
  header: Row;
  year: number;
  objectives?: Row[];
  /** The sheet name to make unique: `JBP {year}` unless given. */
  sheetBase?: string;
  /** JAP tables whose actions the JBP counts by colour (none: the counts are 0). */
  japTables?: TablePosition[];
}

/** A new JBP sheet; the workbook's first JBP also names its ID column JP_ObjectiveIds. */
export function jbpSheetSpec(names: PlanNames, req: JbpSheetRequest, sheetName = names.sheetName(req.sheetBase ?? jbpSheetName(req.year))): SheetSpec {
  const rows = req.objectives ?? [];
  const tableName = names.tableName(JBP.tableName);
  const idNames = names.has(LIST_NAMES.objectiveIds) ? [] : [objectiveIdsName(tableName, JBP.columns[columnIndex(JBP, "id")].header)];
  const spec = buildTableSheetSpec(JBP, {
    sheetName,
    tableName,
    header: req.header,
    rows,
    minRows: TEMPLATE_OBJECTIVE_ROWS,
    names: idNames,
    japTables: req.japTables ?? [],
  });
  names.take(...spec.names.map((n) => n.name));
  return spec;
}

/** The JBP a JAP is linked to: its sheet (for the header) and the source of the objective list. */
export interface JbpLink {
  sheet: string;
  /** The "JBP objective" list's source; null leaves the column without a list. */
  idSource: string | null;
}

/** The link to a JBP planned in the same command: by JP_ObjectiveIds when it defines that name. */
export function linkToJbp(jbp: SheetSpec): JbpLink {
  const named = jbp.names.some((n) => n.name === LIST_NAMES.objectiveIds);
  return { sheet: jbp.sheetName, idSource: named ? `=${LIST_NAMES.objectiveIds}` : columnDataRef(jbp, "id") };
}

export interface JapSheetRequest {
  distributor: string;
  /** Serial of the month's first day; null leaves the Month blank (the check asks for it). */
  month: number | null;
  reviewDate?: CellValue;
  actions?: Row[];
  /** The sheet name to make unique: `JAP {yyyy-mm}` unless given. */
  sheetBase?: string;
  link: JbpLink | null;
  /** The table's name when already taken (a JBP planned with it names the table); else one is taken. */
  tableName?: string;
}

/** A layout's header texts by column key (what structured references to its table name). */
const layoutHeaders = (layout: TableLayout): Record<string, string> => Object.fromEntries(layout.columns.map((c) => [c.key, c.header]));

/** A new JAP sheet, linked to a JBP when there is one. */
export function japSheetSpec(names: PlanNames, req: JapSheetRequest, sheetName = names.sheetName(req.sheetBase ?? japSheetName(req.month ?? NaN))): SheetSpec {
  const spec = buildTableSheetSpec(JAP, {
    sheetName,
    tableName: req.tableName ?? names.tableName(JAP.tableName),
    header: { distributor: req.distributor, month: req.month, reviewDate: req.reviewDate ?? null, jbpSheet: req.link?.sheet ?? "" },
    rows: req.actions,
    minRows: TEMPLATE_ACTION_ROWS,
    ...(req.link ? { validationSources: { objectiveId: req.link.idSource } } : {}),
  });
  names.take(...spec.names.map((n) => n.name));
  markIssues(names, spec);
  return spec;
}

/** The mark of the spec's Issues column (issuesMark.ts): the add-in's own, which checks rewrite. */
function markIssues(names: PlanNames, spec: SheetSpec): void {
  const t = spec.tables[0]?.position;
  if (!t || t.columns.issues === undefined) return;
  spec.names.push(issuesMark(names.tableName(ISSUES_MARK), spec.sheetName, t.headerRow, t.columns.issues));
}

/** A JBP and a JAP planned together: the JAP reads the JBP's IDs, the JBP counts the JAP's actions. */
export function linkedJbpAndJap(
  names: PlanNames,
  data: Pick<PlanData, "jbp" | "jap">,
  sheetBases: { jbp?: string; jap?: string } = {},
  otherJapTables: TablePosition[] = [],
): { jbp: SheetSpec; jap: SheetSpec } {
  const year = Number(data.jbp.header.year);
  const month = typeof data.jap.header.month === "number" ? data.jap.header.month : null;
  // Both sheet names first, in sheet order, so the JBP's counts can name the JAP's table.
  const jbpSheet = names.sheetName(sheetBases.jbp ?? jbpSheetName(year));
  const japSheet = names.sheetName(sheetBases.jap ?? japSheetName(month ?? NaN));
  // The JAP's table name first too: the JBP's counts name its columns by structured reference.
  const japTable = names.tableName(JAP.tableName);
  const japRef = { ...newTablePosition(JAP, japSheet, Math.max(data.jap.actions.length, TEMPLATE_ACTION_ROWS)), excelTable: { name: japTable, headers: layoutHeaders(JAP) } };
  // The JBP counts every JAP table, as the engine rolls up: the workbook's and this one.
  const jbp = jbpSheetSpec(names, { header: data.jbp.header, year, objectives: data.jbp.objectives, japTables: [...otherJapTables, japRef] }, jbpSheet);
  const jap = japSheetSpec(
    names,
    {
      distributor: String(data.jap.header.distributor ?? ""),
      month,
      reviewDate: data.jap.header.reviewDate ?? null,
      actions: data.jap.actions,
      link: linkToJbp(jbp),
      tableName: japTable,
    },
    japSheet,
  );
  return { jbp, jap };
}

/** Where a spec's (first) table will stand, as formulas that count over it name it. */
export function specTablePosition(spec: SheetSpec): TablePosition {
  const t = spec.tables[0];
  if (!t) throw new Error(`Sheet spec '${spec.sheetName}' has no table`);
  return t.position;
}

/** The constants a spec writes, as the grid a reader would see before any formula is computed. */
export function specGrid(spec: SheetSpec): SheetGrid {
  const values: CellValue[][] = [];
  for (const block of spec.blocks) {
    const r = parseRangeA1(block.address);
    if (!r) continue;
    for (let row = r.row; row <= r.lastRow; row++) {
      values[row] ??= [];
      for (let col = r.col; col <= r.lastCol; col++) values[row][col] = block.values ? block.values[row - r.row][col - r.col] : null;
    }
  }
  let width = 0;
  for (let i = 0; i < values.length; i++) width = Math.max(width, values[i]?.length ?? 0);
  const rows = Array.from({ length: values.length }, (_, i) => Array.from({ length: width }, (_, j) => values[i]?.[j] ?? null));
  return { name: spec.sheetName, values: rows, origin: { row: 0, col: 0 } };
}
