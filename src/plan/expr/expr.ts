/**
 * A tiny expression language for the rules that live both in the workbook (as formulas) and in the
 * engine (as TypeScript). One tree, two back ends: `evaluate` (evalExpr.ts) follows Excel's
 * semantics for exactly these operations, and `compileExpr` (compileExpr.ts) writes an Excel
 * formula that Excel 2016 and LibreOffice both compute.
 */

export type CmpOp = "=" | "<>" | "<" | "<=" | ">" | ">=";
export type ArithOp = "+" | "-" | "*" | "/";

export type Expr =
  /** The cell of column `key` in the same row (`{key}` in a template). */
  | { op: "ref"; key: string }
  /** A workbook name such as JP_AsOf: one cell, or a list range for `countEq`. */
  | { op: "name"; name: string }
  | { op: "num"; value: number }
  | { op: "str"; value: string }
  | { op: "bool"; value: boolean }
  | { op: "if"; cond: Expr; then: Expr; else: Expr }
  | { op: "and" | "or"; args: Expr[] }
  | { op: "not"; arg: Expr }
  | { op: "cmp"; cmp: CmpOp; a: Expr; b: Expr }
  | { op: "arith"; arith: ArithOp; a: Expr; b: Expr }
  | { op: "min" | "max"; args: Expr[] }
  | { op: "isNumber"; arg: Expr }
  /** TRIM: text of the value, outer spaces dropped and inner runs of spaces made one. */
  | { op: "trim"; arg: Expr }
  | { op: "len"; arg: Expr }
  /** ROUND(x, 0): to a whole number, halves away from zero. */
  | { op: "round"; arg: Expr }
  /** MID(text, start, count): `count` characters from the 1-based `start`. */
  | { op: "mid"; arg: Expr; start: number; count: number }
  /** `a&b&…` */
  | { op: "concat"; args: Expr[] }
  /** ISNUMBER(FIND(needle, haystack)): case-sensitive, no wildcards (unlike SEARCH in LibreOffice). */
  | { op: "contains"; needle: Expr; haystack: Expr }
  /** CHOOSE(index, options…) */
  | { op: "choose"; index: Expr; options: Expr[] }
  /** SUMPRODUCT(--(TRIM(range)=TRIM(value))): how many cells of a named range equal the value, space- and case-insensitively, with no wildcards (COUNTIF would treat * and ? as wildcards). */
  | { op: "countEq"; range: string; value: Expr }
  /**
   * COUNTIFS over another table's columns: rows where every `where` column equals its value.
   * Criteria are compared as COUNTIFS does for plain values (case-insensitive, no operators or
   * wildcards expected in the values: IDs and RAG words).
   */
  | { op: "countRows"; table: string; where: { key: string; value: Expr }[] }
  /**
   * COUNTIF(range, value) over a workbook name (a table column): how many cells equal the value as
   * a plain criterion (case ignored; numeric text matches numbers). Callers keep wildcard and
   * operator characters (* ? ~ < > =) away from it: COUNTIF reads them as patterns.
   */
  | { op: "countIf"; range: string; value: Expr; and?: { range: string; value: Expr }[] }
  /** COUNTIF({key:col}, value): how many cells of this table's column `key` equal the value (same criteria as countIf). */
  | { op: "countColumn"; key: string; value: Expr }
  /**
   * A part of a rule that a helper column computes once per row (`key` is that column): the RAG
   * formula reads the column where the table has it and computes `expr` inline where it does not;
   * the engine always evaluates `expr`. One description, so both give the same value.
   */
  | { op: "helper"; key: string; expr: Expr }
  /** The value cell of the header-block field `key` above the table (Period start, Year): one cell, absolute (`{^key}` in a template). */
  | { op: "header"; key: string }
  /** EDATE(date, months): the date `months` calendar months on, the day kept or the month's last day. */
  | { op: "edate"; date: Expr; months: number }
  /** DATE(year, month, day), the year a whole number (callers keep it within 1900..9999). */
  | { op: "date"; year: Expr; month: number; day: number }
  /**
   * Whether TRIM(arg) equals, ignoring case, some first&second of one of the joins:
   * SUMPRODUCT(--(TRIM(x)={first…}&{second…}))>0, a column of firsts against a row of seconds.
   */
  | { op: "inJoins"; arg: Expr; joins: readonly { first: readonly string[]; second: readonly string[] }[] };

