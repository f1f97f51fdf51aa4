/**
 * Reads an .xlsx file into the core's SheetGrids: every worksheet in the workbook's order, from
 * A1 to its last filled cell, with formula results (never the formulas), error values, dates as
 * serials and number formats, and where its Excel tables stand (tableExtents.ts). The package is read part by part and streamed (see worksheetPart.ts
 * and sheetGridBuilder.ts), so memory follows the filled cells: a stray cell at XFD1048576 costs
 * no more than any other. ExcelJS's whole-workbook model costs about 1 GB for 50,000 actions, and
 * its streaming reader finds sheets only at xl/worksheets/sheetN.xml, names them only when the
 * workbook part comes first in the zip, and copies sheets to temporary files when the shared
 * strings come after them: hence a reader of our own, over the zip's directory.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { SheetGrid } from "../plan/model";
import { fileKind, unreadableReason } from "./fileKind";
import { NO_FORMATS, readCellFormats, type CellFormats } from "./numberFormats";
import { PackageError } from "./packageError";
import { readRelationships } from "./packageRels";
import { megabytes, READ_LIMITS, type ReadLimits } from "./readLimits";
import { readSharedStrings } from "./sharedStrings";
import { worksheetTables } from "./tableExtents";
import { readWorksheet } from "./worksheetPart";
import { attr } from "./xmlTokenizer";
import { xmlElements } from "./xmlPart";
import { ZipArchive, type InflateBudget } from "./zipArchive";

/** A workbook that cannot be read, with a one-line reason for the person who gave it. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** A formula cell of a sheet that carries no cached result: the file was never calculated. */
export interface UncalculatedCell {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
}

export interface WorkbookFile {
  grids: SheetGrid[];
  uncalculated: UncalculatedCell[];
}

const tooLarge = (file: string, limit: number): string => `${file} is larger than ${megabytes(limit)}, the most jointplan reads (a plan of 50,000 actions is about 14 MB)`;

/**
 * Reads the file's bytes, turning file-system failures into one-line reasons. A file over the
 * size limit is refused before it is read; a device or pipe (/dev/zero) is read up to the limit.
 */
export async function readFileBytes(file: string, limit = READ_LIMITS.fileBytes): Promise<Buffer> {
  const name = path.basename(file);
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new WorkbookReadError(`${file} is a folder, not an Excel workbook`);
    if (stat.isFile()) {
      if (stat.size > limit) throw new WorkbookReadError(tooLarge(file, limit));
      return await fs.readFile(file);
    }
    return await readUpTo(file, limit, () => tooLarge(file, limit));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(`No such file: ${file}`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError(`Permission denied reading ${file}`);
    throw new WorkbookReadError(`Cannot read ${name}: ${firstLine(e)}`);
  }
}

async function readUpTo(file: string, limit: number, over: () => string): Promise<Buffer> {
  const handle = await fs.open(file, "r");
  try {
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 20);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(parts, total);
      total += bytesRead;
      if (total > limit) throw new WorkbookReadError(over());
      parts.push(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split("\n")[0].trim() || "unknown error";
}

interface SheetEntry {
  name: string;
  part: string;
}

/** The workbook part's sheets (worksheets only, in tab order) and date system. */
export async function readWorkbookPart(zip: ZipArchive, budget: InflateBudget): Promise<{ sheets: SheetEntry[]; date1904: boolean; strings?: string; styles?: string }> {
  const root = await readRelationships(zip, "", budget);
  const workbookPart = root.find((r) => r.kind === "officeDocument")?.target ?? "xl/workbook.xml";
  const entry = zip.entry(workbookPart);
  if (!entry) throw new PackageError(`there is no workbook part (${workbookPart})`);
  const rels = await readRelationships(zip, workbookPart, budget);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (const e of await xmlElements(zip, entry, budget)) {
    if (e.name === "workbookPr") {
      const v = attr(e.attrs, "date1904");
      date1904 = v === "1" || v === "true";
    } else if (e.name === "sheet") {
      const rel = byId.get(attr(e.attrs, "id") ?? "");
      const name = attr(e.attrs, "name");
      // Chart sheets, dialog and macro sheets hold no cells to read.
      if (rel && rel.kind === "worksheet" && name !== undefined) sheets.push({ name, part: rel.target });
    }
  }
  return { sheets, date1904, strings: rels.find((r) => r.kind === "sharedStrings")?.target, styles: rels.find((r) => r.kind === "styles")?.target };
}

async function readPackage(bytes: Buffer, limits: ReadLimits): Promise<WorkbookFile> {
  const zip = ZipArchive.open(bytes);
  const budget: InflateBudget = { remaining: limits.xmlBytes, exceeded: () => `it expands to more than ${megabytes(limits.xmlBytes)} of XML, the most jointplan reads` };
  const book = await readWorkbookPart(zip, budget);
  const stringsEntry = book.strings ? zip.entry(book.strings) : undefined;
  const strings = stringsEntry ? await readSharedStrings(zip, stringsEntry, budget) : [];
  const stylesEntry = book.styles ? zip.entry(book.styles) : undefined;
  const formats: CellFormats = stylesEntry ? await readCellFormats(zip, stylesEntry, budget) : NO_FORMATS;
  const cells = { remaining: limits.cells, exceeded: () => `it has more than ${limits.cells.toLocaleString("en")} filled cells, the most jointplan reads` };
  const grids: SheetGrid[] = [];
  const uncalculated: UncalculatedCell[] = [];
  for (const sheet of book.sheets) {
    const entry = zip.entry(sheet.part);
    if (!entry) throw new PackageError(`sheet '${sheet.name}' has no part ${sheet.part}`);
    const read = await readWorksheet(zip, entry, sheet.name, { strings, formats, date1904: book.date1904, cells }, budget);
    const tables = await worksheetTables(zip, sheet.part, budget);
    grids.push(tables.length > 0 ? { ...read.grid, tables } : read.grid);
    for (const c of read.uncalculated) uncalculated.push({ sheet: sheet.name, row: c.row, col: c.col });
  }
  return { grids, uncalculated };
}

/** Reads every worksheet of an .xlsx file (path or bytes), with the formula cells never calculated. */
export async function readWorkbookFile(
  file: string | Buffer,
  name = typeof file === "string" ? path.basename(file) : "workbook",
  limits: ReadLimits = READ_LIMITS,
): Promise<WorkbookFile> {
  const bytes = typeof file === "string" ? await readFileBytes(file, limits.fileBytes) : file;
  if (bytes.length > limits.fileBytes) throw new WorkbookReadError(tooLarge(name, limits.fileBytes));
  const reason = unreadableReason(fileKind(bytes), name);
  if (reason) throw new WorkbookReadError(reason);
  try {
    return await readPackage(bytes, limits);
  } catch (e) {
    if (e instanceof PackageError) throw new WorkbookReadError(`${name} could not be read as an .xlsx workbook (${e.message})`);
    throw e;
  }
}

/** Reads every worksheet of an .xlsx file (path or bytes) as SheetGrids. */
export async function readXlsx(file: string | Buffer, name?: string): Promise<SheetGrid[]> {
  return (await readWorkbookFile(file, name)).grids;
}
