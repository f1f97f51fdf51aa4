/**
 * The TypeScript back end of expr.ts: evaluates a rule the way Excel and LibreOffice compute its
 * compiled formula. Only the semantics the rules rely on are modelled:
 * - a blank cell is 0 next to a number, "" next to text, FALSE next to a boolean;
 * - comparing different types orders number < text < boolean; text compares ignore case;
 * - number comparisons and +/- use the spreadsheets' tolerance (2^-48 relative), so 0.7-0.5 > 0.2
 *   is FALSE in both;
 * - arithmetic on text is #VALUE!, division by zero is #DIV/0!, errors propagate; IF evaluates only
 *   the branch it takes, AND/OR evaluate every argument (so guards belong in IF, not AND).
 * Trees are compiled once to closures (cached), so evaluating 10,000 rows stays cheap.
 */
import type { CmpOp, Expr } from "./expr";
import { addMonths, type CellError, type CellValue, isErrorCell as modelIsErrorCell, serialFromYmd } from "../model";

// Bound once: every closure below calls it, and a CommonJS build (Jest, the command line) reads an
// import from another room's index.ts through a getter on each call.
const isErrorCell = modelIsErrorCell;

export type XValue = CellValue;

export interface EvalEnv {
  /** Cells of the row by column key; missing keys are blank. */
  row: Record<string, CellValue | undefined>;
  /** Workbook names: a single value, or the cells of a list range. */
  names: Record<string, CellValue | CellValue[] | undefined>;
  /** This table's columns for `countColumn`, by key (each data cell, top to bottom). */
  columns?: Record<string, CellValue[]>;
  /** Rows of other tables for `countRows`, by alias (several JAPs are simply one longer list). */
  tables?: Record<string, Record<string, CellValue | undefined>[]>;
  /** The header-block cells above the table (`header`), by field key; missing keys are blank. */
  header?: Record<string, CellValue | undefined>;
  /**
   * Each helper's value for the current row, kept the first time a rule asks for it (a helper column's
   * cell, computed once, as the sheet does). Whoever sets `row` to another row clears it.
   */
  helpers?: Map<Expr, XValue>;
}

type Fn = (env: EvalEnv) => XValue;

const VALUE: CellError = { error: "#VALUE!" };
const DIV0: CellError = { error: "#DIV/0!" };
const NAME: CellError = { error: "#NAME?" };
const NUM: CellError = { error: "#NUM!" };

const E48 = 1 / 2 ** 48;
/** rtl::math::approxEqual as LibreOffice has it (Excel behaves alike for these sizes). */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  return Math.abs(a - b) < Math.abs(a) * E48;
}

function approxSub(a: number, b: number): number {
  if (((a < 0 && b < 0) || (a > 0 && b > 0)) && approxEqual(a, b)) return 0;
  return a - b;
}

function approxAdd(a: number, b: number): number {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && approxEqual(a, -b)) return 0;
  return a + b;
}

/** Text of a value as TRIM, LEN and & see it (numbers in General format, up to 15 digits). */
export function toText(v: XValue): string | CellError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return v;
}

export function excelTrim(s: string): string {
  // Most cells need nothing: skip the regular expressions then.
  if (s === "" || (s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32 && !s.includes("  "))) return s;
  return s.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

function toNumber(v: XValue): number | CellError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return VALUE;
  return v;
}

function toBool(v: XValue): boolean | CellError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return VALUE;
  return v;
}

const typeRank = (v: number | string | boolean): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

/** -1, 0 or 1 as Excel orders two values, or an error. */
export function compareValues(a: XValue, b: XValue): number | CellError {
  if (isErrorCell(a)) return a;
  if (isErrorCell(b)) return b;
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const ra = typeRank(a as number | string | boolean);
  const rb = typeRank(b as number | string | boolean);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === "number") {
    const nb = b as number;
    return approxEqual(a, nb) ? 0 : a < nb ? -1 : 1;
  }
  if (typeof a === "string") {
    if (a === b) return 0;
    const x = lower(a);
    const y = lower(b as string);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a ? 1 : -1;
}

/**
 * Lower case of a cell's text, remembered: list cells (statuses, directions, RAG words) repeat on
 * every row, and each rule compares them again. The memo is bounded (cleared when full).
 */
