/** Tables: the collections, a table, its columns and rows. */
import type { Rect } from "./address";
import { clearContents, readValues, shaped, writeContents } from "./cellWrites";
import { fail } from "./errors";
import type { SimHost } from "./host";
import { assertUnprotected, requireApi, type SheetModel, type TableModel, type WorkbookModel } from "./model";
import { checkDefinedName } from "./nameRules";
import { SimCollection, SimObject, resultOf, sameContext, type ClientResult, type ObjectSpec } from "./proxy";
import { RangeProxy, type RangeTarget } from "./range";
import { intersect } from "./rects";
import { resolveAddress } from "./resolve";
import { applyHeaders, checkNoOverlap, defaultTableName, deleteRows, insertRows, liveTables, newTable } from "./tableModel";
import { fillCalculated } from "./tableGrowth";
import { WorksheetProxy } from "./worksheet";

const host = (self: SimObject<any>): SimHost => self._ctx._host;
const isSheet = (t: WorkbookModel | SheetModel): t is SheetModel => "store" in t;

function checkTable(t: TableModel): void {
  if (t.deleted) fail("ItemNotFound", `table '${t.name}' was deleted`);
}

function rangeArg(self: SimObject<any>, arg: unknown, onSheet?: SheetModel): RangeTarget {
  if (typeof arg === "string") return resolveAddress(host(self), arg, onSheet);
  if (arg instanceof Object && typeof (arg as RangeProxy)._resolve === "function") {
    const t = (arg as RangeProxy)._resolve();
    if (onSheet && t.sheet !== onSheet) fail("InvalidArgument", "the range is on another sheet");
    return t;
  }
  return fail("InvalidArgument", "expected an address or a Range");
}

const ref = (self: SimObject<any>, arg: unknown) => {
  sameContext(self, arg);
  return typeof arg === "string" ? arg : { ref: (arg as RangeProxy)?._path };
};

const STYLE = /^TableStyle(Light([1-9]|1[0-9]|2[01])|Medium([1-9]|1[0-9]|2[0-8])|Dark([1-9]|1[01]))$/;

/** Moves tables below an insertion/deletion in the same columns; refuses to split a table. */
function shiftTablesBelow(wb: WorkbookModel, t: TableModel, at: number, by: number): void {
  for (const o of liveTables(wb, t.sheet)) {
    if (o === t || o.rect.r0 < at || o.rect.c1 < t.rect.c0 || o.rect.c0 > t.rect.c1) continue;
    if (o.rect.c0 < t.rect.c0 || o.rect.c1 > t.rect.c1) {
      fail("InvalidOperation", `the operation would shift cells of table '${o.name}'`);
    }
    o.rect = { ...o.rect, r0: o.rect.r0 + by, r1: o.rect.r1 + by };
  }
}

export class TableCollectionProxy extends SimCollection<WorkbookModel | SheetModel, TableModel> {
  get _spec(): ObjectSpec<WorkbookModel | SheetModel> {
    return { name: "TableCollection", props: { count: { get: (t) => this._list(t).length } } };
  }

  _list(t: WorkbookModel | SheetModel): TableModel[] {
    return liveTables(host(this).wb, isSheet(t) ? t : undefined);
  }

  _itemProxy(t: TableModel, i: number): TableProxy {
    return new TableProxy(this._ctx, `${this._path}.items[${i}]`, () => t);
  }

