/**
 * Data validation, stored as areas (rectangle + record) like Excel's sqref lists. Excel rejects a
 * rule on a range whose cells carry different validations (InvalidArgument; see
 * OfficeDev/office-js#2594); the sim also rejects replacing an existing, different rule without
 * `clear()` first, which is what the Office samples do, so code that passes here works in Excel.
 */
import { formatAddress, type Rect } from "./address";
import { fail } from "./errors";
import { checkFormulaLimits } from "./formulaLimits";
import { checkValidationNames } from "./formulaNames";
import { assertUnprotected, requireApi, type SheetModel, type ValidationRecord, type WorkbookModel } from "./model";
import { SimObject, sameContext, type ObjectSpec } from "./proxy";
import type { RangeProxy, RangeTarget } from "./range";
import { covers, intersect, subtract } from "./rects";

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
const TYPE_OF: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};
const ALERT_STYLES = ["Stop", "Warning", "Information"];

const defaults = (): ValidationRecord => ({
  rule: null,
  prompt: { showPrompt: true, title: "", message: "" },
  errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  ignoreBlanks: true,
});

function isRange(v: unknown): v is RangeProxy {
  return v instanceof Object && typeof (v as RangeProxy)._resolve === "function";
}

function formulaArg(v: unknown, what: string): string | number {
  if (isRange(v)) {
    const t = v._resolve();
    return `=${formatAddress(t.sheet.name, t.rect, true)}`;
  }
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "") {
    checkFormulaLimits(v, what);
    return v;
  }
  return fail("InvalidArgument", `${what} must be a number, a date or formula string, or a Range`);
}

/** Checks a DataValidationRule and returns it in the form Excel reports back. */
export function normalizeRule(rule: unknown, wb?: WorkbookModel): Record<string, unknown> {
  const out = normalizeShape(rule);
  if (wb) {
    const kind = Object.keys(out)[0];
    const body = out[kind] as Record<string, unknown>;
    for (const key of ["source", "formula", "formula1", "formula2"]) {
      if (typeof body[key] === "string") checkValidationNames(wb, body[key] as string, kind === "list" ? "ListDataValidation.source" : `${kind}.${key}`);
    }
  }
  return out;
}

function normalizeShape(rule: unknown): Record<string, unknown> {
  if (!rule || typeof rule !== "object") return fail("InvalidArgument", "a rule must be an object");
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] != null);
  if (keys.length !== 1) fail("InvalidArgument", `a rule needs exactly one of ${Object.keys(TYPE_OF).join(", ")}; got ${keys.join(", ") || "none"}`);
  const kind = keys[0];
  const body = (rule as Record<string, any>)[kind];
  if (!TYPE_OF[kind] || typeof body !== "object") return fail("InvalidArgument", `'${kind}' is not a data validation rule type`);
  if (kind === "list") {
    let source = body.source;
    if (isRange(source)) {
      const t = source._resolve();
      if (t.rect.r0 !== t.rect.r1 && t.rect.c0 !== t.rect.c1) fail("InvalidArgument", "a list source range must be a single row or column");
      source = `=${formatAddress(t.sheet.name, t.rect, true)}`;
    }
    if (typeof source !== "string" || source.trim() === "") fail("InvalidArgument", "list.source must be a non-empty string or a Range");
    if (source.length > 255) fail("InvalidArgument", `list.source is ${source.length} characters; Excel allows 255`);
    return { list: { inCellDropDown: body.inCellDropDown ?? true, source } };
  }
  if (kind === "custom") {
    if (typeof body.formula !== "string" || body.formula.trim() === "") fail("InvalidArgument", "custom.formula must be a formula string");
    checkFormulaLimits(body.formula, "custom.formula");
    return { custom: { formula: body.formula } };
  }
  if (!OPERATORS.includes(body.operator)) fail("InvalidArgument", `${kind}.operator must be one of ${OPERATORS.join(", ")}`);
  const out: Record<string, unknown> = { operator: body.operator, formula1: formulaArg(body.formula1, `${kind}.formula1`) };
  if (body.operator === "Between" || body.operator === "NotBetween") out.formula2 = formulaArg(body.formula2, `${kind}.formula2`);
  return { [kind]: out };
}

/** The distinct records over rect and whether they cover all of it. */
export function recordsIn(sheet: SheetModel, rect: Rect): { records: ValidationRecord[]; covered: boolean } {
  const hits = sheet.validations.filter((a) => intersect(a.rect, rect));
  const records = [...new Set(hits.map((a) => a.rec))];
  return { records, covered: covers(hits.map((a) => a.rect), rect) };
}

/** Applies `change` to the validation of every cell of rect, keeping one record per former record. */
function updateRegion(sheet: SheetModel, rect: Rect, change: (rec: ValidationRecord) => ValidationRecord): void {
  const replaced = new Map<ValidationRecord, ValidationRecord>();
  const next: typeof sheet.validations = [];
  const inside: Rect[] = [];
  for (const a of sheet.validations) {
    const i = intersect(a.rect, rect);
    if (!i) {
      next.push(a);
      continue;
    }
    for (const rest of subtract(a.rect, rect)) next.push({ rect: rest, rec: a.rec });
    if (!replaced.has(a.rec)) replaced.set(a.rec, change(structuredCopy(a.rec)));
    next.push({ rect: i, rec: replaced.get(a.rec)! });
    inside.push(i);
  }
  let uncovered = [rect];
  for (const r of inside) uncovered = uncovered.flatMap((u) => subtract(u, r));
  if (uncovered.length) {
    const rec = change(defaults());
    for (const u of uncovered) next.push({ rect: u, rec });
  }
  sheet.validations = next;
}

