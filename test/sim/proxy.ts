/**
 * Proxy objects, as in Office.js: property writes and method calls queue operations on the
 * request context; nothing happens until `context.sync()` runs the queue in order. Properties are
 * readable only after they were loaded and synced. Each object resolves its target (a sheet, a
 * range, a table…) lazily, once, when the first of its operations runs, so a missing item fails
 * at sync with ItemNotFound, and an *OrNullObject item becomes a null object instead.
 */
import { SimError, fail, notImplemented, propertyNotLoaded, valueNotLoaded } from "./errors";
import type { OpKind, RequestContext } from "./requestContext";
import { pascal, type WirePath } from "./wire";

export interface PropSpec<T> {
  get?: (target: T, self: any) => unknown;
  set?: (target: T, value: any, self: any) => void;
}

export interface ObjectSpec<T> {
  name: string;
  props: Record<string, PropSpec<T>>;
  /** Navigation properties: child objects created on first access (no operation queued). */
  nav?: Record<string, (self: any) => SimObject<any>>;
  /** Fails (ItemNotFound, ApiNotFound…) when a resolved target can no longer be used. */
  check?: (target: T) => void;
}

/** Property names that tools (Promise resolution, Jest, JSON) probe; they read as undefined. */
const PROBES = new Set(["then", "asymmetricMatch", "nodeType", "tagName", "constructor", "inspect", "length", "$$typeof", "toString", "valueOf"]);

/** Parses load()'s argument forms into property paths ("values", "format/fill/color"). */
export function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o) return [...loadPaths(o.select), ...loadPaths(o.expand)];
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === "$top" || k === "$skip") continue;
      if (v === true) out.push(k);
      else if (v && typeof v === "object") {
        const sub = loadPaths(v);
        out.push(...(sub.length ? sub.map((s) => `${k}/${s}`) : [k]));
      }
    }
    return out;
  }
  return fail("InvalidArgument", "load() takes a string, an array of strings or an object");
}

export abstract class SimObject<T> {
  readonly _ctx: RequestContext;
  readonly _path: string;
  readonly _orNull: boolean;
  _resolver: () => T | null;
  _target: T | null | undefined = undefined;
  _isNull: boolean | undefined = undefined;
  _loaded = new Map<string, unknown>();
  _children = new Map<string, SimObject<any>>();
  /** Where this object sits in Office.js's object paths (its parent, and how it was reached), for request sizes. */
  _wire: WirePath | undefined = undefined;

  abstract get _spec(): ObjectSpec<T>;

  constructor(ctx: RequestContext, path: string, resolver: () => T | null, orNull = false) {
    this._ctx = ctx;
    this._path = path;
    this._resolver = resolver;
    this._orNull = orNull;
    return new Proxy(this, HANDLER) as this;
  }

  get context(): RequestContext {
    return this._ctx;
  }

  /** Resolves the target (once) or returns null for a null object. */
  _resolveOrNull(): T | null {
    if (this._target === undefined) {
      this._target = this._resolver();
      this._isNull = this._target === null;
    }
    if (this._target !== null) this._spec.check?.(this._target);
    return this._target;
  }

  /** Resolves the target; operations other than load fail on a null object. */
  _resolve(): T {
    const t = this._resolveOrNull();
    if (t === null) return fail("ItemNotFound", `${this._spec.name} is a null object: ${this._path}`);
    return t;
  }

  /** Queues an operation on this object; `run` may return what Excel sends back for it (a load's values). */
  _enqueue(method: string, args: unknown, run: () => unknown, kind: OpKind = "method"): void {
    this._ctx._enqueue({ m: method, p: this._path, a: args }, run, this, kind);
  }

  /** A child object returned by a method: queued so that it resolves (or fails) in order at sync. */
  _child<C extends SimObject<any>>(child: C, method: string, args: unknown): C {
    const list = Array.isArray(args) ? args : args === undefined ? [] : [args];
    // getItem is an indexer in Office.js's object paths; other methods are method paths.
    child._wire = method === "getItem" ? { parent: this, type: 5, name: "", args: list } : { parent: this, type: 3, name: pascal(method), args: list };
    child._enqueue(method, args, () => {
      child._resolveOrNull();
    }, "path");
    return child;
  }