const lowerMemo = new Map<string, string>();
function lower(s: string): string {
  let l = lowerMemo.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lowerMemo.size >= 4096) lowerMemo.clear();
    lowerMemo.set(s, l);
  }
  return l;
}

/** Whether the text of a value as TRIM sees it keeps any character, i.e. LEN(TRIM(v))>0, without building the text. */
function hasText(v: XValue): boolean {
  if (v === null) return false;
  // Numbers and booleans always print as something ("0", "TRUE").
  if (typeof v !== "string") return true;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) !== 32) return true;
  return false;
}

/**
 * LEN(TRIM(x))>0 of an expression, as a function of the row: TRUE, FALSE or x's error. For
 * x = a&b&…, the first error among the parts, else whether any part has text (TRIM only removes
 * spaces, so the joined text keeps a character exactly when some part does).
 */
function filledFn(x: Expr): (env: EvalEnv) => boolean | CellError {
  if (x.op === "concat") {
    const parts = x.args.map(compiled);
    return (env) => {
      let found = false;
      for (const p of parts) {
        const v = p(env);
        if (isErrorCell(v)) return v;
        if (!found) found = hasText(v);
      }
      return found;
    };
  }
  const a = compiled(x);
  return (env) => {
    const v = a(env);
    return isErrorCell(v) ? v : hasText(v);
  };
}

/** A comparison's truth from `c` (-1, 0 or 1) by the operator. */
function byCmp(op: CmpOp, c: number): boolean {
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    default:
      return c >= 0;
  }
}

/**
 * Shortcuts for the comparisons every row repeats, each giving exactly what the general comparison
 * gives (test/plan/evalExpr.test.ts and the property tests hold them to it):
 * - LEN(TRIM(x)) against 0 (isFilled, isBlankText, the row-in-use test): no text is built;
 * - TRIM(x)="word" (a list cell against a list value): the word's lower case is taken once.
 */
function cmpShortcut(e: Extract<Expr, { op: "cmp" }>): Fn | null {
  const { a, b, cmp: op } = e;
  if (a.op === "len" && a.arg.op === "trim" && b.op === "num" && b.value === 0) {
    const filled = filledFn(a.arg.arg);
    // LEN is never negative: LEN>0 and LEN<>0 mean "has text"; LEN=0 and LEN<=0 mean none.
    if (op === ">" || op === "<>") return filled;
    if (op === "=" || op === "<=") {
      return (env) => {
        const f = filled(env);
        return isErrorCell(f) ? f : !f;
      };
    }
    return null;
  }
  if (a.op === "trim" && b.op === "str" && (op === "=" || op === "<>")) {
    const x = compiled(a.arg);
    const word = b.value;
    const wordLower = word.toLowerCase();
    const isEq = op === "=";
    return (env) => {
      const s = toText(x(env));
      if (isErrorCell(s)) return s;
      const t = excelTrim(s);
      return (t === word || lower(t) === wordLower) === isEq;
    };
  }
  return null;
}

const cache = new WeakMap<Expr, Fn>();

/** Evaluates an expression for one row. */
export function evaluate(e: Expr, env: EvalEnv): XValue {
  return compiled(e)(env);
}

/** A rule as a function of its row, compiled once. */
export function compiled(e: Expr): Fn {
  let fn = cache.get(e);
  if (!fn) {
    fn = build(e);
    cache.set(e, fn);
  }
  return fn;
}