function structuredCopy(rec: ValidationRecord): ValidationRecord {
  return JSON.parse(JSON.stringify(rec)) as ValidationRecord;
}

export function clearValidation(sheet: SheetModel, rect: Rect): void {
  sheet.validations = sheet.validations.flatMap((a) => subtract(a.rect, rect).map((r) => ({ rect: r, rec: a.rec })));
}

function topLeft(t: RangeTarget): ValidationRecord {
  const cell = { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c0 };
  return t.sheet.validations.find((a) => intersect(a.rect, cell))?.rec ?? defaults();
}

function text(v: unknown, max: number, what: string): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") return fail("InvalidArgument", `${what} must be a string`);
  if (v.length > max) fail("InvalidArgument", `${what} is ${v.length} characters; Excel allows ${max}`);
  return v;
}

function guard(t: RangeTarget, self: SimObject<any>, what: string): void {
  requireApi(self._ctx._host.wb, "1.8", "DataValidation");
  assertUnprotected(t.sheet, what);
}

const SPEC: ObjectSpec<RangeTarget> = {
  name: "DataValidation",
  check: (t) => {
    if (t.sheet.deleted) fail("ItemNotFound", "the sheet was deleted");
  },
  props: {
    rule: {
      get: (t) => {
        const { records, covered } = recordsIn(t.sheet, t.rect);
        if (records.length > 1 || (records.length === 1 && !covered)) return null;
        return JSON.parse(JSON.stringify(records[0]?.rule ?? {}));
      },
      set: (t, v, self) => {
        guard(t, self, "setting a data validation rule");
        if (v && typeof v === "object") for (const body of Object.values(v as Record<string, unknown>)) if (body && typeof body === "object") for (const x of Object.values(body)) sameContext(self, x);
        const rule = normalizeRule(v, self._ctx._host.wb);
        const { records, covered } = recordsIn(t.sheet, t.rect);
        if (records.length > 1 || (records.length === 1 && !covered)) {
          fail("InvalidArgument", "the range has different data validations in different cells; clear() it first");
        }
        const existing = records[0]?.rule;
        if (existing && JSON.stringify(existing) !== JSON.stringify(rule)) {
          fail("InvalidArgument", "the range already has a different data validation rule; call dataValidation.clear() first");
        }
        updateRegion(t.sheet, t.rect, (rec) => ({ ...rec, rule }));
      },
    },
    type: {
      get: (t) => {
        const { records, covered } = recordsIn(t.sheet, t.rect);
        if (records.length === 0) return "None";
        if (records.length > 1 || !covered) return "Inconsistent";
        const rule = records[0].rule;
        return rule ? TYPE_OF[Object.keys(rule)[0]] : "None";
      },
    },
    prompt: {
      get: (t) => ({ ...topLeft(t).prompt }),
      set: (t, v, self) => {
        guard(t, self, "setting a validation prompt");
        if (!v || typeof v !== "object") fail("InvalidArgument", "prompt must be an object");
        const p = {
          showPrompt: v.showPrompt ?? true,
          title: text(v.title, 32, "prompt.title"),
          message: text(v.message, 255, "prompt.message"),
        };
        updateRegion(t.sheet, t.rect, (rec) => ({ ...rec, prompt: p }));
      },
    },
    errorAlert: {
      get: (t) => ({ ...topLeft(t).errorAlert }),
      set: (t, v, self) => {
        guard(t, self, "setting a validation error alert");
        if (!v || typeof v !== "object") fail("InvalidArgument", "errorAlert must be an object");
        const style = v.style ?? "Stop";
        if (!ALERT_STYLES.includes(style)) fail("InvalidArgument", `errorAlert.style must be one of ${ALERT_STYLES.join(", ")}`);
        const e = {
          showAlert: v.showAlert ?? true,
          style,
          title: text(v.title, 32, "errorAlert.title"),
          message: text(v.message, 225, "errorAlert.message"),
        };
        updateRegion(t.sheet, t.rect, (rec) => ({ ...rec, errorAlert: e }));
      },
    },
    ignoreBlanks: {
      get: (t) => topLeft(t).ignoreBlanks,
      set: (t, v, self) => {
        guard(t, self, "setting ignoreBlanks");
        if (typeof v !== "boolean") fail("InvalidArgument", "ignoreBlanks must be a boolean");
        updateRegion(t.sheet, t.rect, (rec) => ({ ...rec, ignoreBlanks: v }));
      },
    },
  },
};

export class DataValidationProxy extends SimObject<RangeTarget> {
  get _spec() {
    return SPEC;
  }
  clear(): void {
    this._enqueue("clear", [], () => {
      const t = this._resolve();
      guard(t, this, "clearing data validation");
      clearValidation(t.sheet, t.rect);
    });
  }
}
