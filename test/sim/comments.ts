/** Threaded comments (ExcelApi 1.10): one thread per cell; replies are not simulated. */
import { fail } from "./errors";
import { assertUnprotected, nextId, type CommentModel } from "./model";
import { type CellScope, singleCell } from "./notes";
import { SimCollection, SimObject, resultOf, type ClientResult, type ObjectSpec } from "./proxy";
import { RangeProxy } from "./range";

const COMMENT_SPEC: ObjectSpec<CommentModel> = {
  name: "Comment",
  check: (c) => {
    if (c.deleted) fail("ItemNotFound", "the comment was deleted");
  },
  props: {
    id: { get: (c) => c.id },
    content: {
      get: (c) => c.content,
      set: (c, v) => {
        assertUnprotected(c.sheet, "editing a comment", "allowEditObjects");
        c.content = String(v);
      },
    },
    authorName: { get: (c) => c.authorName },
    authorEmail: { get: (c) => c.authorEmail },
    creationDate: { get: (c) => c.creationDate },
    resolved: { get: (c) => c.resolved, set: (c, v) => (c.resolved = !!v) },
  },
};

export class CommentProxy extends SimObject<CommentModel> {
  get _spec() {
    return COMMENT_SPEC;
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const c = this._resolve();
      assertUnprotected(c.sheet, "deleting a comment", "allowEditObjects");
      c.deleted = true;
    });
  }
  getLocation(): RangeProxy {
    const child = new RangeProxy(this._ctx, `${this._path}.getLocation()`, () => {
      const c = this._resolveOrNull();
      return c && { sheet: c.sheet, rect: { r0: c.r, c0: c.c, r1: c.r, c1: c.c } };
    }, this._orNull);
    return this._child(child, "getLocation", []);
  }
}

export class CommentCollectionProxy extends SimCollection<CellScope, CommentModel> {
  get _spec(): ObjectSpec<CellScope> {
    return { name: "CommentCollection", props: {} };
  }
  _list(s: CellScope): CommentModel[] {
    return s.wb.comments.filter((c) => !c.deleted && !c.sheet.deleted && (!s.sheet || c.sheet === s.sheet));
  }
  _itemProxy(c: CommentModel, i: number): CommentProxy {
    return new CommentProxy(this._ctx, `${this._path}.items[${i}]`, () => c);
  }
  _comment(method: string, args: unknown[], find: (s: CellScope) => CommentModel): CommentProxy {
    const child = new CommentProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(args)})`, () => find(this._resolve()));
    return this._child(child, method, args);
  }
  add(cellAddress: RangeProxy | string, content: unknown, _contentType?: string): CommentProxy {
    const arg = typeof cellAddress === "string" ? cellAddress : { ref: cellAddress?._path };
    return this._comment("add", [arg, content], (s) => {
      const at = singleCell(this, cellAddress, s.sheet);
      assertUnprotected(at.sheet, "adding a comment", "allowEditObjects");
      if (this._list({ wb: s.wb }).some((c) => c.sheet === at.sheet && c.r === at.r && c.c === at.c)) {
        fail("InvalidArgument", "the cell already has a comment thread; reply to it instead");
      }
      const c: CommentModel = {
        id: `{sim-comment-${nextId(s.wb, "comment")}}`,
        ...at,
        content: String(content),
        authorName: s.wb.userName,
        authorEmail: "sim.user@example.com",
        creationDate: new Date().toISOString(),
        resolved: false,
        deleted: false,
      };
      s.wb.comments.push(c);
      return c;
    });
  }
  getItem(commentId: string): CommentProxy {
    return this._comment("getItem", [commentId], (s) => this._list(s).find((c) => c.id === commentId) ?? fail("ItemNotFound", `no comment '${commentId}'`));
  }
  getItemAt(index: number): CommentProxy {
    return this._comment("getItemAt", [index], (s) => this._list(s)[index] ?? fail("InvalidArgument", `no comment at index ${index}`));
  }
  getItemByCell(cellAddress: RangeProxy | string): CommentProxy {
    const arg = typeof cellAddress === "string" ? cellAddress : { ref: cellAddress?._path };
    return this._comment("getItemByCell", [arg], (s) => {
      const at = singleCell(this, cellAddress, s.sheet);
      return this._list(s).find((c) => c.sheet === at.sheet && c.r === at.r && c.c === at.c) ?? fail("ItemNotFound", "no comment on that cell");
    });
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._list(this._resolve()).length);
  }
}
