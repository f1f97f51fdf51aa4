/**
 * Conditional formats: recorded with their areas, rule and format, in priority order (index 0 is
 * the highest; a new format is added at the top, as in Excel). They are not evaluated.
 */
import type { Rect } from "./address";
import { normalizeColor } from "./colors";
import { fail, notImplemented } from "./errors";
import { checkFormulaLimits } from "./formulaLimits";
import { missingNames } from "./formulaNames";
import { assertUnprotected, nextId, requireApi, type ConditionalFormatModel, type SheetModel } from "./model";
import { SimCollection, SimObject, resultOf, type ClientResult, type ObjectSpec } from "./proxy";
import { RangeProxy, type RangeTarget } from "./range";
import { intersect, subtract } from "./rects";

interface CfTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

const CELL_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];
const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
const SUPPORTED = ["Custom", "CellValue", "ContainsText"];

export function clearConditionalFormats(sheet: SheetModel, rect: Rect): void {
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.flatMap((a) => subtract(a, rect));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
}

function checkCf(t: CfTarget): void {
  if (t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.cf)) fail("ItemNotFound", "the conditional format was deleted");
}

function writable(t: CfTarget): void {
  assertUnprotected(t.sheet, "changing a conditional format", "allowFormatCells");
}

function formula(v: unknown, what: string): string | number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "") {
    checkFormulaLimits(v, what);
    return v;
  }
  return fail("InvalidArgument", `${what} must be a formula string or a number`);
}

export class ConditionalFormatCollectionProxy extends SimCollection<RangeTarget, CfTarget> {
  get _spec(): ObjectSpec<RangeTarget> {
    return { name: "ConditionalFormatCollection", props: {} };
  }
  _list(t: RangeTarget): CfTarget[] {
    requireApi(this._ctx._host.wb, "1.6", "ConditionalFormatCollection");
    return t.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => intersect(a, t.rect))).map((cf) => ({ sheet: t.sheet, cf }));
  }
  _itemProxy(item: CfTarget, i: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, `${this._path}.items[${i}]`, () => item);
  }
  add(type: string): ConditionalFormatProxy {
    const child = new ConditionalFormatProxy(this._ctx, `${this._path}.add(${JSON.stringify(type)})`, () => {
      const t = this._resolve();
      requireApi(this._ctx._host.wb, "1.6", "ConditionalFormatCollection.add");
      if (!SUPPORTED.includes(type)) {
        if (["DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria"].includes(type)) notImplemented(`conditional format type ${type}`);
        fail("InvalidArgument", `'${type}' is not a conditional format type`);
      }
      assertUnprotected(t.sheet, "adding a conditional format", "allowFormatCells");
      const cf: ConditionalFormatModel = {
        id: String(nextId(this._ctx._host.wb, "cf")),
        type,
        areas: [t.rect],
        rule: {},
        format: {},
        stopIfTrue: false,
      };
      t.sheet.conditionalFormats.unshift(cf);
      return { sheet: t.sheet, cf };
    });
    return this._child(child, "add", [type]);
  }
  clearAll(): void {
    this._enqueue("clearAll", [], () => {
      const t = this._resolve();
      assertUnprotected(t.sheet, "clearing conditional formats", "allowFormatCells");
      clearConditionalFormats(t.sheet, t.rect);
    });
  }
  getCount(): ClientResult<number> {
    return resultOf(this, "getCount", [], () => this._list(this._resolve()).length);
  }
  getItem(id: string): ConditionalFormatProxy {
    const child = new ConditionalFormatProxy(this._ctx, `${this._path}.getItem(${JSON.stringify(id)})`, () => {
      const found = this._list(this._resolve()).find((x) => x.cf.id === id);
      return found ?? fail("ItemNotFound", `no conditional format '${id}'`);
    });
    return this._child(child, "getItem", [id]);
  }
  getItemAt(index: number): ConditionalFormatProxy {
    const child = new ConditionalFormatProxy(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      return this._list(this._resolve())[index] ?? fail("InvalidArgument", `no conditional format at index ${index}`);
    });
    return this._child(child, "getItemAt", [index]);
  }
}