  _table(method: string, args: unknown[], find: (scope: WorkbookModel | SheetModel) => TableModel | null, orNull = false): TableProxy {
    const child = new TableProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(args)})`, () => {
      const scope = this._resolveOrNull();
      return scope && find(scope);
    }, orNull || this._orNull);
    return this._child(child, method, args);
  }

  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return this._table("add", [ref(this, address), hasHeaders], (scope) => {
      const wb = host(this).wb;
      const { sheet, rect } = rangeArg(this, address, isSheet(scope) ? scope : undefined);
      assertUnprotected(sheet, "adding a table");
      let r = { ...rect };
      checkNoOverlap(wb, sheet, r);
      if (!hasHeaders) {
        // Excel inserts a header row above the data, shifting the data down.
        insertRows(wb, sheet, r.c0, r.c1, r.r0, 1, -1);
        r = { ...r, r1: r.r1 + 1 };
      } else if (r.r0 === r.r1) {
        r = { ...r, r1: r.r1 + 1 }; // a table always has at least one data row
      }
      checkNoOverlap(wb, sheet, r);
      const t = newTable(wb, sheet, r, defaultTableName(wb));
      applyHeaders(t);
      return t;
    });
  }

  getItem(key: string): TableProxy {
    return this._table("getItem", [key], (scope) => this._find(scope, key) ?? fail("ItemNotFound", `no table '${key}'`));
  }

  getItemOrNullObject(key: string): TableProxy {
    return this._table("getItemOrNullObject", [key], (scope) => this._find(scope, key), true);
  }

  getItemAt(index: number): TableProxy {
    return this._table("getItemAt", [index], (scope) => this._list(scope)[index] ?? fail("InvalidArgument", `no table at index ${index}`));
  }

  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._list(this._resolve()).length);
  }

  _find(scope: WorkbookModel | SheetModel, key: string): TableModel | null {
    const lower = String(key).toLowerCase();
    return this._list(scope).find((t) => t.name.toLowerCase() === lower || t.id === key) ?? null;
  }
}

const TABLE_SPEC: ObjectSpec<TableModel> = {
  name: "Table",
  check: checkTable,
  props: {
    name: {
      get: (t) => t.name,
      set: (t, v, self) => {
        t.name = checkDefinedName(host(self).wb, v, t);
      },
    },
    id: { get: (t) => t.id },
    style: {
      get: (t) => t.style,
      set: (t, v) => {
        if (typeof v !== "string" || (v !== "" && !STYLE.test(v))) fail("InvalidArgument", `'${v}' is not a built-in table style`);
        t.style = v;
      },
    },
    showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => (t.showBandedRows = bool(v)) },
    showBandedColumns: { get: (t) => t.showBandedColumns, set: (t, v) => (t.showBandedColumns = bool(v)) },
    showFilterButton: { get: (t) => t.showFilterButton, set: (t, v) => (t.showFilterButton = bool(v)) },
    highlightFirstColumn: { get: (t) => t.highlightFirstColumn, set: (t, v) => (t.highlightFirstColumn = bool(v)) },
    highlightLastColumn: { get: (t) => t.highlightLastColumn, set: (t, v) => (t.highlightLastColumn = bool(v)) },
    showHeaders: {
      get: () => true,
      set: (_t, v) => (v === true ? undefined : fail("NotImplemented", "not implemented in the simulated workbook: tables without a header row")),
    },
    showTotals: {
      get: () => false,
      set: (_t, v) => (v === false ? undefined : fail("NotImplemented", "not implemented in the simulated workbook: table total rows")),
    },
  },
  nav: {
    columns: (self: TableProxy) => new TableColumnCollectionProxy(self._ctx, `${self._path}.columns`, () => self._resolveOrNull(), self._orNull),
    rows: (self: TableProxy) => new TableRowCollectionProxy(self._ctx, `${self._path}.rows`, () => self._resolveOrNull(), self._orNull),
    worksheet: (self: TableProxy) => new WorksheetProxy(self._ctx, `${self._path}.worksheet`, () => self._resolveOrNull()?.sheet ?? null, self._orNull),
  },
};

function bool(v: unknown): boolean {
  return typeof v === "boolean" ? v : fail("InvalidArgument", "expected a boolean");
}

/** A range proxy derived from a table-like target at sync. */
function derivedRange(parent: SimObject<any>, method: string, f: (t: any) => RangeTarget): RangeProxy {
  const child = new RangeProxy(parent._ctx, `${parent._path}.${method}()`, () => {
    const t = parent._resolveOrNull();
    return t && f(t);
  }, parent._orNull);
  return parent._child(child, method, []);
}

export class TableProxy extends SimObject<TableModel> {
  get _spec() {
    return TABLE_SPEC;
  }
  getRange(): RangeProxy {
    return derivedRange(this, "getRange", (t: TableModel) => ({ sheet: t.sheet, rect: t.rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return derivedRange(this, "getHeaderRowRange", (t: TableModel) => ({ sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r0 } }));
  }
  getDataBodyRange(): RangeProxy {
    return derivedRange(this, "getDataBodyRange", (t: TableModel) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + 1 } }));
  }
  getTotalRowRange(): RangeProxy {
    return derivedRange(this, "getTotalRowRange", () => fail("InvalidOperation", "the table has no total row"));
  }
  resize(newRange: RangeProxy | string): void {
    this._enqueue("resize", [ref(this, newRange)], () => {
      // Table.resize is ExcelApi 1.13 (@types/office-js: "[Api set: ExcelApi 1.13]"), above the
      // add-in's 1.8 floor, so code that needs a table to grow writes just below it instead.
      requireApi(host(this).wb, "1.13", "Table.resize");
      const t = this._resolve();
      const wb = host(this).wb;
      const { sheet, rect } = rangeArg(this, newRange);
      if (sheet !== t.sheet) fail("InvalidArgument", "a table cannot move to another sheet");
      if (rect.r0 !== t.rect.r0 || !intersect(rect, t.rect)) fail("InvalidArgument", "the header row must stay in the same row and the new range must overlap the table");
      if (rect.r1 === rect.r0) fail("InvalidArgument", "a table needs a header row and at least one data row");
      assertUnprotected(sheet, "resizing a table");
      checkNoOverlap(wb, sheet, rect, t);
      t.rect = rect;
      applyHeaders(t);
    });
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const t = this._resolve();
      assertUnprotected(t.sheet, "deleting a table");
      clearContents(host(this), t.sheet, t.rect, "ThisLocalAddin");
      t.sheet.store.clearFormats(t.rect);
      t.deleted = true;
    });
  }
  convertToRange(): RangeProxy {
    const r = derivedRange(this, "convertToRange", (t: TableModel) => {
      assertUnprotected(t.sheet, "converting a table");
      t.deleted = true;
      return { sheet: t.sheet, rect: t.rect };
    });
    return r;
  }
  clearFilters(): void {
    this._enqueue("clearFilters", [], () => void this._resolve());
  }
}

// ---- columns ---------------------------------------------------------------------------------

interface ColumnTarget {
  table: TableModel;
  col: { id: number; name: string };
}

const colIndex = (t: ColumnTarget) => {
  const i = t.table.columns.indexOf(t.col);
  return i >= 0 ? i : fail("ItemNotFound", `column '${t.col.name}' was removed`);
};
const colRect = (t: ColumnTarget): Rect => {
  const c = t.table.rect.c0 + colIndex(t);
  return { ...t.table.rect, c0: c, c1: c };
};

const COLUMN_SPEC: ObjectSpec<ColumnTarget> = {
  name: "TableColumn",
  check: (t) => checkTable(t.table),
  props: {
    name: {
      get: (t) => t.col.name,
      set: (t, v) => {
        if (typeof v !== "string" || v === "") fail("InvalidArgument", "a column name must be a non-empty string");
        assertUnprotected(t.table.sheet, "renaming a column");
        const cell = t.table.sheet.store.ensure(t.table.rect.r0, t.table.rect.c0 + colIndex(t));
        cell.value = v;
        applyHeaders(t.table);
      },
    },
    id: { get: (t) => t.col.id },
    index: { get: (t) => colIndex(t) },
    values: {
      get: (t) => readValues(t.table.sheet, colRect(t)),
      set: (t, v, self) => {
        assertUnprotected(t.table.sheet, "writing values");
        writeContents(host(self), t.table.sheet, colRect(t), v, "values", "ThisLocalAddin");
      },
    },
  },
};

export class TableColumnProxy extends SimObject<ColumnTarget> {
  get _spec() {
    return COLUMN_SPEC;
  }
  getRange(): RangeProxy {
    return derivedRange(this, "getRange", (t: ColumnTarget) => ({ sheet: t.table.sheet, rect: colRect(t) }));
  }
  getHeaderRowRange(): RangeProxy {
    return derivedRange(this, "getHeaderRowRange", (t: ColumnTarget) => ({ sheet: t.table.sheet, rect: { ...colRect(t), r1: t.table.rect.r0 } }));
  }
  getDataBodyRange(): RangeProxy {
    return derivedRange(this, "getDataBodyRange", (t: ColumnTarget) => ({ sheet: t.table.sheet, rect: { ...colRect(t), r0: t.table.rect.r0 + 1 } }));
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const t = this._resolve();
      if (t.table.columns.length === 1) fail("InvalidOperation", "a table needs at least one column");
      assertUnprotected(t.table.sheet, "deleting a column");
      const c = t.table.rect.c0 + colIndex(t);
      t.table.sheet.store.shiftCols(t.table.rect.r0, t.table.rect.r1, c, -1);
      t.table.rect = { ...t.table.rect, c1: t.table.rect.c1 - 1 };
      t.table.columns = t.table.columns.filter((x) => x !== t.col);
    });
  }
}

export class TableColumnCollectionProxy extends SimCollection<TableModel, ColumnTarget> {
  get _spec(): ObjectSpec<TableModel> {
    return { name: "TableColumnCollection", check: checkTable, props: { count: { get: (t) => t.columns.length } } };
  }
  _list(t: TableModel): ColumnTarget[] {
    return t.columns.map((col) => ({ table: t, col }));
  }
  _itemProxy(item: ColumnTarget, i: number): TableColumnProxy {
    return new TableColumnProxy(this._ctx, `${this._path}.items[${i}]`, () => item);
  }
  _column(method: string, args: unknown[], find: (t: TableModel) => ColumnTarget | null, orNull = false): TableColumnProxy {
    const child = new TableColumnProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(args)})`, () => {
      const t = this._resolveOrNull();
      return t && find(t);
    }, orNull || this._orNull);
    return this._child(child, method, args);
  }
  _find(t: TableModel, key: string | number): ColumnTarget | null {
    const col = t.columns.find((c) => c.name.toLowerCase() === String(key).toLowerCase() || String(c.id) === String(key));
    return col ? { table: t, col } : null;
  }
  getItem(key: string | number): TableColumnProxy {
    return this._column("getItem", [key], (t) => this._find(t, key) ?? fail("ItemNotFound", `no column '${key}' in table '${t.name}'`));
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return this._column("getItemOrNullObject", [key], (t) => this._find(t, key), true);
  }
  getItemAt(index: number): TableColumnProxy {
    return this._column("getItemAt", [index], (t) => (t.columns[index] ? { table: t, col: t.columns[index] } : fail("InvalidArgument", `no column at index ${index}`)));
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._resolve().columns.length);
  }
  add(index?: number | null, values?: unknown[][], name?: string): TableColumnProxy {
    return this._column("add", [index ?? null, values ?? null, name ?? null], (t) => {
      const at = index ?? t.columns.length;
      if (!Number.isInteger(at) || at < 0 || at > t.columns.length) fail("InvalidArgument", `column index ${index} is outside the table`);
      assertUnprotected(t.sheet, "adding a column");
      const c = t.rect.c0 + at;
      if (!t.sheet.store.shiftCols(t.rect.r0, t.rect.r1, c, 1)) fail("InvalidOperation", "no room to insert a column");
      t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
      t.columns.splice(at, 0, { id: t.nextColumnId++, name: "" });
      const colRect = { ...t.rect, c0: c, c1: c };
      if (values !== undefined && values !== null) writeContents(host(this), t.sheet, colRect, values, "columns.add values", "ThisLocalAddin");
      if (name !== undefined && name !== null) t.sheet.store.ensure(t.rect.r0, c).value = String(name);
      applyHeaders(t);
      return { table: t, col: t.columns[at] };
    });
  }
}

