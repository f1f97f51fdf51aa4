/**
 * Reads an .xlsx file into the core's SheetGrids: every worksheet, its used rectangle from A1,
 * with formula results (never the formulas), error values, dates as serials and number formats.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../plan/model";
import { cellValueOfExcelJs } from "./cellValue";
import { fileKind, unreadableReason } from "./fileKind";

/** A workbook that cannot be read, with a one-line reason for the person who gave it. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** Reads the file's bytes, turning file-system failures into one-line reasons. */
export async function readFileBytes(file: string): Promise<Buffer> {
  const name = path.basename(file);
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new WorkbookReadError(`${file} is a folder, not an Excel workbook`);
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(`No such file: ${file}`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError(`Permission denied reading ${file}`);
    throw new WorkbookReadError(`Cannot read ${name}: ${firstLine(e)}`);
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split("\n")[0].trim() || "unknown error";
}

/** Loads bytes as an ExcelJS workbook, or throws a WorkbookReadError that says why not. */
export async function loadWorkbook(bytes: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const reason = unreadableReason(fileKind(bytes), name);
  if (reason) throw new WorkbookReadError(reason);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError(`${name} could not be read as an .xlsx workbook (${firstLine(e)})`);
  }
  return workbook;
}

/** One worksheet as a grid from A1 to its last used cell. */
export function worksheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  let rows = 0;
  let cols = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(r);
    const v: CellValue[] = new Array(cols).fill(null);
    const f: string[] = new Array(cols).fill("General");
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Only a merged area's top-left cell holds the value, as in Excel.
      const isSlave = cell.isMerged && cell.master.address !== cell.address;
      // cell.value drops falsy formula results (0, FALSE, ""); cell.result keeps them.
      const value = cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelJS.CellValue) : cell.value;
      v[c - 1] = isSlave ? null : cellValueOfExcelJs(value);
      f[c - 1] = cell.numFmt || "General";
    });
    values.push(v);
    numberFormats.push(f);
  }
  return { name: sheet.name, values, numberFormats, origin: { row: 0, col: 0 } };
}

export function workbookGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.map(worksheetGrid);
}

/** Reads every worksheet of an .xlsx file (path or bytes) as SheetGrids. */
export async function readXlsx(file: string | Buffer, name = typeof file === "string" ? path.basename(file) : "workbook"): Promise<SheetGrid[]> {
  const bytes = typeof file === "string" ? await readFileBytes(file) : file;
  return workbookGrids(await loadWorkbook(bytes, name));
}
