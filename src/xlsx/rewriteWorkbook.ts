/**
 * Rewriting a workbook with ExcelJS (load, edit, write) without losing what ExcelJS 4.4 breaks
 * but this layer can restore: it cannot load a table whose columns have a calculated formula
 * (the children are taken out first and put back after), it mangles defined names that are
 * formulas (they are written back from the input's workbook part), and it reads a validation's
 * formulas as numbers or dates, so DATE(2000,1,1) or JP_MaxPriorities come back as NaN (each
 * sheet of the input gets its <dataValidations> back as it was: an edit must not change them); it
 * reads a whole-column print area ($A:$J) as nonsense, so each sheet's is put back.
 * What it drops outright (charts, pivot tables...) partsLostOnRewrite lists beforehand, except the
 * summary's own charts (ownCharts.ts): carried over as stored while the summary sheet is the
 * input's, since its cells (the charts' ranges) are then as they were; a sheet an edit wrote from
 * a spec (next-month's rebuilt summary) gets its spec's charts instead (sheetCharts.ts).
 */
import ExcelJS from "exceljs";
import { calculatedColumnsIn, editTableParts, tableParts, withCalculatedColumns, withoutColumnChildren, type CalculatedColumns } from "./calculatedColumns";
import { carriedCharts, withCharts } from "./packageCharts";
import { editParts } from "./packageEdit";
import { ownCharts } from "./ownCharts";
import { chartsOf, chartsToWrite } from "./sheetCharts";
import { readFileBytes, readWorkbookPart } from "./readXlsx";
import { keepOutlineOpen, setNames } from "./writeXlsx";
import { decodeXml } from "./xmlTokenizer";
import { packageBudget, ZipArchive } from "./zipArchive";

const VALIDATIONS = /<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/;
/** The elements that follow <dataValidations> in a worksheet (CT_Worksheet's sequence). */
const AFTER_VALIDATIONS = ["hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Sheet name → its part, for a package. */
async function sheetParts(zip: ZipArchive): Promise<Map<string, string>> {
  return new Map((await readWorkbookPart(zip, packageBudget())).sheets.map((s) => [s.name, s.part]));
}

/** Sheet name → the sheet's <dataValidations> element as written ("" when it has none). */
async function validationsBySheet(zip: ZipArchive): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, part] of await sheetParts(zip)) {
    const entry = zip.entry(part);
    if (entry) out.set(name, VALIDATIONS.exec((await zip.bytesOf(entry, packageBudget())).toString("utf8"))?.[0] ?? "");
  }
  return out;
}

function putValidations(xml: string, validations: string): string {
  if (VALIDATIONS.test(xml)) return xml.replace(VALIDATIONS, () => validations);
  if (validations === "") return xml;
  const at = AFTER_VALIDATIONS.map((e) => xml.search(new RegExp(`<${e}[\\s>/]`))).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? xml.indexOf("</worksheet>");
  return xml.slice(0, at) + validations + xml.slice(at);
}

/** The sheets of the input that are still there get their validations back. */
async function withValidations(bytes: Buffer, original: Map<string, string>): Promise<Buffer> {
  const byPart = new Map<string, string>();
  for (const [name, part] of await sheetParts(ZipArchive.open(bytes))) {
    const v = original.get(name);
    if (v !== undefined) byPart.set(part.toLowerCase(), v);
  }
  return editParts(bytes, (name) => byPart.has(name.toLowerCase()), (xml, name) => putValidations(xml, byPart.get(name.toLowerCase()) as string));
}

/**
 * A table's start tag with its header row said: the schema's default is one header row and Excel
 * leaves the attribute out, but ExcelJS reads a missing `headerRowCount` as none and would write
 * the table back without its header (https://learn.microsoft.com/en-us/dotnet/api/documentformat.openxml.spreadsheet.table.headerrowcount).
 */
export function withHeaderRowCount(xml: string): string {
  return xml.replace(/<table\b[^>]*>/, (tag) => (/\sheaderRowCount=/.test(tag) ? tag : tag.replace(/^<table\b/, '<table headerRowCount="1"')));
}

/** ExcelJS's workbook of a file or its bytes, whatever its tables' columns hold. */
export async function loadWorkbook(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const bytes = typeof file === "string" ? await readFileBytes(file) : file;
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's typings want its own Buffer interface; a Node Buffer is what it reads.
  await workbook.xlsx.load((await editTableParts(bytes, (xml) => withHeaderRowCount(withoutColumnChildren(xml)))) as unknown as ExcelJS.Buffer);
  return workbook;
}

interface DefinedName {
  name: string;
  formula: string;
  localSheetId?: number;
}

