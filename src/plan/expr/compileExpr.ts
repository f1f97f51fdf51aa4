/**
 * The Excel back end of expr.ts: an expression as a formula template (no leading "="), with `{key}`
 * for same-row cells, to be rendered by formula.ts. Only functions that Excel 2016 and LibreOffice
 * both compute are emitted; every binary operation is parenthesised so precedence never differs.
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
 * inline (a table without helper columns still gets the whole rule).
 */
export function compileExpr(e: Expr, tables: CompileTables = {}, helpers: ReadonlySet<string> = NO_HELPERS): string {
  const compileExpr = (x: Expr): string => compileWith(x, tables, helpers);
  return compileWith(e, tables, helpers, compileExpr);
}

const NO_HELPERS: ReadonlySet<string> = new Set();

function compileWith(e: Expr, tables: CompileTables, helpers: ReadonlySet<string>, self?: (x: Expr) => string): string {
  const compileExpr = self ?? ((x: Expr): string => compileWith(x, tables, helpers));
  switch (e.op) {
    case "helper":
      return helpers.has(e.key) ? `{${e.key}}` : compileExpr(e.expr);
    case "countIf":
      return e.and?.length
        ? `COUNTIFS(${[{ range: e.range, value: e.value }, ...e.and].map((c) => `${c.range},${compileExpr(c.value)}`).join(",")})`
        : `COUNTIF(${e.range},${compileExpr(e.value)})`;
    case "countColumn":
      return `COUNTIF({${e.key}:col},${compileExpr(e.value)})`;
    case "ref":
      return `{${e.key}}`;
    case "name":
      return e.name;
    case "num":
      return numberLiteral(e.value);
    case "str":
      return `"${e.value.replace(/"/g, '""')}"`;
    case "bool":
      return e.value ? "TRUE" : "FALSE";
    case "if":
      return `IF(${compileExpr(e.cond)},${compileExpr(e.then)},${compileExpr(e.else)})`;
    case "and":
      return `AND(${e.args.map(compileExpr).join(",")})`;
    case "or":
      return `OR(${e.args.map(compileExpr).join(",")})`;
    case "not":
      return `NOT(${compileExpr(e.arg)})`;
    case "cmp":
      return `(${compileExpr(e.a)}${e.cmp}${compileExpr(e.b)})`;
    case "arith":
      return `(${compileExpr(e.a)}${e.arith}${compileExpr(e.b)})`;
    case "min":
      return `MIN(${e.args.map(compileExpr).join(",")})`;
    case "max":
      return `MAX(${e.args.map(compileExpr).join(",")})`;
    case "isNumber":
      return `ISNUMBER(${compileExpr(e.arg)})`;
    case "trim":
      return `TRIM(${compileExpr(e.arg)})`;
    case "len":
      return `LEN(${compileExpr(e.arg)})`;
    case "round":
      return `ROUND(${compileExpr(e.arg)},0)`;
    case "mid":
      return `MID(${compileExpr(e.arg)},${e.start},${e.count})`;
    case "concat":
      return `(${e.args.map(compileExpr).join("&")})`;
    case "contains":
      return `ISNUMBER(FIND(${compileExpr(e.needle)},${compileExpr(e.haystack)}))`;
    case "choose":
      return `CHOOSE(${[e.index, ...e.options].map(compileExpr).join(",")})`;
    case "countEq":
      return `SUMPRODUCT(--(TRIM(${e.range})=TRIM(${compileExpr(e.value)})))`;
    case "header":
      return `{^${e.key}}`;
    case "edate":
      return `EDATE(${compileExpr(e.date)},${e.months})`;
    case "date":
      return `DATE(${compileExpr(e.year)},${e.month},${e.day})`;
    case "inJoins": {
      const list = (items: readonly string[], sep: string): string => `{${items.map((w) => `"${w.replace(/"/g, '""')}"`).join(sep)}}`;
      const x = `TRIM(${compileExpr(e.arg)})`;
      return `(${e.joins.map((j) => `SUMPRODUCT(--(${x}=${list(j.first, ";")}&${list(j.second, ",")}))`).join("+")}>0)`;
    }
    case "countRows": {
      const t = tables[e.table];
      const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
      if (list.length === 0) return "0";
      const one = (table: TablePosition): string => `COUNTIFS(${e.where.map((w) => `${columnRef(table, w.key)},${compileExpr(w.value)}`).join(",")})`;
      return list.length === 1 ? one(list[0]) : `(${list.map(one).join("+")})`;
    }
  }
}

/** A number as a formula literal: plain decimal, never exponent notation. */
function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot write ${n} in a formula`);
  const s = String(n);
  if (!/e/i.test(s)) return n < 0 ? `(${s})` : s;
  const fixed = n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  return n < 0 ? `(${fixed})` : fixed;
}