function build(e: Expr): Fn {
  switch (e.op) {
    case "ref": {
      const key = e.key;
      return (env) => env.row[key] ?? null;
    }
    case "name": {
      const n = e.name;
      return (env) => {
        const v = env.names[n];
        if (v === undefined) return NAME;
        return Array.isArray(v) ? VALUE : v;
      };
    }
    case "num":
    case "str":
    case "bool": {
      const v = e.value;
      return () => v;
    }
    case "if": {
      const c = compiled(e.cond);
      const t = compiled(e.then);
      const f = compiled(e.else);
      return (env) => {
        const b = toBool(c(env));
        if (isErrorCell(b)) return b;
        return b ? t(env) : f(env);
      };
    }
    case "and":
    case "or": {
      const args = e.args.map(compiled);
      const isAnd = e.op === "and";
      return (env) => {
        let acc = isAnd;
        for (const a of args) {
          const v = a(env);
          if (v === null) continue;
          const b = toBool(v);
          if (isErrorCell(b)) return b;
          acc = isAnd ? acc && b : acc || b;
        }
        return acc;
      };
    }
    case "not": {
      const a = compiled(e.arg);
      return (env) => {
        const b = toBool(a(env));
        return isErrorCell(b) ? b : !b;
      };
    }
    case "cmp": {
      const shortcut = cmpShortcut(e);
      if (shortcut) return shortcut;
      const a = compiled(e.a);
      const b = compiled(e.b);
      const op = e.cmp;
      return (env) => {
        const c = compareValues(a(env), b(env));
        return isErrorCell(c) ? c : byCmp(op, c);
      };
    }
    case "arith": {
      const a = compiled(e.a);
      const b = compiled(e.b);
      const op = e.arith;
      return (env) => {
        const x = toNumber(a(env));
        if (isErrorCell(x)) return x;
        const y = toNumber(b(env));
        if (isErrorCell(y)) return y;
        switch (op) {
          case "+":
            return approxAdd(x, y);
          case "-":
            return approxSub(x, y);
          case "*":
            return x * y;
          default:
            return y === 0 ? DIV0 : x / y;
        }
      };
    }
    case "min":
    case "max": {
      const args = e.args.map(compiled);
      const isMin = e.op === "min";
      return (env) => {
        let acc: number | null = null;
        for (const a of args) {
          const v = a(env);
          if (v === null) continue;
          const n = toNumber(v);
          if (isErrorCell(n)) return n;
          acc = acc === null ? n : isMin ? Math.min(acc, n) : Math.max(acc, n);
        }
        return acc ?? 0;
      };
    }
    case "isNumber": {
      const a = compiled(e.arg);
      return (env) => typeof a(env) === "number";
    }
    case "trim": {
      const a = compiled(e.arg);
      return (env) => {
        const s = toText(a(env));
        return isErrorCell(s) ? s : excelTrim(s);
      };
    }
    case "len": {
      const a = compiled(e.arg);
      return (env) => {
        const s = toText(a(env));
        return isErrorCell(s) ? s : s.length;
      };
    }
    case "round": {
      const a = compiled(e.arg);
      return (env) => {
        const n = toNumber(a(env));
        if (isErrorCell(n)) return n;
        // Halves away from zero, as ROUND does (Math.round takes -2.5 to -2); no negative zero.
        const r = Math.sign(n) * Math.round(Math.abs(n) + E48 * Math.abs(n));
        return r === 0 ? 0 : r;
      };
    }
    case "mid": {
      const a = compiled(e.arg);
      const start = e.start;
      const count = e.count;
      return (env) => {
        const s = toText(a(env));
        return isErrorCell(s) ? s : s.slice(start - 1, start - 1 + count);
      };
    }
    case "concat": {
      const args = e.args.map(compiled);
      return (env) => {
        let out = "";
        for (const a of args) {
          const s = toText(a(env));
          if (isErrorCell(s)) return s;
          out += s;
        }
        return out;
      };
    }
    case "contains": {
      const n = compiled(e.needle);
      const h = compiled(e.haystack);
      // ISNUMBER(FIND(…)): an error anywhere is simply "not found".
      return (env) => {
        const needle = toText(n(env));
        const hay = toText(h(env));
        if (isErrorCell(needle) || isErrorCell(hay)) return false;
        return hay.includes(needle);
      };
    }
    case "choose": {
      const idx = compiled(e.index);
      const options = e.options.map(compiled);
      return (env) => {
        const n = toNumber(idx(env));
        if (isErrorCell(n)) return n;
        const i = Math.trunc(n);
        if (i < 1 || i > options.length) return VALUE;
        return options[i - 1](env);
      };
    }
    case "countEq": {
      const range = e.range;
      const value = compiled(e.value);
      return (env) => {
        const cells = env.names[range];
        if (cells === undefined) return NAME;
        const v = toText(value(env));
        if (isErrorCell(v)) return v;
        const want = excelTrim(v).toLowerCase();
        let n = 0;
        for (const cell of Array.isArray(cells) ? cells : [cells]) {
          const s = toText(cell);
          if (isErrorCell(s)) return s;
          if (excelTrim(s).toLowerCase() === want) n++;
        }
        return n;
      };
    }
    case "helper": {
      const f = compiled(e.expr);
      return (env) => {
        const memo = env.helpers;
        if (memo === undefined) return f(env);
        const kept = memo.get(e);
        if (kept !== undefined || memo.has(e)) return kept as XValue;
        const v = f(env);
        memo.set(e, v);
        return v;
      };
    }
    case "header": {
      const key = e.key;
      return (env) => env.header?.[key] ?? null;
    }
    case "edate": {
      const d = compiled(e.date);
      const months = e.months;
      return (env) => {
        const n = toNumber(d(env));
        if (isErrorCell(n)) return n;
        return (n >= 1 ? addMonths(Math.floor(n), months) : null) ?? NUM;
      };
    }
    case "date": {
      const y = compiled(e.year);
      const { month, day } = e;
      return (env) => {
        const n = toNumber(y(env));
        if (isErrorCell(n)) return n;
        return serialFromYmd(Math.trunc(n), month, day) ?? NUM;
      };
    }
    case "inJoins": {
      const a = compiled(e.arg);
      const words = new Set(e.joins.flatMap((j) => j.first.flatMap((f) => j.second.map((w) => (f + w).toLowerCase()))));
      return (env) => {
        const s = toText(a(env));
        return isErrorCell(s) ? s : words.has(excelTrim(s).toLowerCase());
      };
    }
    case "countIf": {
      const criteria = [{ range: e.range, value: compiled(e.value) }, ...(e.and ?? []).map((c) => ({ range: c.range, value: compiled(c.value) }))];
      return (env) => {
        const lists: CellValue[][] = [];
        const wants: XValue[] = [];
        for (const c of criteria) {
          const cells = env.names[c.range];
          if (cells === undefined) return NAME;
          const want = c.value(env);
          if (isErrorCell(want)) return want;
          lists.push(Array.isArray(cells) ? cells : [cells]);
          wants.push(want);
        }
        // COUNTIFS wants ranges of one size; the names over one table's columns always are.
        if (lists.some((l) => l.length !== lists[0].length)) return VALUE;
        let n = 0;
        for (let i = 0; i < lists[0].length; i++) if (wants.every((w, j) => countifMatches(lists[j][i], w))) n++;
        return n;
      };
    }
    case "countColumn": {
      const key = e.key;
      const value = compiled(e.value);
      return (env) => {
        const want = value(env);
        if (isErrorCell(want)) return want;
        let n = 0;
        for (const cell of env.columns?.[key] ?? []) if (countifMatches(cell, want)) n++;
        return n;
      };
    }
    case "countRows": {
      const table = e.table;
      const where = e.where.map((w) => ({ key: w.key, value: compiled(w.value) }));
      return (env) => {
        const rows = env.tables?.[table] ?? [];
        const wants: XValue[] = [];
        for (const w of where) {
          const v = w.value(env);
          if (isErrorCell(v)) return v;
          wants.push(v);
        }
        let n = 0;
        for (const r of rows) if (where.every((w, i) => criterionMatches(r[w.key] ?? null, wants[i]))) n++;
        return n;
      };
    }
  }
}

/** COUNTIF's plain criterion: a blank one counts blank cells, else as criterionMatches. */
function countifMatches(cell: XValue, want: XValue): boolean {
  if (want === null || want === "") return cell === null || cell === "";
  return criterionMatches(cell, want);
}

/** COUNTIFS with a plain criterion: numbers by value (numeric text too), text ignoring case. */
function criterionMatches(cell: XValue, want: XValue): boolean {
  if (isErrorCell(cell) || want === null) return false;
  if (typeof want === "number" || (typeof want === "string" && want.trim() !== "" && Number.isFinite(Number(want)))) {
    const n = Number(want);
    return typeof cell === "number" ? cell === n : typeof cell === "string" && cell.toLowerCase() === String(want).toLowerCase();
  }
  if (typeof want === "boolean") return cell === want;
  return typeof cell === "string" && typeof want === "string" && cell.toLowerCase() === want.toLowerCase();
}

/** A condition's truth as a conditional format sees it: only TRUE (or a non-zero number) marks. */
export function isTrue(v: XValue): boolean {
  return v === true || (typeof v === "number" && v !== 0);
}
