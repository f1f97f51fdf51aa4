/**
 * The request and the response of one sync as Office.js carries them, to size them as Excel on the
 * web does. The shape is Office.js's own (RichApi messages, read from the request builder of
 * @microsoft/office-js's excel-web-16.00.js and held to it by wire.test.ts): every object the batch
 * touches is an entry of `ObjectPaths` (root, property, indexer or method, with its parent and
 * arguments) with an "instantiate" action, and every property set, method call and load is an
 * action naming its object path; each action lists in `L` the object paths it is the last to use.
 * The response is `{ Results: [{ ActionId, Value }] }`, a load's value carrying the loaded
 * properties under their PascalCase names (collections as `_Items`).
 *
 * Office.js cuts a write of values, formulas or number formats over 1,500 cells into chunks of
 * about 1,500 cells, each its own range (`getRow(i).getBoundingRect(getRow(j))`) and set action,
 * after a `_ValidateArraySize` call (setRangePropertiesInBulk in excel-web-16.00.js); so does this.
 */
import type { SimObject } from "./proxy";

/** How an object is reached from its parent: Office.js's ObjectPathType (1 root, 3 method, 4 property, 5 indexer). */
export interface WirePath {
  parent?: SimObject<any>;
  type: 1 | 3 | 4 | 5;
  name: string;
  args?: unknown[];
}

export type WireKind = "path" | "set" | "method" | "load" | "result";

export interface WireOp {
  kind: WireKind;
  obj?: SimObject<any>;
  method: string;
  args: unknown;
}

export const pascal = (name: string): string => (name ? name[0].toUpperCase() + name.slice(1) : name);

/** Proxies inside arguments travel as a reference to their object path, not as their loaded state. */
function replacer(this: any, key: string, value: unknown): unknown {
  const original = this?.[key];
  return original && typeof original === "object" && typeof original._path === "string" ? { _ObjectPathId: 0 } : value;
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments: unknown[] };
  QueryInfo?: { Select: string[] };
  L?: number[];
}

/** The request body of these operations, as Office.js would send it; returns it with each operation's action id. */
export function requestBody(ops: WireOp[]): { body: { Actions: Action[]; ObjectPaths: Record<string, unknown> }; actionIds: number[] } {
  let next = 1;
  // Keyed by the object's path record (the same through the proxy and its target), or a root's path.
  const ids = new Map<WirePath | string, number>();
  const parents = new Map<number, number | undefined>();
  const objectPaths: Record<string, unknown> = {};
  const actions: Action[] = [];

  const pathOf = (obj: SimObject<any> | undefined, fallback: string): number => {
    const key = obj?._wire ?? obj?._path ?? fallback;
    const known = ids.get(key);
    if (known !== undefined) return known;
    // An object made outside the proxies' navigation (a root) is a root path named by its path text.
    const wire: WirePath = obj?._wire ?? { type: 1, name: obj ? (obj._path === "workbook" ? "" : obj._path) : fallback };
    const parentId = wire.parent ? pathOf(wire.parent, "") : undefined;
    const id = next++;
    ids.set(key, id);
    parents.set(id, parentId);
    objectPaths[id] = {
      Id: id,
      ObjectPathType: wire.type,
      Name: wire.name,
      ...(parentId !== undefined ? { ParentObjectPathId: parentId } : {}),
      ...(wire.args ? { ArgumentInfo: { Arguments: wire.args } } : {}),
    };
    actions.push({ Id: next++, ActionType: 1, Name: "", ObjectPathId: id });
    return id;
  };

  /** A path that is no object of the sim (a chunk of a bulk write), with its instantiate action. */
  const rawPath = (type: number, name: string, parentId: number, args: unknown[], referenced?: number): number => {
    const id = next++;
    parents.set(id, parentId);
    objectPaths[id] = {
      Id: id,
      ObjectPathType: type,
      Name: name,
      ParentObjectPathId: parentId,
      ArgumentInfo: { Arguments: args, ...(referenced !== undefined ? { ReferencedObjectPathIds: [referenced] } : {}) },
      D: true,
    };
    actions.push({ Id: next++, ActionType: 1, Name: "", ObjectPathId: id });
    return id;
  };

  const actionIds: number[] = [];
  for (const op of ops) {
    const pathId = pathOf(op.obj, op.method);
    if (op.kind === "path") {
      actionIds.push(actions[actions.length - 1].Id);
      continue;
    }
    const id = next++;
    actionIds.push(id);
    if (op.kind === "load") actions.push({ Id: id, ActionType: 2, Name: "", ObjectPathId: pathId, QueryInfo: { Select: (op.args as string[]).map((p) => p.replace(/(^|\/)items\//g, "$1")) } });
    else if (op.kind === "set" && isBulk(op)) {
      const rows = (op.args as unknown[][][])[0];
      const per = Math.max(1, Math.round(BULK_CELLS / rows[0].length));
      actions.push({ Id: id, ActionType: 3, Name: "_ValidateArraySize", ObjectPathId: pathId, ArgumentInfo: { Arguments: [rows.length, rows[0].length] } });
      for (let start = 0; start < rows.length; start += per) {
        const count = Math.min(per, rows.length - start);
        const first = rawPath(3, "GetRow", pathId, [start]);
        const last = rawPath(3, "GetRow", pathId, [start + count - 1]);
        const chunk = rawPath(3, "GetBoundingRect", first, [last], last);
        actions.push({ Id: next++, ActionType: 4, Name: pascal(op.method), ObjectPathId: chunk, ArgumentInfo: { Arguments: [rows.slice(start, start + count)] } });
      }
    } else if (op.kind === "set") actions.push({ Id: id, ActionType: 4, Name: pascal(op.method), ObjectPathId: pathId, ArgumentInfo: { Arguments: op.args as unknown[] } });
    else actions.push({ Id: id, ActionType: 3, Name: pascal(op.method), ObjectPathId: pathId, ArgumentInfo: { Arguments: Array.isArray(op.args) ? op.args : op.args === undefined ? [] : [op.args] } });
  }

  // "L": the object paths whose last use is this action (an action uses its path and its ancestors).
  const lastUse = new Map<number, number>();
  actions.forEach((a, i) => {
    for (let p: number | undefined = a.ObjectPathId; p !== undefined; p = parents.get(p)) lastUse.set(p, i);
  });
  for (const [path, i] of [...lastUse].sort((a, b) => a[0] - b[0])) (actions[i].L ??= []).push(path);
  return { body: { Actions: actions, ObjectPaths: objectPaths }, actionIds };
}

/** Office.js's chunk size for bulk range writes. */
const BULK_CELLS = 1500;
const BULK_PROPERTIES = new Set(["values", "formulas", "numberFormat"]);

function isBulk(op: WireOp): boolean {
  if (!BULK_PROPERTIES.has(op.method) || op.obj?._spec.name !== "Range") return false;
  const rows = (op.args as unknown[])[0];
  return Array.isArray(rows) && Array.isArray(rows[0]) && rows.length * rows[0].length > BULK_CELLS;
}

const encoder = new TextEncoder();

/** UTF-8 size of the JSON of a request or response body. */
export function wireBytes(body: unknown): number {
  return encoder.encode(JSON.stringify(body, replacer) ?? "").length;
}