export const ref = (key: string): Expr => ({ op: "ref", key });
export const name = (n: string): Expr => ({ op: "name", name: n });
export const num = (value: number): Expr => ({ op: "num", value });
export const str = (value: string): Expr => ({ op: "str", value });
export const TRUE: Expr = { op: "bool", value: true };
export const FALSE: Expr = { op: "bool", value: false };
export const iff = (cond: Expr, then: Expr, otherwise: Expr): Expr => ({ op: "if", cond, then, else: otherwise });
export const and = (...args: Expr[]): Expr => ({ op: "and", args });
export const or = (...args: Expr[]): Expr => ({ op: "or", args });
export const not = (arg: Expr): Expr => ({ op: "not", arg });
export const cmp = (op: CmpOp, a: Expr, b: Expr): Expr => ({ op: "cmp", cmp: op, a, b });
export const eq = (a: Expr, b: Expr): Expr => cmp("=", a, b);
export const lt = (a: Expr, b: Expr): Expr => cmp("<", a, b);
export const gt = (a: Expr, b: Expr): Expr => cmp(">", a, b);
export const ge = (a: Expr, b: Expr): Expr => cmp(">=", a, b);
export const le = (a: Expr, b: Expr): Expr => cmp("<=", a, b);
export const add = (a: Expr, b: Expr): Expr => ({ op: "arith", arith: "+", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: "arith", arith: "-", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ op: "arith", arith: "*", a, b });
export const div = (a: Expr, b: Expr): Expr => ({ op: "arith", arith: "/", a, b });
export const min = (...args: Expr[]): Expr => ({ op: "min", args });
export const max = (...args: Expr[]): Expr => ({ op: "max", args });
export const isNumber = (arg: Expr): Expr => ({ op: "isNumber", arg });
export const trim = (arg: Expr): Expr => ({ op: "trim", arg });
export const len = (arg: Expr): Expr => ({ op: "len", arg });
export const round = (arg: Expr): Expr => ({ op: "round", arg });
export const mid = (arg: Expr, start: number, count: number): Expr => ({ op: "mid", arg, start, count });
export const concat = (...args: Expr[]): Expr => ({ op: "concat", args });
export const contains = (haystack: Expr, needle: Expr): Expr => ({ op: "contains", needle, haystack });
export const choose = (index: Expr, ...options: Expr[]): Expr => ({ op: "choose", index, options });
export const countEq = (range: string, value: Expr): Expr => ({ op: "countEq", range, value });
export const countRows = (table: string, where: { key: string; value: Expr }[]): Expr => ({ op: "countRows", table, where });
export const countIf = (range: string, value: Expr, ...more: { range: string; value: Expr }[]): Expr => (more.length ? { op: "countIf", range, value, and: more } : { op: "countIf", range, value });
export const countColumn = (key: string, value: Expr): Expr => ({ op: "countColumn", key, value });
export const header = (key: string): Expr => ({ op: "header", key });
export const edate = (date: Expr, months: number): Expr => ({ op: "edate", date, months });
export const dateOf = (year: Expr, month: number, day: number): Expr => ({ op: "date", year, month, day });
export const inJoins = (arg: Expr, joins: Extract<Expr, { op: "inJoins" }>["joins"]): Expr => ({ op: "inJoins", arg, joins });
export const helper = (key: string, expr: Expr): Extract<Expr, { op: "helper" }> => ({ op: "helper", key, expr });

