/** Worksheets: the collection, a worksheet, its protection and freeze panes. */
import { MAX_COLS, MAX_ROWS, type Rect } from "./address";
import { ChartCollectionProxy } from "./charts";
import { fail } from "./errors";
import { EventHandlersProxy } from "./events";
import type { SimHost } from "./host";
import { assertUnprotected, findSheet, newSheet, requireApi, type ProtectionOptions, type SheetModel, type WorkbookModel } from "./model";
import { checkSheetName } from "./nameRules";
import { NoteCollectionProxy } from "./notes";
import { PageLayoutProxy } from "./pageLayout";
import { SimCollection, SimObject, resultOf, sameContext, type ClientResult, type ObjectSpec } from "./proxy";
import { RangeProxy } from "./range";
import { resolveAddress } from "./resolve";
import { TableCollectionProxy } from "./tables";

const WHOLE: Rect = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
const host = (self: SimObject<any>): SimHost => self._ctx._host;

function visibleSheets(wb: WorkbookModel): SheetModel[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

function checkAlive(s: SheetModel): void {
  if (s.deleted) fail("ItemNotFound", `sheet '${s.name}' was deleted`);
}

/** Removes a sheet and everything that lives on it; names that pointed at it become #REF!. */
function deleteSheet(wb: WorkbookModel, sheet: SheetModel): void {
  if (sheet.visibility === "Visible" && visibleSheets(wb).length === 1) {
    fail("InvalidOperation", "a workbook must contain at least one visible worksheet");
  }
  assertUnprotected(sheet, "deleting the sheet");
  sheet.deleted = true;
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  for (const t of wb.tables) if (t.sheet === sheet) t.deleted = true;
  for (const n of [...wb.notes, ...wb.comments]) if (n.sheet === sheet) n.deleted = true;
  if (wb.activeSheet === sheet) {
    wb.activeSheet = visibleSheets(wb)[0];
    wb.selection = { sheet: wb.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
}

function setVisibility(wb: WorkbookModel, sheet: SheetModel, v: unknown): void {
  if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") fail("InvalidArgument", "visibility must be Visible, Hidden or VeryHidden");
  if (v !== "Visible" && sheet.visibility === "Visible" && visibleSheets(wb).length === 1) {
    fail("InvalidOperation", "a workbook must contain at least one visible worksheet");
  }
  sheet.visibility = v;
  if (v !== "Visible" && wb.activeSheet === sheet) {
    wb.activeSheet = visibleSheets(wb)[0];
    wb.selection = { sheet: wb.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
}

const WORKSHEET_SPEC: ObjectSpec<SheetModel> = {
  name: "Worksheet",
  check: checkAlive,
  props: {
    name: {
      get: (s) => s.name,
      set: (s, v, self) => {
        s.name = checkSheetName(host(self).wb, v, s);
      },
    },
    id: { get: (s) => s.id },
    position: {
      get: (s, self) => host(self).wb.sheets.indexOf(s),
      set: (s, v, self) => {
        const wb = host(self).wb;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= wb.sheets.length) fail("InvalidArgument", `position must be 0 to ${wb.sheets.length - 1}`);
        wb.sheets = wb.sheets.filter((x) => x !== s);
        wb.sheets.splice(v, 0, s);
      },
    },
    visibility: { get: (s) => s.visibility, set: (s, v, self) => setVisibility(host(self).wb, s, v) },
    tabColor: {
      get: (s) => s.tabColor,
      set: (s, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "tabColor must be a string");
        s.tabColor = v === "" ? "" : /^#[0-9a-f]{6}$/i.test(v) ? v.toUpperCase() : fail("InvalidArgument", `tabColor '${v}' is not #RRGGBB`);
      },
    },
    showGridlines: {
      get: (s) => s.showGridlines,
      set: (s, v) => {
        s.showGridlines = typeof v === "boolean" ? v : fail("InvalidArgument", "showGridlines must be a boolean");
      },
    },
  },
  nav: {
    protection: (self: WorksheetProxy) => new WorksheetProtectionProxy(self._ctx, `${self._path}.protection`, () => self._resolveOrNull(), self._orNull),
    freezePanes: (self: WorksheetProxy) => new FreezePanesProxy(self._ctx, `${self._path}.freezePanes`, () => self._resolveOrNull(), self._orNull),
    pageLayout: (self: WorksheetProxy) => new PageLayoutProxy(self._ctx, `${self._path}.pageLayout`, () => self._resolveOrNull(), self._orNull),
    tables: (self: WorksheetProxy) => new TableCollectionProxy(self._ctx, `${self._path}.tables`, () => self._resolveOrNull(), self._orNull),
    charts: (self: WorksheetProxy) => new ChartCollectionProxy(self._ctx, `${self._path}.charts`, () => self._resolveOrNull(), self._orNull),
    notes: (self: WorksheetProxy) =>
      new NoteCollectionProxy(self._ctx, `${self._path}.notes`, () => {
        requireApi(host(self).wb, "1.18", "Worksheet.notes");
        const s = self._resolveOrNull();
        return s && { wb: host(self).wb, sheet: s };
      }, self._orNull),
    onChanged: (self: WorksheetProxy) =>
      new EventHandlersProxy(self._ctx, `${self._path}.onChanged`, () => {
        requireApi(host(self).wb, "1.7", "Worksheet.onChanged");
        const s = self._resolveOrNull();
        return s && { bus: host(self).events, scope: "worksheet" as const, sheet: s };
      }, self._orNull),
  },
};

export class WorksheetProxy extends SimObject<SheetModel> {
  get _spec() {
    return WORKSHEET_SPEC;
  }

  _range(method: string, args: unknown[], rect: (s: SheetModel) => Rect | null, orNull = false): RangeProxy {
    const child = new RangeProxy(
      this._ctx,
      `${this._path}.${method}(${args.map((a) => JSON.stringify(a) ?? "").join(",")})`,
      () => {
        const s = this._resolveOrNull();
        if (!s) return null;
        const r = rect(s);
        return r && { sheet: s, rect: r };
      },
      orNull || this._orNull,
    );
    return this._child(child, method, args);
  }

  getRange(address?: string): RangeProxy {
    return this._range("getRange", address === undefined ? [] : [address], (s) =>
      address === undefined || address === "" ? WHOLE : resolveAddress(host(this), address, s).rect,
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const ints = [startRow, startColumn, rowCount, columnCount];
      if (ints.some((n) => typeof n !== "number" || !Number.isInteger(n)) || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
        fail("InvalidArgument", "getRangeByIndexes needs whole numbers: start ≥ 0 and counts ≥ 1");
      }
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) fail("InvalidArgument", "the range falls outside the worksheet grid");
      return rect;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range("getCell", [row, column], () => {
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) {
        fail("InvalidArgument", `cell (${row}, ${column}) is outside the worksheet grid`);
      }
      return { r0: row, c0: column, r1: row, c1: column };
    });
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return this._range("getUsedRange", [valuesOnly], (s) => s.store.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._range("getUsedRangeOrNullObject", [valuesOnly], (s) => s.store.usedRect(!!valuesOnly), true);
  }

  activate(): void {
    this._enqueue("activate", [], () => {
      const s = this._resolve();
      if (s.visibility !== "Visible") fail("InvalidOperation", `sheet '${s.name}' is hidden and cannot be activated`);
      const wb = host(this).wb;
      wb.activeSheet = s;
      wb.selection = { sheet: s, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  delete(): void {
    this._enqueue("delete", [], () => deleteSheet(host(this).wb, this._resolve()));
  }

  get names(): never {
    return fail("NotImplemented", "not implemented in the simulated workbook: Worksheet.names (sheet-scoped names)");
  }
}

export class WorksheetCollectionProxy extends SimCollection<WorkbookModel, SheetModel> {
  get _spec(): ObjectSpec<WorkbookModel> {
    return {
      name: "WorksheetCollection",
      props: {},
      nav: {
        onChanged: (self: WorksheetCollectionProxy) =>
          new EventHandlersProxy(self._ctx, `${self._path}.onChanged`, () => {
            requireApi(host(self).wb, "1.9", "WorksheetCollection.onChanged");
            return { bus: host(self).events, scope: "worksheets" as const };
          }),
        onAdded: (self: WorksheetCollectionProxy) =>
          new EventHandlersProxy(self._ctx, `${self._path}.onAdded`, () => {
            requireApi(host(self).wb, "1.7", "WorksheetCollection.onAdded");
            return { bus: host(self).events, scope: "added" as const };
          }),
      },
    };
  }

  _list(wb: WorkbookModel): SheetModel[] {
    return [...wb.sheets];
  }

  _itemProxy(s: SheetModel, i: number): WorksheetProxy {
    return new WorksheetProxy(this._ctx, `${this._path}.items[${i}]`, () => s);
  }

  _sheet(method: string, args: unknown[], find: (wb: WorkbookModel) => SheetModel | null, orNull = false): WorksheetProxy {
    const child = new WorksheetProxy(this._ctx, `${this._path}.${method}(${args.map((a) => JSON.stringify(a)).join(",")})`, () => find(this._resolve()), orNull);
    return this._child(child, method, args);
  }

  add(name?: string): WorksheetProxy {
    return this._sheet("add", name === undefined ? [] : [name], (wb) => {
      let n = name;
      if (n === undefined || n === null) {
        let i = 1;
        while (findSheet(wb, `Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      const sheet = newSheet(wb, checkSheetName(wb, n));
      wb.sheets.push(sheet);
      host(this).events.added(sheet);
      return sheet;
    });
  }

  getItem(key: string): WorksheetProxy {
    return this._sheet("getItem", [key], (wb) => findSheet(wb, String(key)) ?? fail("ItemNotFound", `no worksheet '${key}'`));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this._sheet("getItemOrNullObject", [key], (wb) => findSheet(wb, String(key)) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return this._sheet("getActiveWorksheet", [], (wb) => wb.activeSheet);
  }

  getFirst(visibleOnly = false): WorksheetProxy {
    return this._sheet("getFirst", [visibleOnly], (wb) => (visibleOnly ? visibleSheets(wb) : wb.sheets)[0]);
  }

  getLast(visibleOnly = false): WorksheetProxy {
    return this._sheet("getLast", [visibleOnly], (wb) => (visibleOnly ? visibleSheets(wb) : wb.sheets).slice(-1)[0]);
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return resultOf(this, "getCount", [visibleOnly], () => (visibleOnly ? visibleSheets(this._resolve()) : this._resolve().sheets).length);
  }
}

const PROTECTION_KEYS: Array<keyof ProtectionOptions> = [
  "allowFormatCells", "allowFormatColumns", "allowFormatRows", "allowInsertRows", "allowInsertColumns", "allowDeleteRows",
  "allowDeleteColumns", "allowSort", "allowAutoFilter", "allowPivotTables", "allowEditObjects", "allowEditScenarios",
  "allowInsertHyperlinks", "selectionMode",
];

export class WorksheetProtectionProxy extends SimObject<SheetModel> {
  get _spec(): ObjectSpec<SheetModel> {
    return {
      name: "WorksheetProtection",
      check: checkAlive,
      props: {
        protected: { get: (s) => s.protection.protected },
        options: { get: (s) => ({ ...s.protection.options }) },
      },
    };
  }

  protect(options?: ProtectionOptions, password?: string): void {
    this._enqueue("protect", [options ?? null, password === undefined ? null : "***"], () => {
      requireApi(host(this).wb, "1.2", "WorksheetProtection.protect");
      const s = this._resolve();
      if (s.protection.protected) fail("InvalidOperation", `sheet '${s.name}' is already protected`);
      for (const k of Object.keys(options ?? {})) {
        if (!PROTECTION_KEYS.includes(k as keyof ProtectionOptions)) fail("InvalidArgument", `unknown protection option '${k}'`);
      }
      s.protection = { protected: true, options: { ...options }, password };
    });
  }

  unprotect(password?: string): void {
    this._enqueue("unprotect", [password === undefined ? null : "***"], () => {
      const s = this._resolve();
      if (s.protection.protected && s.protection.password !== undefined && s.protection.password !== password) {
        fail("InvalidArgument", "the password is incorrect");
      }
      s.protection = { protected: false, options: {} };
    });
  }
}

export class FreezePanesProxy extends SimObject<SheetModel> {
  get _spec(): ObjectSpec<SheetModel> {
    return { name: "WorksheetFreezePanes", props: {}, check: checkAlive };
  }

  _freeze(method: string, args: unknown[], f: (s: SheetModel) => { rows: number; cols: number } | null): void {
    this._enqueue(method, args, () => {
      requireApi(host(this).wb, "1.7", "WorksheetFreezePanes");
      const s = this._resolve();
      s.freeze = f(s);
    });
  }

  freezeRows(count = 1): void {
    this._freeze("freezeRows", [count], () => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) fail("InvalidArgument", "freezeRows needs a row count");
      return count === 0 ? null : { rows: count, cols: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._freeze("freezeColumns", [count], () => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS) fail("InvalidArgument", "freezeColumns needs a column count");
      return count === 0 ? null : { rows: 0, cols: count };
    });
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    sameContext(this, frozenRange);
    this._freeze("freezeAt", [typeof frozenRange === "string" ? frozenRange : { ref: frozenRange._path }], (s) => {
      const t = typeof frozenRange === "string" ? resolveAddress(host(this), frozenRange, s) : frozenRange._resolve();
      if (t.sheet !== s) fail("InvalidArgument", "freezeAt needs a range on the same sheet");
      if (t.rect.r0 !== 0 || t.rect.c0 !== 0) fail("InvalidArgument", "freezeAt needs a range that starts at A1");
      const full = (n: number, max: number) => (n === max - 1 ? 0 : n + 1);
      return { rows: full(t.rect.r1, MAX_ROWS), cols: full(t.rect.c1, MAX_COLS) };
    });
  }

  unfreeze(): void {
    this._freeze("unfreeze", [], () => null);
  }

  getLocationOrNullObject(): RangeProxy {
    const child = new RangeProxy(this._ctx, `${this._path}.getLocationOrNullObject()`, () => {
      const s = this._resolve();
      if (!s.freeze) return null;
      const r1 = s.freeze.rows ? s.freeze.rows - 1 : MAX_ROWS - 1;
      const c1 = s.freeze.cols ? s.freeze.cols - 1 : MAX_COLS - 1;
      return { sheet: s, rect: { r0: 0, c0: 0, r1, c1 } };
    }, true);
    return this._child(child, "getLocationOrNullObject", []);
  }
}