const CF_SPEC: ObjectSpec<CfTarget> = {
  name: "ConditionalFormat",
  check: checkCf,
  props: {
    id: { get: (t) => t.cf.id },
    type: { get: (t) => t.cf.type },
    priority: {
      get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t, v) => {
        writable(t);
        // "Use a negative priority to begin from the back. Priorities greater than the bounds will get
        // and set to the maximum (or minimum if negative) priority" (ConditionalFormat.priority).
        if (!Number.isInteger(v)) fail("InvalidArgument", "priority must be a whole number");
        const list = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
        const n = list.length + 1;
        const at = Math.max(0, Math.min(n - 1, v < 0 ? n + v : v));
        list.splice(at, 0, t.cf);
        t.sheet.conditionalFormats = list;
      },
    },
    stopIfTrue: {
      get: (t) => t.cf.stopIfTrue,
      set: (t, v) => {
        writable(t);
        t.cf.stopIfTrue = typeof v === "boolean" ? v : fail("InvalidArgument", "stopIfTrue must be a boolean");
      },
    },
  },
  nav: {
    custom: (self: ConditionalFormatProxy) => self._typed("custom", "Custom", CustomProxy),
    cellValue: (self: ConditionalFormatProxy) => self._typed("cellValue", "CellValue", CellValueProxy),
    textComparison: (self: ConditionalFormatProxy) => self._typed("textComparison", "ContainsText", TextComparisonProxy),
  },
};