/** Blank for a planner: empty, or spaces only (LEN(TRIM(x))=0). */
export const isBlankText = (arg: Expr): Expr => eq(len(trim(arg)), num(0));
export const isFilled = (arg: Expr): Expr => gt(len(trim(arg)), num(0));
/** A list cell holding `value`: TRIM(x)="value" (Excel's = ignores case). */
export const isText = (arg: Expr, value: string): Expr => eq(trim(arg), str(value));
/** `a` when the guard holds, else FALSE: keeps a comparison away from cells that are not numbers. */
export const guarded = (guard: Expr, a: Expr): Expr => iff(guard, a, FALSE);

/** A row holds something when any of these cells does (blank template rows are not judged). */
export const rowInUse = (keys: string[]): Expr => gt(len(trim(concat(...keys.map(ref)))), num(0));

/** Column keys an expression reads in its row. */
export function refsOf(e: Expr, into: Set<string> = new Set()): Set<string> {
  walk(e, (n) => {
    if (n.op === "ref") into.add(n.key);
  });
  return into;
}

/** Workbook names an expression reads. */
export function namesOf(e: Expr, into: Set<string> = new Set()): Set<string> {
  walk(e, (n) => {
    if (n.op === "name") into.add(n.name);
    if (n.op === "countEq" || n.op === "countIf") into.add(n.range);
    if (n.op === "countIf") for (const c of n.and ?? []) into.add(c.range);
  });
  return into;
}

export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  for (const c of children(e)) walk(c, visit);
}

function children(e: Expr): Expr[] {
  switch (e.op) {
    case "if":
      return [e.cond, e.then, e.else];
    case "and":
    case "or":
    case "min":
    case "max":
    case "concat":
      return e.args;
    case "not":
    case "isNumber":
    case "trim":
    case "len":
    case "round":
    case "mid":
    case "inJoins":
      return [e.arg];
    case "edate":
      return [e.date];
    case "date":
      return [e.year];
    case "cmp":
    case "arith":
      return [e.a, e.b];
    case "contains":
      return [e.needle, e.haystack];
    case "choose":
      return [e.index, ...e.options];
    case "countEq":
    case "countColumn":
      return [e.value];
    case "countIf":
      return [e.value, ...(e.and ?? []).map((c) => c.value)];
    case "helper":
      return [e.expr];
    case "countRows":
      return e.where.map((w) => w.value);
    default:
      return [];
  }
}

/**
 * The tree a table with these helper columns computes: each `helper` node whose key is in `keys`
 * becomes a reference to its column (what compileExpr writes), the others stay inline. Tests
 * evaluate it to hold the split formulas equal to the whole rule.
 */
export function withHelperRefs(e: Expr, keys: ReadonlySet<string>): Expr {
  const m = (x: Expr): Expr => withHelperRefs(x, keys);
  switch (e.op) {
    case "helper":
      return keys.has(e.key) ? ref(e.key) : m(e.expr);
    case "if":
      return { ...e, cond: m(e.cond), then: m(e.then), else: m(e.else) };
    case "and":
    case "or":
    case "min":
    case "max":
    case "concat":
      return { ...e, args: e.args.map(m) };
    case "not":
    case "isNumber":
    case "trim":
    case "len":
    case "round":
    case "mid":
    case "inJoins":
      return { ...e, arg: m(e.arg) };
    case "edate":
      return { ...e, date: m(e.date) };
    case "date":
      return { ...e, year: m(e.year) };
    case "cmp":
    case "arith":
      return { ...e, a: m(e.a), b: m(e.b) };
    case "contains":
      return { ...e, needle: m(e.needle), haystack: m(e.haystack) };
    case "choose":
      return { ...e, index: m(e.index), options: e.options.map(m) };
    case "countEq":
    case "countColumn":
      return { ...e, value: m(e.value) };
    case "countIf":
      return e.and ? { ...e, value: m(e.value), and: e.and.map((c) => ({ range: c.range, value: m(c.value) })) } : { ...e, value: m(e.value) };
    case "countRows":
      return { ...e, where: e.where.map((w) => ({ key: w.key, value: m(w.value) })) };
    default:
      return e;
  }
}
