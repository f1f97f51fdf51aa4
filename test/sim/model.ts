/** The simulated workbook's state: plain data that the proxies read and change at sync time. */
import type { CultureModel } from "./application";
import type { Rect } from "./address";
import { CellStore } from "./cellStore";
import { fail } from "./errors";
import { newPageLayout, type PageLayoutModel } from "./pageLayout";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
  allowInsertColumns?: boolean;
  allowDeleteRows?: boolean;
  allowDeleteColumns?: boolean;
  allowSort?: boolean;
  allowAutoFilter?: boolean;
  allowPivotTables?: boolean;
  allowEditObjects?: boolean;
  allowEditScenarios?: boolean;
  allowInsertHyperlinks?: boolean;
  selectionMode?: string;
}

export interface ValidationRecord {
  rule: Record<string, unknown> | null; // one key: list, decimal, wholeNumber, date, time, textLength, custom
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ValidationArea {
  rect: Rect;
  rec: ValidationRecord;
}

export interface CfFormat {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
}

export interface ConditionalFormatModel {
  id: string;
  type: string; // Excel.ConditionalFormatType value
  areas: Rect[];
  rule: Record<string, unknown>;
  format: CfFormat;
  stopIfTrue: boolean;
  /** Names its formula used that the workbook did not define when it was set (formulaNames.ts). */
  namesMissingWhenSet?: string[];
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  source: Rect;
  seriesBy: string;
  /** Each series' solid fill ("#RRGGBB") where one was set, by series index. */
  seriesFill: (string | null)[];
  /** The category axis's type: "Automatic", "TextAxis" or "DateAxis". */
  categoryType: string;
  title: string | null;
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface BorderRecord {
  rect: Rect;
  side: string;
  style: string;
  color: string;
  weight: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  store: CellStore;
  protection: { protected: boolean; options: ProtectionOptions; password?: string };
  freeze: { rows: number; cols: number } | null;
  /** Page setup (ExcelApi 1.9, pageLayout.ts). */
  pageLayout: PageLayoutModel;
  validations: ValidationArea[];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  borders: BorderRecord[];
  showGridlines: boolean;
  deleted: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect; // header row included
  columns: Array<{ id: number; name: string }>;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  deleted: boolean;
  nextColumnId: number;
  /** Calculated columns by column id: the formula as written at sheet row `row` (tableGrowth.ts). */
  calculated: Map<number, { formula: string; row: number }>;
}

export interface NameModel {
  name: string;
  /** A reference to cells, kept structured so that renaming the sheet updates the formula. */
  ref: { sheet: SheetModel; rect: Rect } | null;
  /** The formula when the name is not a plain reference (a constant or an expression). */
  formula: string;
  comment: string;
  visible: boolean;
  deleted: boolean;
}

export interface NoteModel {
  id: string;
  sheet: SheetModel;
  r: number;
  c: number;
  content: string;
  authorName: string;
  deleted: boolean;
}

export interface CommentModel {
  id: string;
  sheet: SheetModel;
  r: number;
  c: number;
  content: string;
  authorName: string;
  authorEmail: string;
  creationDate: string;
  resolved: boolean;
  deleted: boolean;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  notes: NoteModel[];
  comments: CommentModel[];
  activeSheet: SheetModel;
  selection: { sheet: SheetModel; rect: Rect };
  enableEvents: boolean;
  requirementSets: Record<string, string>;
  /** application.cultureInfo (language and region): its name and date and time patterns. */
  culture: CultureModel;
  counters: Record<string, number>;
  userName: string;
  /** Co-authoring (SimOptions.coauthoring): TableRowCollection.add is refused as the conflict it causes. */
  coauthoring: boolean;
}

export function nextId(wb: WorkbookModel, kind: string): number {
  wb.counters[kind] = (wb.counters[kind] ?? 0) + 1;
  return wb.counters[kind];
}

export function newSheet(wb: WorkbookModel, name: string): SheetModel {
  const n = nextId(wb, "sheet");
  return {
    id: `{${(0x1000 + n).toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`,
    name,
    visibility: "Visible",
    tabColor: "",
    store: new CellStore(),
    protection: { protected: false, options: {} },
    freeze: null,
    pageLayout: newPageLayout(),
    validations: [],
    conditionalFormats: [],
    charts: [],
    borders: [],
    showGridlines: true,
    deleted: false,
  };
}

export function createWorkbookModel(sheetNames: string[], requirementSets: Record<string, string>, culture: CultureModel): WorkbookModel {
  const wb = {
    culture,
    sheets: [],
    tables: [],
    names: [],
    notes: [],
    comments: [],
    enableEvents: true,
    requirementSets,
    counters: {},
    userName: "Sim User",
    coauthoring: false,
  } as unknown as WorkbookModel;
  for (const name of sheetNames) wb.sheets.push(newSheet(wb, name));
  wb.activeSheet = wb.sheets[0];
  wb.selection = { sheet: wb.sheets[0], rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  return wb;
}

/** A sheet by name (case-insensitive, as Excel matches names) or by id. */
export function findSheet(wb: WorkbookModel, key: string): SheetModel | undefined {
  const lower = key.toLowerCase();
  return wb.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
}

/** Excel refuses changes to a protected sheet's (locked) cells with AccessDenied. */
export function assertUnprotected(sheet: SheetModel, what: string, allowedBy?: keyof ProtectionOptions): void {
  if (!sheet.protection.protected) return;
  if (allowedBy && sheet.protection.options[allowedBy]) return;
  fail("AccessDenied", `${what} on protected sheet '${sheet.name}'`);
}

function versionNumber(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor || 0);
}

export function isSetSupported(wb: WorkbookModel, set: string, version?: string): boolean {
  const max = wb.requirementSets[set] ?? Object.entries(wb.requirementSets).find(([k]) => k.toLowerCase() === set.toLowerCase())?.[1];
  if (max === undefined) return false;
  return versionNumber(version ?? "1.1") <= versionNumber(max);
}

/** Fails as Excel does when the host lacks the requirement set that an API belongs to. */
export function requireApi(wb: WorkbookModel, version: string, what: string): void {
  if (!isSetSupported(wb, "ExcelApi", version)) fail("ApiNotFound", `${what} needs ExcelApi ${version}`);
}