export class ConditionalFormatProxy extends SimObject<CfTarget> {
  get _spec() {
    return CF_SPEC;
  }
  _typed<C extends SimObject<CfTarget>>(name: string, type: string, Cls: new (...a: any[]) => C): C {
    return new Cls(this._ctx, `${this._path}.${name}`, () => {
      const t = this._resolveOrNull();
      if (t && t.cf.type !== type) fail("InvalidOperation", `this conditional format is of type ${t.cf.type}, not ${type}`);
      return t;
    }, this._orNull);
  }
  getRange(): RangeProxy {
    const child = new RangeProxy(this._ctx, `${this._path}.getRange()`, () => {
      const t = this._resolve();
      if (t.cf.areas.length !== 1) fail("InvalidOperation", "the conditional format applies to several ranges");
      return { sheet: t.sheet, rect: t.cf.areas[0] };
    });
    return this._child(child, "getRange", []);
  }
  getRangeOrNullObject(): RangeProxy {
    const child = new RangeProxy(this._ctx, `${this._path}.getRangeOrNullObject()`, () => {
      const t = this._resolve();
      return t.cf.areas.length === 1 ? { sheet: t.sheet, rect: t.cf.areas[0] } : null;
    }, true);
    return this._child(child, "getRangeOrNullObject", []);
  }
  delete(): void {
    this._enqueue("delete", [], () => {
      const t = this._resolve();
      writable(t);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}

const formatNav = {
  format: (self: SimObject<CfTarget>) => new CfFormatProxy(self._ctx, `${self._path}.format`, () => self._resolveOrNull(), self._orNull),
};

const CUSTOM_SPEC: ObjectSpec<CfTarget> = {
  name: "CustomConditionalFormat",
  check: checkCf,
  props: {},
  nav: {
    ...formatNav,
    rule: (self: SimObject<CfTarget>) => new CfRuleProxy(self._ctx, `${self._path}.rule`, () => self._resolveOrNull(), self._orNull),
  },
};

export class CustomProxy extends SimObject<CfTarget> {
  get _spec() {
    return CUSTOM_SPEC;
  }
}

const RULE_SPEC: ObjectSpec<CfTarget> = {
  name: "ConditionalFormatRule",
  check: checkCf,
  props: {
    formula: {
      get: (t) => t.cf.rule.formula ?? "",
      set: (t, v, self) => {
        writable(t);
        t.cf.rule = { formula: formula(v, "rule.formula") };
        t.cf.namesMissingWhenSet = typeof v === "string" ? missingNames(self._ctx._host.wb, v) : [];
      },
    },
    formulaLocal: {
      get: (t) => t.cf.rule.formula ?? "",
      set: (t, v, self) => {
        writable(t);
        t.cf.rule = { formula: formula(v, "rule.formulaLocal") };
        t.cf.namesMissingWhenSet = typeof v === "string" ? missingNames(self._ctx._host.wb, v) : [];
      },
    },
  },
};

export class CfRuleProxy extends SimObject<CfTarget> {
  get _spec() {
    return RULE_SPEC;
  }
}

const CELL_SPEC: ObjectSpec<CfTarget> = {
  name: "CellValueConditionalFormat",
  check: checkCf,
  props: {
    rule: {
      get: (t) => ({ ...t.cf.rule }),
      set: (t, v) => {
        writable(t);
        if (!v || typeof v !== "object" || !CELL_OPERATORS.includes(v.operator)) fail("InvalidArgument", `rule.operator must be one of ${CELL_OPERATORS.join(", ")}`);
        const rule: Record<string, unknown> = { operator: v.operator, formula1: formula(v.formula1, "rule.formula1") };
        if (v.operator === "Between" || v.operator === "NotBetween") rule.formula2 = formula(v.formula2, "rule.formula2");
        t.cf.rule = rule;
      },
    },
  },
  nav: formatNav,
};

export class CellValueProxy extends SimObject<CfTarget> {
  get _spec() {
    return CELL_SPEC;
  }
}

const TEXT_SPEC: ObjectSpec<CfTarget> = {
  name: "TextConditionalFormat",
  check: checkCf,
  props: {
    rule: {
      get: (t) => ({ ...t.cf.rule }),
      set: (t, v) => {
        writable(t);
        if (!v || typeof v !== "object" || !TEXT_OPERATORS.includes(v.operator)) fail("InvalidArgument", `rule.operator must be one of ${TEXT_OPERATORS.join(", ")}`);
        if (typeof v.text !== "string") fail("InvalidArgument", "rule.text must be a string");
        t.cf.rule = { operator: v.operator, text: v.text };
      },
    },
  },
  nav: formatNav,
};

export class TextComparisonProxy extends SimObject<CfTarget> {
  get _spec() {
    return TEXT_SPEC;
  }
}

const CF_FORMAT_SPEC: ObjectSpec<CfTarget> = {
  name: "ConditionalRangeFormat",
  check: checkCf,
  props: {},
  nav: {
    fill: (self: SimObject<CfTarget>) => new CfFillProxy(self._ctx, `${self._path}.fill`, () => self._resolveOrNull(), self._orNull),
    font: (self: SimObject<CfTarget>) => new CfFontProxy(self._ctx, `${self._path}.font`, () => self._resolveOrNull(), self._orNull),
  },
};

export class CfFormatProxy extends SimObject<CfTarget> {
  get _spec() {
    return CF_FORMAT_SPEC;
  }
}

const CF_FILL_SPEC: ObjectSpec<CfTarget> = {
  name: "ConditionalRangeFill",
  check: checkCf,
  props: {
    color: {
      get: (t) => t.cf.format.fill ?? null,
      set: (t, v) => {
        writable(t);
        t.cf.format.fill = normalizeColor(v, "format.fill.color");
      },
    },
  },
};

export class CfFillProxy extends SimObject<CfTarget> {
  get _spec() {
    return CF_FILL_SPEC;
  }
  clear(): void {
    this._enqueue("clear", [], () => {
      const t = this._resolve();
      writable(t);
      t.cf.format.fill = null;
    });
  }
}

const CF_FONT_SPEC: ObjectSpec<CfTarget> = {
  name: "ConditionalRangeFont",
  check: checkCf,
  props: {
    color: {
      get: (t) => t.cf.format.fontColor ?? null,
      set: (t, v) => {
        writable(t);
        t.cf.format.fontColor = normalizeColor(v, "format.font.color");
      },
    },
    bold: {
      get: (t) => t.cf.format.bold ?? null,
      set: (t, v) => {
        writable(t);
        t.cf.format.bold = typeof v === "boolean" ? v : fail("InvalidArgument", "font.bold must be a boolean");
      },
    },
    italic: {
      get: (t) => t.cf.format.italic ?? null,
      set: (t, v) => {
        writable(t);
        t.cf.format.italic = typeof v === "boolean" ? v : fail("InvalidArgument", "font.italic must be a boolean");
      },
    },
  },
};

export class CfFontProxy extends SimObject<CfTarget> {
  get _spec() {
    return CF_FONT_SPEC;
  }
}