// ---- rows ------------------------------------------------------------------------------------

interface RowTarget {
  table: TableModel;
  index: number;
}

const rowRect = (t: RowTarget): Rect => {
  const r = t.table.rect.r0 + 1 + t.index;
  if (r > t.table.rect.r1) fail("ItemNotFound", `row ${t.index} is no longer in table '${t.table.name}'`);
  return { ...t.table.rect, r0: r, r1: r };
};

const ROW_SPEC: ObjectSpec<RowTarget> = {
  name: "TableRow",
  check: (t) => checkTable(t.table),
  props: {
    index: { get: (t) => t.index },
    values: {
      get: (t) => readValues(t.table.sheet, rowRect(t)),
      set: (t, v, self) => {
        assertUnprotected(t.table.sheet, "writing values");
        writeContents(host(self), t.table.sheet, rowRect(t), v, "values", "ThisLocalAddin");
      },
    },
  },
};

export class TableRowProxy extends SimObject<RowTarget> {
  get _spec() {
    return ROW_SPEC;
  }
  getRange(): RangeProxy {
    return derivedRange(this, "getRange", (t: RowTarget) => ({ sheet: t.table.sheet, rect: rowRect(t) }));
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const t = this._resolve();
      const rect = rowRect(t);
      const table = t.table;
      assertUnprotected(table.sheet, "deleting a table row");
      if (table.rect.r1 - table.rect.r0 === 1) {
        clearContents(host(this), table.sheet, rect, "ThisLocalAddin"); // the last data row is emptied, not removed
        return;
      }
      deleteRows(host(this).wb, table.sheet, table.rect.c0, table.rect.c1, rect.r0, 1);
      shiftTablesBelow(host(this).wb, table, rect.r0 + 1, -1);
      table.rect = { ...table.rect, r1: table.rect.r1 - 1 };
    });
  }
}

