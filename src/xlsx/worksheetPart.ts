/**
 * One worksheet part streamed into a SheetGrid: each cell's value as Excel would hand it over
 * (formula results, never formulas; error values; dates as 1900-system serials; shared and
 * inline strings) with its number format, and the formula cells that carry no cached result
 * (a file written by a program that never calculated it). Nothing of a row is kept but its
 * filled cells; a sheet's formulas, the bulk of its XML, are scanned and never copied.
 */
import type { CellValue, SheetGrid } from "../plan/model";
import { isoSerial } from "./isoDateSerial";
import type { CellFormats } from "./numberFormats";
import { MAX_RAW_TEXT, StringItemText } from "./sharedStrings";
import { PackageError } from "./packageError";
import { SheetGridBuilder } from "./sheetGridBuilder";
import { attr, decodeXml } from "./xmlTokenizer";
import { parseXmlPart } from "./xmlPart";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zipArchive";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Days between the 1904 and the 1900 date systems' day zero. */
const DAYS_1904 = 1462;

export interface WorksheetContext {
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
  /** Filled cells still allowed across the workbook; decremented as cells are read. */
  cells: { remaining: number; exceeded: () => string };
}

export interface WorksheetCells {
  grid: SheetGrid;
  /** 0-based (row, col) of each formula cell without a cached value, in file order. */
  uncalculated: { row: number; col: number }[];
}

/** "AB12" → 0-based { row: 11, col: 27 }, or null when it is not a cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~0x20; // upper case
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i === ref.length || i > 3) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 ? { row: row - 1, col: col - 1 } : null;
}

export async function readWorksheet(zip: ZipArchive, entry: ZipEntry, name: string, ctx: WorksheetContext, budget: InflateBudget): Promise<WorksheetCells> {
  const builder = new SheetGridBuilder();
  const uncalculated: { row: number; col: number }[] = [];
  const part = entry.name;
  const problem = (what: string): PackageError => new PackageError(`${part}: ${what}`);

  // The row being read: its filled cells, in scratch arrays reused from row to row.
  let inSheetData = false;
  let row = -1;
  let col = -1;
  let n = 0;
  const cols: number[] = [];
  const values: CellValue[] = [];
  const formats: string[] = [];
  // The cell being read.
  let inCell = false;
  let type = "n";
  let style = 0;
  let hasFormula = false;
  let hasValue = false;
  let inV = false;
  let vParts: string[] = [];
  let vSize = 0;
  let inInline = false;
  const inline = new StringItemText(part);

  const flushRow = (): void => {
    builder.addRow(row, cols, values, formats, n);
    ctx.cells.remaining -= n;
    if (ctx.cells.remaining < 0) throw new PackageError(ctx.cells.exceeded());
    n = 0;
  };

  const cellValue = (): CellValue | undefined => {
    if (type === "inlineStr") return inline.take();
    if (!hasValue) return hasFormula ? null : undefined;
    const raw = vParts.length === 1 ? vParts[0] : vParts.join("");
    const v = decodeXml(raw);
    switch (type) {
      case "s": {
        const s = ctx.strings[Number(v)];
        return s === undefined ? null : s;
      }
      case "str":
        // An empty text result shows as a blank cell.
        return hasFormula && v === "" ? null : v;
      case "b":
        return v === "1" || v === "true";
      case "e":
        return { error: v };
      case "d": {
        const serial = isoSerial(v);
        return serial === null ? { error: "#VALUE!" } : serial;
      }
      default: {
        if (v.trim() === "") return null;
        const x = Number(v);
        if (!Number.isFinite(x)) return { error: "#NUM!" };
        return ctx.date1904 && ctx.formats.isDate(style) ? x + DAYS_1904 : x;
      }
    }
  };

  await parseXmlPart(zip, entry, budget, {
    open(tag, attrs) {
      if (inCell) {
        if (tag === "v") {
          inV = true;
          hasValue = true;
        } else if (tag === "f") hasFormula = true;
        else if (tag === "is") inInline = true;
        else if (inInline) inline.open(tag);
        return;
      }
      if (!inSheetData) {
        if (tag === "sheetData") inSheetData = true;
        else if (tag === "mergeCell") {
          const ref = attr(attrs, "ref");
          const [a, b] = (ref ?? "").split(":");
          const from = parseCellRef(a ?? "");
          const to = parseCellRef(b ?? a ?? "");
          if (from && to) builder.merge({ row: Math.min(from.row, to.row), col: Math.min(from.col, to.col), lastRow: Math.max(from.row, to.row), lastCol: Math.max(from.col, to.col) });
        }
        return;
      }
      if (tag === "row") {
        const r = attr(attrs, "r");
        row = r === undefined ? row + 1 : Number(r) - 1;
        if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) throw problem(`row ${r} is outside Excel's ${MAX_ROWS.toLocaleString("en")} rows`);
        col = -1;
      } else if (tag === "c") {
        const ref = attr(attrs, "r");
        if (ref !== undefined) {
          const at = parseCellRef(ref);
          if (!at || at.col >= MAX_COLS || at.row >= MAX_ROWS) throw problem(`cell '${ref}' is outside Excel's grid (A1:XFD1048576)`);
          // A cell's own reference wins over its row's (some writers leave rows unnumbered).
          if (at.row !== row) {
            if (n > 0) flushRow();
            row = at.row;
          }
          col = at.col;
        } else {
          col++;
          if (col >= MAX_COLS) throw problem(`row ${row + 1} has more than ${MAX_COLS.toLocaleString("en")} cells`);
        }
        if (row < 0) row = 0;
        inCell = true;
        type = attr(attrs, "t") ?? "n";
        const s = attr(attrs, "s");
        style = s === undefined ? 0 : Number(s);
        hasFormula = false;
        hasValue = false;
        vParts = [];
        vSize = 0;
        inInline = false;
      }
    },
    close(tag) {
      if (inCell) {
        if (tag === "v") inV = false;
        else if (tag === "is") inInline = false;
        else if (inInline) inline.close(tag);
        else if (tag === "c") {
          inCell = false;
          const value = cellValue();
          if (value === undefined) return;
          if (hasFormula && !hasValue && type !== "inlineStr") uncalculated.push({ row, col });
          cols[n] = col;
          values[n] = value;
          formats[n] = ctx.formats.code(style);
          n++;
        }
        return;
      }
      if (tag === "row" && inSheetData) {
        if (n > 0) flushRow();
      } else if (tag === "sheetData") {
        if (n > 0) flushRow();
        inSheetData = false;
      }
    },
    text(raw, cdata) {
      if (inV) {
        vSize += raw.length;
        if (vSize > MAX_RAW_TEXT) throw problem(`a cell holds more than ${MAX_RAW_TEXT.toLocaleString("en")} characters, far beyond Excel's 32,767`);
        vParts.push(cdata ? raw.replace(/&/g, "&amp;").replace(/</g, "&lt;") : raw);
      } else if (inInline) inline.text(raw, cdata);
    },
  });
  return { grid: builder.build(name), uncalculated };
}
