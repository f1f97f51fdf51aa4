/** Notes (ExcelApi 1.18): one per cell, single cells only, kept apart from threaded comments. */
import { formatAddress } from "./address";
import { SimError, fail, notImplemented } from "./errors";
import type { SimHost } from "./host";
import { assertUnprotected, nextId, type NoteModel, type SheetModel, type WorkbookModel } from "./model";
import { SimCollection, SimObject, resultOf, type ClientResult, type ObjectSpec } from "./proxy";
import { RangeProxy } from "./range";
import { resolveAddress } from "./resolve";

export interface CellScope {
  wb: WorkbookModel;
  sheet?: SheetModel;
}

const host = (self: SimObject<any>): SimHost => self._ctx._host;

/** A single cell from a Range or an address; anything else is InvalidCellAddress, as documented. */
export function singleCell(self: SimObject<any>, cell: unknown, sheet?: SheetModel): { sheet: SheetModel; r: number; c: number } {
  let t;
  try {
    t = typeof cell === "string" ? resolveAddress(host(self), cell, sheet) : (cell as RangeProxy)._resolve();
  } catch (e) {
    if (e instanceof SimError && e.code === "InvalidArgument") fail("InvalidCellAddress", String(cell));
    throw e;
  }
  if (t.rect.r0 !== t.rect.r1 || t.rect.c0 !== t.rect.c1) fail("InvalidCellAddress", "a note or comment goes on a single cell");
  if (sheet && t.sheet !== sheet) fail("InvalidCellAddress", "the cell is on another sheet");
  return { sheet: t.sheet, r: t.rect.r0, c: t.rect.c0 };
}

const NOTE_SPEC: ObjectSpec<NoteModel> = {
  name: "Note",
  check: (n) => {
    if (n.deleted) fail("ItemNotFound", "the note was deleted");
  },
  props: {
    content: {
      get: (n) => n.content,
      set: (n, v) => {
        assertUnprotected(n.sheet, "editing a note", "allowEditObjects");
        n.content = String(v);
      },
    },
    authorName: { get: (n) => n.authorName },
  },
};

export class NoteProxy extends SimObject<NoteModel> {
  get _spec() {
    return NOTE_SPEC;
  }
  get height(): never {
    return notImplemented("Note.height (not supported in Excel on the web either)");
  }
  get width(): never {
    return notImplemented("Note.width (not supported in Excel on the web either)");
  }
  get visible(): never {
    return notImplemented("Note.visible (not supported in Excel on the web either)");
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const n = this._resolve();
      assertUnprotected(n.sheet, "deleting a note", "allowEditObjects");
      n.deleted = true;
    });
  }
  getLocation(): RangeProxy {
    const child = new RangeProxy(this._ctx, `${this._path}.getLocation()`, () => {
      const n = this._resolveOrNull();
      return n && { sheet: n.sheet, rect: { r0: n.r, c0: n.c, r1: n.r, c1: n.c } };
    }, this._orNull);
    return this._child(child, "getLocation", []);
  }
}

export class NoteCollectionProxy extends SimCollection<CellScope, NoteModel> {
  get _spec(): ObjectSpec<CellScope> {
    return { name: "NoteCollection", props: {} };
  }
  _list(s: CellScope): NoteModel[] {
    return s.wb.notes.filter((n) => !n.deleted && !n.sheet.deleted && (!s.sheet || n.sheet === s.sheet));
  }
  _itemProxy(n: NoteModel, i: number): NoteProxy {
    return new NoteProxy(this._ctx, `${this._path}.items[${i}]`, () => n);
  }
  _note(method: string, args: unknown[], find: (s: CellScope) => NoteModel | null, orNull = false): NoteProxy {
    const child = new NoteProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(args)})`, () => {
      const s = this._resolveOrNull();
      return s && find(s);
    }, orNull || this._orNull);
    return this._child(child, method, args);
  }
  add(cellAddress: RangeProxy | string, content: unknown): NoteProxy {
    const arg = typeof cellAddress === "string" ? cellAddress : { ref: cellAddress?._path };
    return this._note("add", [arg, content], (s) => {
      const at = singleCell(this, cellAddress, s.sheet);
      assertUnprotected(at.sheet, "adding a note", "allowEditObjects");
      const existing = this._list({ wb: s.wb }).find((n) => n.sheet === at.sheet && n.r === at.r && n.c === at.c);
      if (existing) fail("InvalidArgument", `cell ${formatAddress(at.sheet.name, { r0: at.r, c0: at.c, r1: at.r, c1: at.c })} already has a note`);
      const note: NoteModel = { id: String(nextId(s.wb, "note")), ...at, content: String(content), authorName: s.wb.userName, deleted: false };
      s.wb.notes.push(note);
      return note;
    });
  }
  _at(s: CellScope, key: string): NoteModel | null {
    const at = singleCell(this, key, s.sheet);
    return this._list({ wb: s.wb }).find((n) => n.sheet === at.sheet && n.r === at.r && n.c === at.c) ?? null;
  }
  getItem(key: string): NoteProxy {
    return this._note("getItem", [key], (s) => this._at(s, key) ?? fail("ItemNotFound", `no note at ${key}`));
  }
  getItemOrNullObject(key: string): NoteProxy {
    return this._note("getItemOrNullObject", [key], (s) => this._at(s, key), true);
  }
  getItemAt(index: number): NoteProxy {
    return this._note("getItemAt", [index], (s) => this._list(s)[index] ?? fail("InvalidArgument", `no note at index ${index}`));
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._list(this._resolve()).length);
  }
}
