/**
 * The Excel back end of expr.ts: an expression as a formula template (no leading "="), with `{key}`
 * for same-row cells, to be rendered by formula.ts. Only functions that Excel 2016 and LibreOffice
 * both compute are emitted. Parentheses go only where Excel's (and LibreOffice's) operator precedence
 * needs them, and around the right operand of an operator of the same level, so every operation
 * keeps the order the tree gives it: a co-author's Excel or LibreOffice parses, stores and saves
 * every token of every formula on every row, and redundant parentheses were a sixth of them.
 */
import type { Expr } from "./expr";
import type { TablePosition } from "../model";
import { columnRef } from "./formula";

/** Other tables an expression counts in (`countRows`), by the alias the expression uses. */
export type CompileTables = Record<string, TablePosition | TablePosition[]>;

/**
 * `tables` maps a countRows alias to one table or several (a JAP per month): with several, the
 * counts are added up, one COUNTIFS per table. `helpers` names the helper columns the table has:
 * a `helper` node with one of those keys becomes a reference to its column, any other is compiled
 * inline (a table without helper columns still gets the whole rule). The result is a formula's whole
 * body: to use it as an operand, put it in parentheses.
 */
export function compileExpr(e: Expr, tables: CompileTables = {}, helpers: ReadonlySet<string> = NO_HELPERS): string {
  return compileWith(e, tables, helpers).text;
}

const NO_HELPERS: ReadonlySet<string> = new Set();

/**
 * How tightly a compiled expression binds, Excel's operator precedence from loosest: comparison,
 * "&", "+" and "-", "*" and "/"; a function call, reference or literal is an atom.
 */
const LEVEL = { cmp: 1, concat: 2, add: 3, mul: 4, atom: 9 } as const;
type Level = (typeof LEVEL)[keyof typeof LEVEL];
interface Compiled {
  text: string;
  level: Level;
}
const atom = (text: string): Compiled => ({ text, level: LEVEL.atom });
/** `c` as an operand that must bind tighter than `than` (or as tightly, where `orEqual`). */
const operand = (c: Compiled, than: Level, orEqual = false): string => (c.level < than || (orEqual && c.level === than) ? `(${c.text})` : c.text);

function compileWith(e: Expr, tables: CompileTables, helpers: ReadonlySet<string>): Compiled {
  const sub = (x: Expr): Compiled => compileWith(x, tables, helpers);
  // An argument of a function call, or an array's item: its commas and parentheses bound it.
  const compileExpr = (x: Expr): string => sub(x).text;
  switch (e.op) {
    case "helper":
      return helpers.has(e.key) ? atom(`{${e.key}}`) : sub(e.expr);
    case "countIf":
      return atom(
        e.and?.length
          ? `COUNTIFS(${[{ range: e.range, value: e.value }, ...e.and].map((c) => `${c.range},${compileExpr(c.value)}`).join(",")})`
          : `COUNTIF(${e.range},${compileExpr(e.value)})`,
      );
    case "countColumn":
      return atom(`COUNTIF({${e.key}:col},${compileExpr(e.value)})`);
    case "ref":
      return atom(`{${e.key}}`);
    case "name":
      return atom(e.name);
    case "num":
      return atom(numberLiteral(e.value));
    case "str":
      return atom(`"${e.value.replace(/"/g, '""')}"`);
    case "bool":
      return atom(e.value ? "TRUE" : "FALSE");
    case "if":
      return atom(`IF(${compileExpr(e.cond)},${compileExpr(e.then)},${compileExpr(e.else)})`);
    case "and":
      return atom(`AND(${e.args.map(compileExpr).join(",")})`);
    case "or":
      return atom(`OR(${e.args.map(compileExpr).join(",")})`);
    case "not":
      return atom(`NOT(${compileExpr(e.arg)})`);
    case "cmp":
      return { text: `${operand(sub(e.a), LEVEL.cmp, true)}${e.cmp}${operand(sub(e.b), LEVEL.cmp, true)}`, level: LEVEL.cmp };
    case "arith": {
      const level = e.arith === "+" || e.arith === "-" ? LEVEL.add : LEVEL.mul;
      return { text: `${operand(sub(e.a), level)}${e.arith}${operand(sub(e.b), level, true)}`, level };
    }
    case "min":
      return atom(`MIN(${e.args.map(compileExpr).join(",")})`);
    case "max":
      return atom(`MAX(${e.args.map(compileExpr).join(",")})`);
    case "isNumber":
      return atom(`ISNUMBER(${compileExpr(e.arg)})`);
    case "trim":
      return atom(`TRIM(${compileExpr(e.arg)})`);
    case "len":
      return atom(`LEN(${compileExpr(e.arg)})`);
    case "round":
      return atom(`ROUND(${compileExpr(e.arg)},0)`);
    case "mid":
      return atom(`MID(${compileExpr(e.arg)},${e.start},${e.count})`);
    case "concat":
      // "&" is associative: a nested concatenation needs no parentheses, and adjacent literals are one.
      return { text: concatParts(e.args).map((a) => operand(sub(a), LEVEL.concat)).join("&"), level: LEVEL.concat };
    case "contains":
      return atom(`ISNUMBER(FIND(${compileExpr(e.needle)},${compileExpr(e.haystack)}))`);
    case "choose":
      return atom(`CHOOSE(${[e.index, ...e.options].map(compileExpr).join(",")})`);
    case "countEq":
      return atom(`SUMPRODUCT(--(TRIM(${e.range})=TRIM(${compileExpr(e.value)})))`);
    case "header":
      return atom(`{^${e.key}}`);
    case "edate":
      return atom(`EDATE(${compileExpr(e.date)},${e.months})`);
    case "date":
      return atom(`DATE(${compileExpr(e.year)},${e.month},${e.day})`);
    case "inJoins": {
      const list = (items: readonly string[], sep: string): string => `{${items.map((w) => `"${w.replace(/"/g, '""')}"`).join(sep)}}`;
      const x = `TRIM(${compileExpr(e.arg)})`;
      return { text: `${e.joins.map((j) => `SUMPRODUCT(--(${x}=${list(j.first, ";")}&${list(j.second, ",")}))`).join("+")}>0`, level: LEVEL.cmp };
    }
    case "countRows": {
      const t = tables[e.table];
      const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
      if (list.length === 0) return atom("0");
      const one = (table: TablePosition): string => `COUNTIFS(${e.where.map((w) => `${columnRef(table, w.key)},${compileExpr(w.value)}`).join(",")})`;
      return list.length === 1 ? atom(one(list[0])) : { text: list.map(one).join("+"), level: LEVEL.add };
    }
  }
}

/** A concatenation's operands, nested concatenations flattened and adjacent string literals joined. */
function concatParts(args: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  for (const a of args.flatMap((x) => (x.op === "concat" ? concatParts(x.args) : [x]))) {
    const last = out[out.length - 1];
    if (a.op === "str" && last?.op === "str") out[out.length - 1] = { op: "str", value: last.value + a.value };
    else out.push(a);
  }
  return out;
}

/** A number as a formula literal: plain decimal, never exponent notation. */
function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot write ${n} in a formula`);
  const s = String(n);
  if (!/e/i.test(s)) return n < 0 ? `(${s})` : s;
  const fixed = n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  return n < 0 ? `(${fixed})` : fixed;
}
