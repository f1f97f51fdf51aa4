/** Defined names (workbook scope): a reference kept structured so that sheet renames follow it. */
import { formatAddress, parseAddress } from "./address";
import { fail } from "./errors";
import { checkFormulaLimits } from "./formulaLimits";
import type { SimHost } from "./host";
import { findSheet, requireApi, type NameModel, type WorkbookModel } from "./model";
import { checkDefinedName } from "./nameRules";
import { liveTables } from "./tableModel";
import { SimCollection, SimObject, resultOf, sameContext, type ClientResult, type ObjectSpec } from "./proxy";
import { RangeProxy } from "./range";

const host = (self: SimObject<any>): SimHost => self._ctx._host;

export function nameFormula(n: NameModel): string {
  if (n.ref) return n.ref.sheet.deleted ? `=#REF!${formatAddress("x", n.ref.rect, true).slice(2)}` : `=${formatAddress(n.ref.sheet.name, n.ref.rect, true)}`;
  return n.formula;
}

function constantOf(formula: string): { type: string; value: unknown } {
  const body = formula.replace(/^=/, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (/^"([^"]|"")*"$/.test(body)) return { type: "String", value: body.slice(1, -1).replace(/""/g, '"') };
  if (body.startsWith("#REF!")) return { type: "Error", value: "#REF!" };
  // Anything else is a formula; the sim does not evaluate it.
  return { type: "String", value: body };
}

function setReference(wb: WorkbookModel, n: NameModel, reference: unknown): void {
  if (reference instanceof Object && typeof (reference as RangeProxy)._resolve === "function") {
    const t = (reference as RangeProxy)._resolve();
    n.ref = { sheet: t.sheet, rect: t.rect };
    n.formula = "";
    return;
  }
  if (typeof reference !== "string" || reference.trim() === "") fail("InvalidArgument", "a name needs a Range or a formula string");
  const formula = reference.startsWith("=") ? reference : `=${reference}`;
  checkFormulaLimits(formula, "a name's formula");
  const parsed = parseAddress(formula.slice(1));
  if (parsed?.sheet !== undefined) {
    const sheet = findSheet(wb, parsed.sheet);
    if (!sheet) fail("InvalidArgument", `no sheet named '${parsed.sheet}' in ${formula}`);
    n.ref = { sheet, rect: parsed.rect };
    n.formula = "";
    return;
  }
  // A structured reference needs its table: Excel cannot parse Table[Column] of a table it does
  // not have ("There's a problem with this formula" in the dialog; Office.js refuses the name).
  for (const m of formula.matchAll(/(?<![A-Za-z0-9_.'!])([A-Za-z_\\][A-Za-z0-9_.]*)\[/g)) {
    if (!liveTables(wb).some((t) => t.name.toLowerCase() === m[1].toLowerCase())) fail("InvalidArgument", `no table named '${m[1]}' for ${formula}: add the table before the name`);
  }
  n.ref = null;
  n.formula = formula;
}

const NAME_SPEC: ObjectSpec<NameModel> = {
  name: "NamedItem",
  check: (n) => {
    if (n.deleted) fail("ItemNotFound", `name '${n.name}' was deleted`);
  },
  props: {
    name: { get: (n) => n.name },
    formula: { get: (n) => nameFormula(n), set: (n, v, self) => setReference(host(self).wb, n, v) },
    value: {
      get: (n) => (n.ref ? nameFormula(n).slice(1) : constantOf(n.formula).value),
    },
    type: { get: (n) => (n.ref ? (n.ref.sheet.deleted ? "Error" : "Range") : constantOf(n.formula).type) },
    comment: {
      get: (n) => n.comment,
      set: (n, v) => {
        n.comment = typeof v === "string" ? v : fail("InvalidArgument", "comment must be a string");
      },
    },
    visible: { get: (n) => n.visible, set: (n, v) => (n.visible = !!v) },
    scope: { get: () => "Workbook" },
  },
};

export class NamedItemProxy extends SimObject<NameModel> {
  get _spec() {
    return NAME_SPEC;
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      this._resolve().deleted = true;
    });
  }
  _rangeOf(method: string, orNull: boolean): RangeProxy {
    const child = new RangeProxy(this._ctx, `${this._path}.${method}()`, () => {
      const n = this._resolveOrNull();
      if (!n || !n.ref || n.ref.sheet.deleted) return orNull ? null : fail("InvalidOperation", `name '${n?.name}' does not refer to a range`);
      return { sheet: n.ref.sheet, rect: n.ref.rect };
    }, orNull || this._orNull);
    return this._child(child, method, []);
  }
  getRange(): RangeProxy {
    return this._rangeOf("getRange", false);
  }
  getRangeOrNullObject(): RangeProxy {
    return this._rangeOf("getRangeOrNullObject", true);
  }
}

export class NamedItemCollectionProxy extends SimCollection<WorkbookModel, NameModel> {
  get _spec(): ObjectSpec<WorkbookModel> {
    return { name: "NamedItemCollection", props: {} };
  }
  _list(wb: WorkbookModel): NameModel[] {
    return wb.names.filter((n) => !n.deleted);
  }
  _itemProxy(n: NameModel, i: number): NamedItemProxy {
    return new NamedItemProxy(this._ctx, `${this._path}.items[${i}]`, () => n);
  }
  _name(method: string, args: unknown[], find: (wb: WorkbookModel) => NameModel | null, orNull = false): NamedItemProxy {
    const child = new NamedItemProxy(this._ctx, `${this._path}.${method}(${JSON.stringify(args)})`, () => find(this._resolve()), orNull);
    return this._child(child, method, args);
  }
  _find(wb: WorkbookModel, name: string): NameModel | null {
    return this._list(wb).find((n) => n.name.toLowerCase() === String(name).toLowerCase()) ?? null;
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    sameContext(this, reference);
    const refArg = typeof reference === "string" ? reference : { ref: reference?._path };
    return this._name("add", [name, refArg, comment ?? null], (wb) => {
      requireApi(wb, "1.4", "NamedItemCollection.add");
      const n: NameModel = { name: checkDefinedName(wb, name), ref: null, formula: "", comment: comment ?? "", visible: true, deleted: false };
      setReference(wb, n, reference);
      wb.names.push(n);
      return n;
    });
  }
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    return this.add(name, formula, comment);
  }
  getItem(name: string): NamedItemProxy {
    return this._name("getItem", [name], (wb) => this._find(wb, name) ?? fail("ItemNotFound", `no name '${name}'`));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return this._name("getItemOrNullObject", [name], (wb) => this._find(wb, name), true);
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._list(this._resolve()).length);
  }
}
