/** Range and its format objects. */
import { MAX_COLS, MAX_ROWS, formatAddress, isFullColumns, isFullRows, type Rect } from "./address";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type CellFormat, type FormatKey } from "./cellStore";
import {
  clearContents,
  readFormulas,
  readNumberFormat,
  readText,
  readValues,
  readValueTypes,
  writeContents,
  writeNumberFormat,
} from "./cellWrites";
import { normalizeColor } from "./colors";
import { ConditionalFormatCollectionProxy, clearConditionalFormats } from "./conditionalFormats";
import { fail, notImplemented } from "./errors";
import type { SimHost } from "./host";
import { assertUnprotected, type ProtectionOptions, type SheetModel } from "./model";
import { SimObject, sameContext, type ObjectSpec } from "./proxy";
import { area, intersect } from "./rects";
import { resolveAddress } from "./resolve";
import { insertRows, liveTables } from "./tableModel";
import { expandTablesBelow, noteColumnFormulas } from "./tableGrowth";
import type { RequestContext } from "./requestContext";
import { DataValidationProxy } from "./validation";
import { WorksheetProxy } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const host = (self: SimObject<any>): SimHost => self._ctx._host;

/** What Excel does to tables after values or formulas are entered: calculated columns, growth below. */
export function afterEntry(h: SimHost, t: RangeTarget): void {
  noteColumnFormulas(h.wb, t.sheet, t.rect);
  expandTablesBelow(h.wb, t.sheet, t.rect);
}

function checkRect(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    return fail("InvalidArgument", "the range would fall outside the worksheet grid (1,048,576 rows, 16,384 columns)");
  }
  return rect;
}

function checkSheet(t: RangeTarget): void {
  if (t.sheet.deleted) fail("ItemNotFound", `sheet '${t.sheet.name}' was deleted`);
}

function intArg(v: unknown, what: string): number {
  if (typeof v !== "number" || !Number.isInteger(v)) return fail("InvalidArgument", `${what} must be an integer`);
  return v;
}

/** A format property read over a range: its value when every cell agrees, else mixed (Excel gives null). */
function uniformOf<K extends FormatKey>(t: RangeTarget, k: K): { mixed: boolean; value: CellFormat[K] } {
  const store = t.sheet.store;
  let first: unknown;
  let seen = false;
  let mixed = false;
  const visit = (v: unknown) => {
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) mixed = true;
  };
  if (area(t.rect) <= 200_000) {
    for (let r = t.rect.r0; r <= t.rect.r1 && !mixed; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) visit(store.format(r, c, k));
  } else {
    store.forEachStored(t.rect, (r, c) => visit(store.format(r, c, k)));
    for (let c = t.rect.c0; c <= t.rect.c1; c++) visit(store.format(MAX_ROWS - 1, c, k));
    for (const r of store.rowFmt.keys()) if (r >= t.rect.r0 && r <= t.rect.r1) visit(store.format(r, t.rect.c0, k));
  }
  return { mixed, value: first as CellFormat[K] };
}

function uniform<K extends FormatKey>(t: RangeTarget, k: K): CellFormat[K] | null {
  const u = uniformOf(t, k);
  return u.mixed ? null : u.value;
}

function setFormat<K extends FormatKey>(t: RangeTarget, k: K, v: CellFormat[K], what: string, allow: keyof ProtectionOptions = "allowFormatCells"): void {
  assertUnprotected(t.sheet, what, allow);
  t.sheet.store.setFormat(t.rect, k, v);
}