  /** A navigation child, created once per parent object. */
  _nav<C extends SimObject<any>>(name: string, make: () => C): C {
    let c = this._children.get(name) as C | undefined;
    if (!c) {
      c = make();
      c._wire = { parent: this, type: 4, name: pascal(name) };
      this._children.set(name, c);
    }
    return c;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      if (this._orNull) throw propertyNotLoaded("isNullObject");
      return false;
    }
    return this._isNull;
  }

  _readProp(name: string): unknown {
    if (this._isNull) return null;
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name);
  }

  _writeProp(name: string, value: unknown): void {
    const spec = this._spec.props[name];
    if (!spec?.set) throw new TypeError(`Cannot set property ${name} of #<${this._spec.name}> which has only a getter`);
    this._loaded.delete(name); // a value set is not readable until loaded again
    this._enqueue(name, [value], () => spec.set!(this._resolve(), value, this), "set");
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this._enqueue("load", paths, () => this._loadNow(paths), "load");
    return this;
  }

  /** Default load: every readable scalar property, as Excel loads with no argument. */
  _defaultPaths(): string[] {
    return Object.keys(this._spec.props).filter((k) => this._spec.props[k].get);
  }

  /**
   * Loads the properties named (now, at sync) and returns what Excel sends back for them, shaped as
   * Office.js's response carries it (PascalCase names, nested objects, `_Items`), to size the response.
   */
  _loadNow(paths: string[]): Record<string, unknown> | null {
    const target = this._resolveOrNull();
    const list = paths.length ? paths : this._defaultPaths();
    const out: Record<string, unknown> = {};
    for (const path of list) {
      const [head, ...rest] = path.split("/");
      const nav = this._spec.nav?.[head];
      if (nav) {
        const sub = (this as any)[head]._loadNow(rest.length ? [rest.join("/")] : []);
        const key = pascal(head);
        out[key] = sub && out[key] && typeof out[key] === "object" ? { ...(out[key] as object), ...sub } : sub;
        continue;
      }
      const prop = this._spec.props[head];
      if (!prop?.get) {
        if (this._loadSpecial(head, rest, target)) continue;
        notImplemented(`loading ${this._spec.name}.${head}`);
      }
      const value = target === null ? null : prop.get(target, this);
      this._loaded.set(head, value);
      out[pascal(head)] = value;
    }
    this._ctx._loadedThisSync.add(this);
    return target === null ? null : out;
  }

  /** Hook for collections ("items"). */
  _loadSpecial(_head: string, _rest: string[], _target: T | null): boolean {
    return false;
  }

  /** Sets several properties at once, as ClientObject.set does. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      if (this._spec.nav?.[k]) (this as any)[k].set(v);
      else (this as any)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = v;
    for (const [k, c] of this._children) {
      const j = c.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }
}

const HANDLER: ProxyHandler<SimObject<any>> = {
  get(target, prop, receiver) {
    if (typeof prop === "symbol" || prop.startsWith("_")) return Reflect.get(target, prop, receiver);
    const spec = target._spec;
    const nav = spec.nav?.[prop];
    if (nav) return target._nav(prop, () => nav(receiver));
    if (spec.props[prop]) {
      if (!spec.props[prop].get) notImplemented(`reading ${spec.name}.${prop}`);
      return target._readProp(prop);
    }
    if (prop in target) return Reflect.get(target, prop, receiver);
    if (PROBES.has(prop) || prop.startsWith("@@") || prop.startsWith("$$")) return undefined;
    return notImplemented(`${spec.name}.${prop}`);
  },
  set(target, prop, value) {
    if (typeof prop === "symbol" || prop.startsWith("_")) return Reflect.set(target, prop, value);
    const spec = target._spec;
    if (spec.props[prop] || spec.nav?.[prop] || prop in target) {
      if (spec.nav?.[prop]) throw new TypeError(`Cannot set property ${prop} of #<${spec.name}> which has only a getter`);
      target._writeProp(prop, value);
      return true;
    }
    return notImplemented(`setting ${spec.name}.${prop}`);
  },
};

/**
 * Office.js refuses an object of one request context as an argument in another ("InvalidRequestContext:
 * Cannot use the object across different request contexts"): an object belongs to the Excel.run
 * that made it. Throws at the call, as Office.js does.
 */
export function sameContext(self: SimObject<any>, arg: unknown): void {
  if (arg instanceof SimObject && arg._ctx !== self._ctx) {
    throw new SimError("InvalidRequestContext", "Cannot use the object across different request contexts.");
  }
}

/** OfficeExtension.ClientResult: a value available after sync. */
export class ClientResult<V> {
  _value: V | undefined = undefined;
  _set = false;
  get value(): V {
    if (!this._set) throw valueNotLoaded();
    return this._value as V;
  }
  _resolve(v: V): void {
    this._value = v;
    this._set = true;
  }
}

/** Queues a method whose result is a ClientResult. */
export function resultOf<V>(obj: SimObject<any>, method: string, args: unknown, compute: () => V): ClientResult<V> {
  const r = new ClientResult<V>();
  obj._enqueue(method, args, () => {
    const v = compute();
    r._resolve(v);
    return v;
  }, "result");
  return r;
}

/** A collection: `items` after load; a load of item properties ("name", "items/name") loads them on every item. */
export abstract class SimCollection<T, I> extends SimObject<T> {
  _items: SimObject<any>[] | undefined = undefined;

  abstract _list(target: T): I[];
  abstract _itemProxy(item: I, index: number): SimObject<any>;

  get items(): any[] {
    if (this._isNull) return [];
    if (!this._items) throw propertyNotLoaded("items");
    return this._items;
  }

  override _defaultPaths(): string[] {
    return ["items"];
  }

  override _loadNow(paths: string[]): Record<string, unknown> | null {
    const target = this._resolveOrNull();
    const own: string[] = [];
    const itemPaths: string[] = [];
    let wantItems = paths.length === 0;
    for (const p of paths) {
      if (p === "items") wantItems = true;
      else if (p.startsWith("items/")) {
        wantItems = true;
        itemPaths.push(p.slice(6));
      } else if (this._spec.props[p.split("/")[0]]) own.push(p);
      else {
        wantItems = true;
        itemPaths.push(p);
      }
    }
    const out = own.length ? super._loadNow(own) ?? {} : {};
    this._ctx._loadedThisSync.add(this);
    if (!wantItems) return out;
    const list = target === null ? [] : this._list(target);
    const items: unknown[] = [];
    this._items = list.map((item, i) => {
      const proxy = this._itemProxy(item, i);
      proxy._wire = { parent: this, type: 5, name: "", args: [i] };
      proxy._target = item as any;
      proxy._isNull = false;
      items.push(proxy._loadNow(itemPaths));
      return proxy;
    });
    return { ...out, _Items: items };
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this._items ? { items: this._items.map((i) => i.toJSON()) } : {}) };
  }
}
