/**
 * A sheet's cells: a sparse map keyed by row * 16384 + column, plus whole-column and whole-row
 * formats so that formatting "A:A" does not create a million cells. A cell's format property is
 * its own, else its row's, else its column's, else Excel's default.
 */
import { MAX_COLS, MAX_ROWS, isFullColumns, isFullRows, type Rect } from "./address";
import { area } from "./rects";
import type { Scalar } from "./values";

export interface CellFormat {
  numberFormat?: string;
  fill?: string | null; // null: no fill
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontName?: string;
  fontSize?: number;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  locked?: boolean;
}

export type FormatKey = keyof CellFormat;

export const FORMAT_DEFAULTS: Required<CellFormat> = {
  numberFormat: "General",
  fill: null,
  fontColor: "#000000",
  bold: false,
  italic: false,
  underline: "None",
  fontName: "Aptos Narrow",
  fontSize: 11,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  locked: true,
};

export const FORMAT_KEYS = Object.keys(FORMAT_DEFAULTS) as FormatKey[];

export interface Cell extends CellFormat {
  value?: Scalar;
  formula?: string;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters, 64 px)
export const DEFAULT_ROW_HEIGHT = 15; // points (20 px)

const key = (r: number, c: number) => r * MAX_COLS + c;

export class CellStore {
  readonly cells = new Map<number, Cell>();
  readonly colFmt = new Map<number, CellFormat>();
  readonly rowFmt = new Map<number, CellFormat>();
  readonly colWidth = new Map<number, number>();
  readonly rowHeight = new Map<number, number>();

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(key(r, c));
  }

  ensure(r: number, c: number): Cell {
    const k = key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = {};
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Drops a cell that holds nothing any more. */
  tidy(r: number, c: number): void {
    const k = key(r, c);
    const cell = this.cells.get(k);
    if (cell && Object.values(cell).every((v) => v === undefined)) this.cells.delete(k);
  }

  /** Calls fn for each stored cell inside rect (row-major when the rect is small). */
  forEachStored(rect: Rect, fn: (r: number, c: number, cell: Cell) => void): void {
    if (area(rect) <= this.cells.size) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.cells.get(key(r, c));
          if (cell) fn(r, c, cell);
        }
      }
      return;
    }
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) fn(r, c, cell);
    }
  }

  format<K extends FormatKey>(r: number, c: number, k: K): Required<CellFormat>[K] {
    const own = this.cells.get(key(r, c))?.[k];
    if (own !== undefined) return own as Required<CellFormat>[K];
    const row = this.rowFmt.get(r)?.[k];
    if (row !== undefined) return row as Required<CellFormat>[K];
    const col = this.colFmt.get(c)?.[k];
    if (col !== undefined) return col as Required<CellFormat>[K];
    return FORMAT_DEFAULTS[k];
  }

  /** Sets a format property on every cell of rect; whole columns and rows are stored once. */
  setFormat<K extends FormatKey>(rect: Rect, k: K, value: CellFormat[K]): void {
    const wholeCols = isFullColumns(rect);
    const wholeRows = isFullRows(rect);
    if (wholeCols && !wholeRows) {
      for (let c = rect.c0; c <= rect.c1; c++) setKey(this.colFmt, c, k, value);
      // Rows formatted earlier would otherwise win over this newer column format.
      for (const [r, f] of this.rowFmt) {
        if (f[k] !== undefined) for (let c = rect.c0; c <= rect.c1; c++) this.ensure(r, c)[k] = value;
      }
    } else if (wholeRows) {
      for (let r = rect.r0; r <= rect.r1; r++) setKey(this.rowFmt, r, k, value);
    } else {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) this.ensure(r, c)[k] = value;
      }
      return;
    }
    this.forEachStored(rect, (_r, _c, cell) => {
      cell[k] = value;
    });
  }

  /** Removes format properties (back to the defaults) from rect. */
  clearFormats(rect: Rect): void {
    const wholeCols = isFullColumns(rect);
    const wholeRows = isFullRows(rect);
    if (wholeCols) for (let c = rect.c0; c <= rect.c1; c++) this.colFmt.delete(c);
    if (wholeRows) for (let r = rect.r0; r <= rect.r1; r++) this.rowFmt.delete(r);
    const explicitDefaults = !wholeCols && !wholeRows && (this.colFmt.size > 0 || this.rowFmt.size > 0);
    const resetCell = (cell: Cell) => {
      for (const k of FORMAT_KEYS) (cell as Record<string, unknown>)[k] = explicitDefaults ? FORMAT_DEFAULTS[k] : undefined;
    };
    if (explicitDefaults) {
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) resetCell(this.ensure(r, c));
    } else {
      this.forEachStored(rect, (r, c, cell) => {
        resetCell(cell);
        this.tidy(r, c);
      });
    }
  }

  /** The bounding rectangle of cells with a value (or, unless valuesOnly, any stored property). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = MAX_ROWS, c0 = MAX_COLS, r1 = -1, c1 = -1;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.value !== undefined || cell.formula !== undefined;
      if (valuesOnly ? !hasValue : !hasValue && !FORMAT_KEYS.some((f) => cell[f] !== undefined)) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /**
   * Moves the cells of columns c0..c1 at or below fromRow by `by` rows (down if positive), as
   * inserting or deleting cells with a vertical shift does. Returns false when stored content
   * would be pushed off the sheet.
   */
  shiftRows(c0: number, c1: number, fromRow: number, by: number): boolean {
    const moving: Array<[number, number, Cell]> = [];
    this.forEachStored({ r0: fromRow, c0, r1: MAX_ROWS - 1, c1 }, (r, c, cell) => moving.push([r, c, cell]));
    if (by > 0 && moving.some(([r]) => r + by >= MAX_ROWS)) return false;
    for (const [r, c] of moving) this.cells.delete(key(r, c));
    for (const [r, c, cell] of moving) {
      if (by < 0 && r < fromRow - by) continue; // the deleted rows
      this.cells.set(key(r + by, c), cell);
    }
    return true;
  }

  /** Moves the cells of rows r0..r1 at or right of fromCol by `by` columns. */
  shiftCols(r0: number, r1: number, fromCol: number, by: number): boolean {
    const moving: Array<[number, number, Cell]> = [];
    this.forEachStored({ r0, c0: fromCol, r1, c1: MAX_COLS - 1 }, (r, c, cell) => moving.push([r, c, cell]));
    if (by > 0 && moving.some(([, c]) => c + by >= MAX_COLS)) return false;
    for (const [r, c] of moving) this.cells.delete(key(r, c));
    for (const [r, c, cell] of moving) {
      if (by < 0 && c < fromCol - by) continue;
      this.cells.set(key(r, c + by), cell);
    }
    return true;
  }
}

function setKey<K extends FormatKey>(map: Map<number, CellFormat>, i: number, k: K, value: CellFormat[K]): void {
  let f = map.get(i);
  if (!f) {
    f = {};
    map.set(i, f);
  }
  f[k] = value;
}