const RANGE_SPEC: ObjectSpec<RangeTarget> = {
  name: "Range",
  check: checkSheet,
  props: {
    values: {
      get: (t) => readValues(t.sheet, t.rect),
      set: (t, v, self) => {
        assertUnprotected(t.sheet, "writing values");
        writeContents(host(self), t.sheet, t.rect, v, "values", "ThisLocalAddin");
        afterEntry(host(self), t);
      },
    },
    formulas: {
      get: (t) => readFormulas(t.sheet, t.rect),
      set: (t, v, self) => {
        assertUnprotected(t.sheet, "writing formulas");
        writeContents(host(self), t.sheet, t.rect, v, "formulas", "ThisLocalAddin");
        afterEntry(host(self), t);
      },
    },
    numberFormat: {
      get: (t) => readNumberFormat(t.sheet, t.rect),
      set: (t, v) => {
        assertUnprotected(t.sheet, "setting numberFormat", "allowFormatCells");
        writeNumberFormat(t.sheet, t.rect, v);
      },
    },
    text: { get: (t) => readText(t.sheet, t.rect) },
    valueTypes: { get: (t) => readValueTypes(t.sheet, t.rect) },
    address: { get: (t) => formatAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t) => formatAddress(t.sheet.name, t.rect) },
    rowIndex: { get: (t) => t.rect.r0 },
    columnIndex: { get: (t) => t.rect.c0 },
    rowCount: { get: (t) => t.rect.r1 - t.rect.r0 + 1 },
    columnCount: { get: (t) => t.rect.c1 - t.rect.c0 + 1 },
    cellCount: { get: (t) => area(t.rect) },
    isEntireColumn: { get: (t) => isFullColumns(t.rect) },
    isEntireRow: { get: (t) => isFullRows(t.rect) },
  },
  nav: {
    format: (self: RangeProxy) => new RangeFormatProxy(self._ctx, `${self._path}.format`, () => self._resolveOrNull(), self._orNull),
    worksheet: (self: RangeProxy) =>
      new WorksheetProxy(self._ctx, `${self._path}.worksheet`, () => self._resolveOrNull()?.sheet ?? null, self._orNull),
    dataValidation: (self: RangeProxy) =>
      new DataValidationProxy(self._ctx, `${self._path}.dataValidation`, () => self._resolveOrNull(), self._orNull),
    conditionalFormats: (self: RangeProxy) =>
      new ConditionalFormatCollectionProxy(self._ctx, `${self._path}.conditionalFormats`, () => self._resolveOrNull(), self._orNull),
  },
};

export class RangeProxy extends SimObject<RangeTarget> {
  get _spec(): ObjectSpec<RangeTarget> {
    return RANGE_SPEC;
  }