export class TableRowCollectionProxy extends SimCollection<TableModel, RowTarget> {
  get _spec(): ObjectSpec<TableModel> {
    return { name: "TableRowCollection", check: checkTable, props: { count: { get: (t) => t.rect.r1 - t.rect.r0 } } };
  }
  _list(t: TableModel): RowTarget[] {
    return Array.from({ length: t.rect.r1 - t.rect.r0 }, (_, index) => ({ table: t, index }));
  }
  _itemProxy(item: RowTarget, i: number): TableRowProxy {
    return new TableRowProxy(this._ctx, `${this._path}.items[${i}]`, () => item);
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._resolve().rect.r1 - this._resolve().rect.r0);
  }
  getItemAt(index: number): TableRowProxy {
    const child = new TableRowProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const t = this._resolveOrNull();
      if (!t) return null;
      if (!Number.isInteger(index) || index < 0 || index >= t.rect.r1 - t.rect.r0) fail("InvalidArgument", `no row at index ${index}`);
      return { table: t, index };
    }, this._orNull);
    return this._child(child, "getItemAt", [index]);
  }
  /** Inserts rows (at the end when index is null), moving cells below down; new rows take the formats, validation and conditional formats of the row above. */
  add(index?: number | null, values?: unknown[][], _alwaysInsert?: boolean): TableRowProxy {
    const child = new TableRowProxy(this._ctx, `${this._path}.add()`, () => {
      const t = this._resolve();
      const wb = host(this).wb;
      // "It is a known issue that calls to the TableRowCollection.add API can cause coauthoring
      // conflicts ... Use Range.values instead" (Coauthoring in Excel add-ins,
      // https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
      if (wb.coauthoring) fail("Conflict", "TableRowCollection.add causes co-authoring conflicts; write the rows with Range.values just below the table, which grows it");
      host(this).stats.tableRowAdds++;
      assertUnprotected(t.sheet, "adding table rows");
      const dataRows = t.rect.r1 - t.rect.r0;
      const idx = index ?? dataRows;
      if (!Number.isInteger(idx) || idx < 0 || idx > dataRows) fail("InvalidArgument", `row index ${index} is outside the table (0 to ${dataRows})`);
      const cols = t.rect.c1 - t.rect.c0 + 1;
      let n = 1;
      if (values !== undefined && values !== null) {
        if (!Array.isArray(values) || values.length === 0) fail("InvalidArgument", "rows.add values must be a non-empty 2-D array");
        n = values.length;
        shaped({ r0: 0, c0: 0, r1: n - 1, c1: cols - 1 }, values, "rows.add values");
      }
      const at = t.rect.r0 + 1 + idx;
      shiftTablesBelow(wb, t, at, n);
      insertRows(wb, t.sheet, t.rect.c0, t.rect.c1, at, n, idx === 0 ? at : at - 1);
      t.rect = { ...t.rect, r1: t.rect.r1 + n };
      if (values) writeContents(host(this), t.sheet, { r0: at, c0: t.rect.c0, r1: at + n - 1, c1: t.rect.c1 }, values, "rows.add values", "ThisLocalAddin");
      fillCalculated(t, at, at + n - 1);
      return { table: t, index: idx };
    });
    return this._child(child, "add", [index ?? null, values ?? null]);
  }
}
