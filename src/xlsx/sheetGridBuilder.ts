/**
 * Builds a sheet's SheetGrid from its filled cells, row by row, so that memory follows the cells
 * that hold something and not the address of the last one. The grid starts at A1 (origin 0,0), as
 * the core's readers expect; a row is a plain array up to its last filled cell when that costs
 * little, and a sparse array (holes read as undefined, which the core reads as blank) when its
 * cells are far apart: a single "x" at XFD1048576 costs one sparse row and one array slot a row.
 * Rows are padded to the sheet's width, as Excel's used range is, only where that stays cheap.
 */
import type { CellValue, SheetGrid } from "../plan/model";
import { GENERAL } from "./numberFormats";

/** A row is stored densely when its length is at most this many times its filled cells, plus the slack. */
const DENSE_FACTOR = 4;
const DENSE_SLACK = 64;
/** Padding every row to the sheet's width may cost at most this many slots per filled cell, plus the slack. */
const PAD_FACTOR = 8;
const PAD_SLACK = 1 << 16;

export interface MergedRange {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

export class SheetGridBuilder {
  private readonly valueRows: (CellValue[] | undefined)[] = [];
  private readonly formatRows: (string[] | undefined)[] = [];
  private readonly sparse = new Set<number>();
  private readonly merges: MergedRange[] = [];
  private cells = 0;

  /** Filled cells so far. */
  get count(): number {
    return this.cells;
  }

  /** One row's filled cells (0-based row and columns, columns ascending when the file is in order). */
  addRow(row: number, cols: readonly number[], values: readonly CellValue[], formats: readonly string[], n: number): void {
    if (n === 0) return;
    this.cells += n;
    if (this.valueRows[row] !== undefined) {
      for (let i = 0; i < n; i++) this.set(row, cols[i], values[i], formats[i]);
      return;
    }
    let last = 0;
    for (let i = 0; i < n; i++) if (cols[i] > last) last = cols[i];
    const length = last + 1;
    if (length <= DENSE_FACTOR * n + DENSE_SLACK) {
      const v: CellValue[] = new Array(length).fill(null);
      const f: string[] = new Array(length).fill(GENERAL);
      for (let i = 0; i < n; i++) {
        v[cols[i]] = values[i];
        f[cols[i]] = formats[i];
      }
      this.valueRows[row] = v;
      this.formatRows[row] = f;
    } else {
      const v: CellValue[] = [];
      const f: string[] = [];
      for (let i = 0; i < n; i++) {
        v[cols[i]] = values[i];
        f[cols[i]] = formats[i];
      }
      this.valueRows[row] = v;
      this.formatRows[row] = f;
      this.sparse.add(row);
    }
  }

  /** A cell of a row seen before (a file that repeats a row): dense rows grow with blanks. */
  private set(row: number, col: number, value: CellValue, format: string): void {
    const v = this.valueRows[row] as CellValue[];
    const f = this.formatRows[row] as string[];
    if (!this.sparse.has(row)) {
      if (col >= DENSE_FACTOR * (v.length + 1) + DENSE_SLACK) this.sparse.add(row);
      else {
        for (let c = v.length; c < col; c++) {
          v[c] = null;
          f[c] = GENERAL;
        }
      }
    }
    v[col] = value;
    f[col] = format;
  }

  merge(range: MergedRange): void {
    this.merges.push(range);
  }

  /** Only a merged area's top-left cell holds a value, as in Excel. */
  private applyMerges(): void {
    // Excel's merged areas never overlap, so a workbook's merges visit each stored cell at most
    // once; a hostile file's overlapping ones stop at this bound instead of looping for hours.
    let visits = DENSE_FACTOR * this.cells + (1 << 20);
    for (const m of this.merges) {
      for (let r = m.row; r <= m.lastRow && r < this.valueRows.length; r++) {
        const v = this.valueRows[r];
        if (!v) continue;
        const cols = this.sparse.has(r) ? Object.keys(v).map(Number).filter((c) => c >= m.col && c <= m.lastCol) : null;
        const from = cols ? 0 : m.col;
        const to = cols ? cols.length - 1 : Math.min(m.lastCol, v.length - 1);
        for (let i = from; i <= to; i++) {
          const c = cols ? cols[i] : i;
          if ((r !== m.row || c !== m.col) && v[c] !== undefined) v[c] = null;
          if (--visits < 0) return;
        }
      }
    }
  }

  /**
   * A merged area counts as filled, as in Excel's used range: its first row reaches its last
   * column (when a dense row can), and the grid its last row.
   */
  private mergeExtent(): number {
    let height = this.valueRows.length;
    for (const m of this.merges) {
      height = Math.max(height, m.lastRow + 1);
      const v = this.valueRows[m.row];
      const f = this.formatRows[m.row];
      if (!v || !f || this.sparse.has(m.row) || m.lastCol + 1 > DENSE_FACTOR * v.length + DENSE_SLACK) continue;
      for (let c = v.length; c <= m.lastCol; c++) {
        v[c] = null;
        f[c] = GENERAL;
      }
    }
    return height;
  }

  build(name: string): SheetGrid {
    this.applyMerges();
    const height = this.mergeExtent();
    let width = 0;
    for (let r = 0; r < height; r++) {
      const v = this.valueRows[r];
      if (v && !this.sparse.has(r) && v.length > width) width = v.length;
    }
    const pad = height * width <= PAD_FACTOR * this.cells + PAD_SLACK;
    const blankValues: CellValue[] = Object.freeze(pad ? new Array(width).fill(null) : []) as CellValue[];
    const blankFormats: string[] = Object.freeze(pad ? new Array(width).fill(GENERAL) : []) as string[];
    const values: CellValue[][] = new Array(height);
    const numberFormats: string[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const v = this.valueRows[r];
      const f = this.formatRows[r];
      if (!v || !f) {
        values[r] = blankValues;
        numberFormats[r] = blankFormats;
        continue;
      }
      if (pad && !this.sparse.has(r)) {
        for (let c = v.length; c < width; c++) {
          v.push(null);
          f.push(GENERAL);
        }
      }
      values[r] = v;
      numberFormats[r] = f;
    }
    return { name, values, numberFormats, origin: { row: 0, col: 0 } };
  }
}