  /** A range derived from this one, computed at sync; null when this is a null object. */
  _derive(method: string, args: unknown[], f: (t: RangeTarget) => Rect | null, orNull = false): RangeProxy {
    const child = new RangeProxy(
      this._ctx,
      `${this._path}.${method}(${args.map((a) => JSON.stringify(a) ?? "").join(",")})`,
      () => {
        const t = this._resolveOrNull();
        if (t === null) return null;
        const rect = f(t);
        return rect === null ? null : { sheet: t.sheet, rect: checkRect(rect) };
      },
      orNull || this._orNull,
    );
    return this._child(child, method, args);
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive("getCell", [row, column], (t) => {
      const r = t.rect.r0 + intArg(row, "row");
      const c = t.rect.c0 + intArg(column, "column");
      return { r0: r, c0: c, r1: r, c1: c };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (t) => ({
      ...t.rect,
      r1: t.rect.r1 + intArg(deltaRows, "deltaRows"),
      c1: t.rect.c1 + intArg(deltaColumns, "deltaColumns"),
    }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (t) => {
      const dr = intArg(rowOffset, "rowOffset");
      const dc = intArg(columnOffset, "columnOffset");
      return { r0: t.rect.r0 + dr, c0: t.rect.c0 + dc, r1: t.rect.r1 + dr, c1: t.rect.c1 + dc };
    });
  }
  getRow(row: number): RangeProxy {
    return this._derive("getRow", [row], (t) => {
      const r = t.rect.r0 + intArg(row, "row");
      if (r > t.rect.r1 || r < t.rect.r0) fail("InvalidArgument", `row ${row} is outside the range`);
      return { ...t.rect, r0: r, r1: r };
    });
  }
  getColumn(column: number): RangeProxy {
    return this._derive("getColumn", [column], (t) => {
      const c = t.rect.c0 + intArg(column, "column");
      if (c > t.rect.c1 || c < t.rect.c0) fail("InvalidArgument", `column ${column} is outside the range`);
      return { ...t.rect, c0: c, c1: c };
    });
  }
  getEntireColumn(): RangeProxy {
    return this._derive("getEntireColumn", [], (t) => ({ ...t.rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): RangeProxy {
    return this._derive("getEntireRow", [], (t) => ({ ...t.rect, c0: 0, c1: MAX_COLS - 1 }));
  }
  getLastRow(): RangeProxy {
    return this._derive("getLastRow", [], (t) => ({ ...t.rect, r0: t.rect.r1 }));
  }
  getLastColumn(): RangeProxy {
    return this._derive("getLastColumn", [], (t) => ({ ...t.rect, c0: t.rect.c1 }));
  }
  getLastCell(): RangeProxy {
    return this._derive("getLastCell", [], (t) => ({ r0: t.rect.r1, c0: t.rect.c1, r1: t.rect.r1, c1: t.rect.c1 }));
  }
  getRowsAbove(count = 1): RangeProxy {
    return this._derive("getRowsAbove", [count], (t) => ({ ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 }));
  }
  getRowsBelow(count = 1): RangeProxy {
    return this._derive("getRowsBelow", [count], (t) => ({ ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count }));
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this._derive("getColumnsBefore", [count], (t) => ({ ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 }));
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this._derive("getColumnsAfter", [count], (t) => ({ ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count }));
  }
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this._derive("getBoundingRect", [describeRange(this, other)], (t) => {
      const o = otherRect(this, t, other);
      return { r0: Math.min(t.rect.r0, o.r0), c0: Math.min(t.rect.c0, o.c0), r1: Math.max(t.rect.r1, o.r1), c1: Math.max(t.rect.c1, o.c1) };
    });
  }
  getIntersection(other: RangeProxy | string): RangeProxy {
    return this._derive("getIntersection", [describeRange(this, other)], (t) => intersect(t.rect, otherRect(this, t, other)) ?? fail("ItemNotFound", "the ranges do not intersect"));
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this._derive("getIntersectionOrNullObject", [describeRange(this, other)], (t) => intersect(t.rect, otherRect(this, t, other)), true);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._derive("getUsedRange", [valuesOnly], (t) => {
      const used = t.sheet.store.usedRect(!!valuesOnly);
      return (used && intersect(used, t.rect)) ?? fail("ItemNotFound", "the range is blank");
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._derive("getUsedRangeOrNullObject", [valuesOnly], (t) => {
      const used = t.sheet.store.usedRect(!!valuesOnly);
      return used && intersect(used, t.rect);
    }, true);
  }

  clear(applyTo: string = "All"): void {
    this._enqueue("clear", [applyTo], () => {
      const t = this._resolve();
      clearRange(host(this), t, applyTo);
    });
  }

  select(): void {
    this._enqueue("select", [], () => {
      const t = this._resolve();
      const wb = host(this).wb;
      if (t.sheet.visibility !== "Visible") fail("InvalidOperation", "cannot select a range on a hidden sheet");
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: t.rect };
    });
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }

  delete(_shift?: string): void {
    notImplemented("Range.delete");
  }
  /**
   * Inserts cells the size of this range, moving the cells below down (shift "Down" only; the
   * others are not simulated). The new cells take the formats of the row above, as Excel's
   * default "Format Same As Above"; tables wholly below move down; a table the insertion would cut
   * through is refused, as in Excel. Returns the inserted range.
   */
  insert(shift?: string): RangeProxy {
    if (shift !== "Down") notImplemented(`Range.insert("${String(shift)}")`);
    return this._derive("insert", [shift], (t) => {
      const h = host(this);
      assertUnprotected(t.sheet, "inserting cells", "allowInsertRows");
      const n = t.rect.r1 - t.rect.r0 + 1;
      for (const o of liveTables(h.wb, t.sheet)) {
        const crosses = o.rect.c1 >= t.rect.c0 && o.rect.c0 <= t.rect.c1;
        if (!crosses || o.rect.r1 < t.rect.r0) continue;
        if (o.rect.r0 < t.rect.r0 || o.rect.c0 < t.rect.c0 || o.rect.c1 > t.rect.c1) fail("InvalidOperation", `the insertion would cut through table '${o.name}'`);
        o.rect = { ...o.rect, r0: o.rect.r0 + n, r1: o.rect.r1 + n };
      }
      insertRows(h.wb, t.sheet, t.rect.c0, t.rect.c1, t.rect.r0, n, t.rect.r0 - 1);
      return t.rect;
    });
  }
}

function describeRange(self: RangeProxy, other: unknown): unknown {
  sameContext(self, other);
  return typeof other === "string" ? other : { ref: (other as RangeProxy)?._path };
}

function otherRect(self: RangeProxy, t: RangeTarget, other: RangeProxy | string): Rect {
  if (typeof other === "string") {
    const rect = parseOn(self._ctx, t.sheet, other);
    return rect;
  }
  const o = other._resolve();
  if (o.sheet !== t.sheet) fail("InvalidArgument", "the ranges are on different sheets");
  return o.rect;
}

/** Resolves "B2:D9", "Sheet1!A1" or a defined name to a rect on `sheet`. */
export function parseOn(ctx: RequestContext, sheet: SheetModel, address: string): Rect {
  return resolveAddress(ctx._host, address, sheet).rect;
}


export function clearRange(h: SimHost, t: RangeTarget, applyTo: string): void {
  const kinds = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"];
  if (!kinds.includes(applyTo)) fail("InvalidArgument", `clear('${applyTo}'): applyTo must be one of ${kinds.join(", ")}`);
  assertUnprotected(t.sheet, "clear");
  if (applyTo === "All" || applyTo === "Formats") {
    t.sheet.store.clearFormats(t.rect);
    t.sheet.borders = t.sheet.borders.filter((b) => !intersect(b.rect, t.rect));
    clearConditionalFormats(t.sheet, t.rect);
  }
  if (applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents") clearContents(h, t.sheet, t.rect, "ThisLocalAddin");
}

// ---- format objects -------------------------------------------------------------------------

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

function oneOf(values: string[], what: string) {
  return (v: unknown): string => (typeof v === "string" && values.includes(v) ? v : fail("InvalidArgument", `${what} must be one of ${values.join(", ")}`));
}

function positive(v: unknown, what: string, max: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > max) return fail("InvalidArgument", `${what} must be a number from 0 to ${max}`);
  return v;
}

function uniformSize(keys: number[], map: Map<number, number>, dflt: number): number | null {
  let first: number | undefined;
  for (const k of keys) {
    const v = map.get(k) ?? dflt;
    if (first === undefined) first = v;
    else if (v !== first) return null;
  }
  return first ?? dflt;
}

const span = (a: number, b: number, cap = 20_000) => Array.from({ length: Math.min(b - a + 1, cap) }, (_, i) => a + i);

const FORMAT_SPEC: ObjectSpec<RangeTarget> = {
  name: "RangeFormat",
  check: checkSheet,
  props: {
    columnWidth: {
      get: (t) => uniformSize(span(t.rect.c0, t.rect.c1), t.sheet.store.colWidth, DEFAULT_COLUMN_WIDTH),
      set: (t, v) => {
        const w = positive(v, "columnWidth", 255 * 7.5);
        assertUnprotected(t.sheet, "setting columnWidth", "allowFormatColumns");
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.store.colWidth.set(c, w);
      },
    },
    rowHeight: {
      get: (t) => uniformSize(span(t.rect.r0, t.rect.r1), t.sheet.store.rowHeight, DEFAULT_ROW_HEIGHT),
      set: (t, v) => {
        const h = positive(v, "rowHeight", 409);
        assertUnprotected(t.sheet, "setting rowHeight", "allowFormatRows");
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.store.rowHeight.set(r, h);
      },
    },
    wrapText: {
      get: (t) => uniform(t, "wrapText"),
      set: (t, v) => setFormat(t, "wrapText", typeof v === "boolean" ? v : fail("InvalidArgument", "wrapText must be a boolean"), "setting wrapText"),
    },
    horizontalAlignment: {
      get: (t) => uniform(t, "horizontalAlignment"),
      set: (t, v) => setFormat(t, "horizontalAlignment", oneOf(HORIZONTAL, "horizontalAlignment")(v), "setting horizontalAlignment"),
    },
    verticalAlignment: {
      get: (t) => uniform(t, "verticalAlignment"),
      set: (t, v) => setFormat(t, "verticalAlignment", oneOf(VERTICAL, "verticalAlignment")(v), "setting verticalAlignment"),
    },
  },
  nav: {
    fill: (self: RangeFormatProxy) => new RangeFillProxy(self._ctx, `${self._path}.fill`, () => self._resolveOrNull(), self._orNull),
    font: (self: RangeFormatProxy) => new RangeFontProxy(self._ctx, `${self._path}.font`, () => self._resolveOrNull(), self._orNull),
    borders: (self: RangeFormatProxy) => new RangeBordersProxy(self._ctx, `${self._path}.borders`, () => self._resolveOrNull(), self._orNull),
  },
};

export class RangeFormatProxy extends SimObject<RangeTarget> {
  get _spec() {
    return FORMAT_SPEC;
  }
  autofitColumns(): void {
    this._enqueue("autofitColumns", [], () => {
      const t = this._resolve();
      assertUnprotected(t.sheet, "autofitColumns", "allowFormatColumns");
      const widths = new Map<number, number>();
      const used = t.sheet.store.usedRect(true);
      const base = used && intersect(t.rect, used);
      if (!base) return;
      // Roughly Excel's Calibri/Aptos 11: about 5.5 points a character plus padding.
      readText(t.sheet, base).forEach((row) =>
        row.forEach((s, j) => {
          const c = base.c0 + j;
          const w = Math.min(255 * 7.5, Math.round(s.length * 5.5 + 7.5));
          if (s.length > 0 && w > (widths.get(c) ?? 0)) widths.set(c, w);
        }),
      );
      for (const [c, w] of widths) t.sheet.store.colWidth.set(c, w);
    });
  }
  autofitRows(): void {
    this._enqueue("autofitRows", [], () => {
      const t = this._resolve();
      assertUnprotected(t.sheet, "autofitRows", "allowFormatRows");
    });
  }
}

const FILL_SPEC: ObjectSpec<RangeTarget> = {
  name: "RangeFill",
  check: checkSheet,
  props: {
    color: {
      get: (t) => {
        const u = uniformOf(t, "fill");
        return u.mixed ? null : (u.value ?? "#FFFFFF");
      },
      set: (t, v) => setFormat(t, "fill", normalizeColor(v, "fill.color"), "setting fill.color"),
    },
  },
};

export class RangeFillProxy extends SimObject<RangeTarget> {
  get _spec() {
    return FILL_SPEC;
  }
  clear(): void {
    this._enqueue("clear", [], () => setFormat(this._resolve(), "fill", null, "fill.clear"));
  }
}

const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

const FONT_SPEC: ObjectSpec<RangeTarget> = {
  name: "RangeFont",
  check: checkSheet,
  props: {
    bold: { get: (t) => uniform(t, "bold"), set: (t, v) => setFormat(t, "bold", bool(v, "font.bold"), "setting font.bold") },
    italic: { get: (t) => uniform(t, "italic"), set: (t, v) => setFormat(t, "italic", bool(v, "font.italic"), "setting font.italic") },
    color: { get: (t) => uniform(t, "fontColor"), set: (t, v) => setFormat(t, "fontColor", normalizeColor(v, "font.color"), "setting font.color") },
    name: {
      get: (t) => uniform(t, "fontName"),
      set: (t, v) => setFormat(t, "fontName", typeof v === "string" && v ? v : fail("InvalidArgument", "font.name must be a string"), "setting font.name"),
    },
    size: { get: (t) => uniform(t, "fontSize"), set: (t, v) => setFormat(t, "fontSize", positive(v, "font.size", 409), "setting font.size") },
    underline: { get: (t) => uniform(t, "underline"), set: (t, v) => setFormat(t, "underline", oneOf(UNDERLINES, "font.underline")(v), "setting font.underline") },
  },
};

function bool(v: unknown, what: string): boolean {
  return typeof v === "boolean" ? v : fail("InvalidArgument", `${what} must be a boolean`);
}

export class RangeFontProxy extends SimObject<RangeTarget> {
  get _spec() {
    return FONT_SPEC;
  }
}

const SIDES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

export class RangeBordersProxy extends SimObject<RangeTarget> {
  get _spec(): ObjectSpec<RangeTarget> {
    return { name: "RangeBorderCollection", props: {}, check: checkSheet };
  }
  getItem(index: string): RangeBorderProxy {
    const child = new RangeBorderProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(index)})`, () => {
      const t = this._resolveOrNull();
      if (!SIDES.includes(index)) fail("InvalidArgument", `border index '${index}' is not one of ${SIDES.join(", ")}`);
      return t && { ...t, side: index };
    }, this._orNull);
    return this._child(child, "getItem", [index]);
  }
}

type BorderTarget = RangeTarget & { side: string };

function border(t: BorderTarget) {
  const found = t.sheet.borders.find((b) => b.side === t.side && b.rect.r0 === t.rect.r0 && b.rect.c0 === t.rect.c0 && b.rect.r1 === t.rect.r1 && b.rect.c1 === t.rect.c1);
  if (found) return found;
  const rec = { rect: t.rect, side: t.side, style: "None", color: "#000000", weight: "Thin" };
  return rec;
}

function setBorder(t: BorderTarget, k: "style" | "color" | "weight", v: string): void {
  assertUnprotected(t.sheet, "setting borders", "allowFormatCells");
  const rec = border(t);
  if (!t.sheet.borders.includes(rec)) t.sheet.borders.push(rec);
  rec[k] = v;
  if (k === "style" && v !== "None" && rec.weight === undefined) rec.weight = "Thin";
}

const BORDER_SPEC: ObjectSpec<BorderTarget> = {
  name: "RangeBorder",
  check: checkSheet,
  props: {
    sideIndex: { get: (t) => t.side },
    style: { get: (t) => border(t).style, set: (t, v) => setBorder(t, "style", oneOf(STYLES, "border style")(v)) },
    color: { get: (t) => border(t).color, set: (t, v) => setBorder(t, "color", normalizeColor(v, "border color")) },
    weight: { get: (t) => border(t).weight, set: (t, v) => setBorder(t, "weight", oneOf(WEIGHTS, "border weight")(v)) },
  },
};

export class RangeBorderProxy extends SimObject<BorderTarget> {
  get _spec() {
    return BORDER_SPEC;
  }
}