/** The workbook part's defined names, except Excel's own (_xlnm.Print_Area…), which ExcelJS keeps with the sheets. */
async function definedNames(zip: ZipArchive): Promise<DefinedName[]> {
  const entry = zip.entry("xl/workbook.xml");
  if (!entry) return [];
  const xml = (await zip.bytesOf(entry, packageBudget())).toString("utf8");
  const out: DefinedName[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[1])?.[1];
    if (name === undefined || name.startsWith("_xlnm.")) continue;
    const local = /\slocalSheetId="(\d+)"/.exec(m[1])?.[1];
    out.push({ name: decodeXml(name), formula: `=${decodeXml(m[2])}`, ...(local !== undefined ? { localSheetId: Number(local) } : {}) });
  }
  return out;
}

/**
 * Each sheet's print area (by 0-based sheet position) in ExcelJS's form ("A:J", "A1:J30"): ExcelJS
 * 4.4 reads a whole-column area ('JAP'!$A:$J) as "ANaN:JNaN", so the input's is put back.
 */
async function printAreas(zip: ZipArchive): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const entry = zip.entry("xl/workbook.xml");
  if (!entry) return out;
  const xml = (await zip.bytesOf(entry, packageBudget())).toString("utf8");
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    if (!/\sname="_xlnm\.Print_Area"/.test(m[1])) continue;
    const local = /\slocalSheetId="(\d+)"/.exec(m[1])?.[1];
    if (local === undefined) continue;
    const areas = decodeXml(m[2]).split(",").map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, ""));
    if (areas.every((a) => /^[A-Z]+\d*:[A-Z]+\d*$/.test(a))) out.set(Number(local), areas.join("&&"));
  }
  return out;
}

/** Keeps the calculated columns of tables that still exist after the edit, column by column. */
function stillThere(columns: CalculatedColumns, workbook: ExcelJS.Workbook): CalculatedColumns {
  const out: CalculatedColumns = {};
  for (const ws of workbook.worksheets) {
    for (const table of Object.values((ws as unknown as { tables: Record<string, { name: string; table?: { columns: { name: string }[] } }> }).tables ?? {})) {
      const formulas = columns[table.name];
      const names = new Set((table.table?.columns ?? []).map((c) => c.name));
      if (!formulas) continue;
      const kept = Object.fromEntries(Object.entries(formulas).filter(([c]) => names.has(c)));
      if (Object.keys(kept).length > 0) out[table.name] = kept;
    }
  }
  return out;
}

/**
 * Names scoped to a sheet follow their sheet by name when the edit adds, removes or moves sheets
 * (localSheetId is a position); a name whose sheet is gone goes with it.
 */
function scopedBySheet(names: DefinedName[], before: readonly string[], workbook: ExcelJS.Workbook): DefinedName[] {
  const after = workbook.worksheets.map((w) => w.name);
  const out: DefinedName[] = [];
  for (const n of names) {
    if (n.localSheetId === undefined) {
      out.push(n);
      continue;
    }
    const at = after.indexOf(before[n.localSheetId] ?? "\u0000");
    if (at >= 0) out.push({ ...n, localSheetId: at });
  }
  return out;
}

/**
 * What an edit may return: the calculated columns of tables it added or whose formula columns it
 * rewrote (table name, then column header, then the formula in the file's form), over the input's.
 */
export type RewriteEdit = (workbook: ExcelJS.Workbook) => void | CalculatedColumns | Promise<void | CalculatedColumns>;

/**
 * The input rewritten by ExcelJS after `edit`, with its defined names and its tables' calculated
 * columns as they were (those of tables and columns the edit removed are gone with them), and the
 * calculated columns the edit returns. The file asks Excel and LibreOffice to compute every formula
 * on open: an edit leaves the cached results of what depends on it stale (a Review Log row changes
 * the RAG Summary's trend), and ExcelJS neither recalculates nor keeps the input's calcPr.
 */
export async function rewriteWorkbook(input: Buffer, edit: RewriteEdit = () => undefined): Promise<Buffer> {
  const zip = ZipArchive.open(input);
  const names = await definedNames(zip);
  const columns = calculatedColumnsIn(await tableParts(zip));
  const validations = await validationsBySheet(zip);
  const areas = await printAreas(zip);
  const own = await ownCharts(zip, packageBudget());
  const carried = own ? await carriedCharts(zip, own) : null;
  const workbook = await loadWorkbook(input);
  workbook.worksheets.forEach((ws, i) => {
    const area = areas.get(i);
    if (area !== undefined) ws.pageSetup.printArea = area;
  });
  const sheetsBefore = workbook.worksheets.map((w) => w.name);
  const added = (await edit(workbook)) ?? {};
  for (const ws of workbook.worksheets) keepOutlineOpen(ws);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  setNames(workbook, scopedBySheet(names, sheetsBefore, workbook));
  const kept = stillThere(columns, workbook);
  for (const [table, formulas] of Object.entries(added)) kept[table] = { ...kept[table], ...formulas };
  const written = await withCalculatedColumns(Buffer.from(await workbook.xlsx.writeBuffer()), kept);
  const summary = carried ? workbook.getWorksheet(carried.sheet) : undefined;
  const keep = summary && chartsOf(summary) === undefined ? carried : null;
  return withCharts(await withValidations(written, validations), chartsToWrite(workbook), keep);
}
