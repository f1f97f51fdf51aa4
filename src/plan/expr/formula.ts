/**
 * Formula templates rendered for a table position, and the checks every formula we write must
 * pass (Excel's limits, functions both Excel 2016 and LibreOffice compute).
 *
 * Placeholders (outside string literals):
 *   {key}            same-row cell of column `key`, column absolute:      $H5
 *   {key:col}        the data cells of column `key`:                      $H$5:$H$204
 *   {row}            the 1-based row number:                              5
 *   {table.key:col}  a column of another table in `ctx.tables`:           'JAP 2026-03'!$H$5:$H$204
 *   {table.key}      that table's cell in the same sheet row (rarely useful, kept for symmetry)
 * Unknown placeholders are left as they are, so a writer can tell a template it cannot complete.
 */
import { columnLetters, firstDataRow, quoteSheet, type TablePosition } from "../model";

export interface RenderContext {
  /** The table the formula stands in; references to its own sheet stay unqualified. */
  table: TablePosition;
  /** 0-based sheet row the formula is for. */
  row: number;
  /** Other tables a template may name as {alias.key:col}. */
  tables?: Record<string, TablePosition>;
  /** The header-block value cells above the table (0-based), for `{^key}`. */
  header?: Record<string, { row: number; col: number }>;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?(:col)?\}/g;
const HEADER_PLACEHOLDER = /\{\^([A-Za-z][A-Za-z0-9_]*)\}/g;

export function renderTemplate(template: string, ctx: RenderContext): string {
  return mapOutsideStrings(template, (code) =>
    code.replace(HEADER_PLACEHOLDER, (whole, key: string) => {
      const at = ctx.header?.[key];
      return at ? `$${columnLetters(at.col)}$${at.row + 1}` : whole;
    }).replace(PLACEHOLDER, (whole, first: string, second: string | undefined, colSuffix: string | undefined) => {
      if (second === undefined) {
        if (first === "row" && !colSuffix) return String(ctx.row + 1);
        const c = ctx.table.columns[first];
        if (c === undefined) return whole;
        return colSuffix ? columnRange(c, ctx.table) : `$${columnLetters(c)}${ctx.row + 1}`;
      }
      const table = ctx.tables?.[first];
      const c = table?.columns[second];
      if (!table || c === undefined) return whole;
      const prefix = table.sheet === ctx.table.sheet ? "" : `${quoteSheet(table.sheet)}!`;
      return prefix + (colSuffix ? columnRange(c, table) : `$${columnLetters(c)}${ctx.row + 1}`);
    }),
  );
}

/**
 * The characters that make Excel want a column header in double brackets in a structured reference
 * ("Using structured references with Excel tables", Structured reference syntax rules:
 * https://support.microsoft.com/office/f5ed2452-2337-4f71-bed3-c8ae6d2b276e); a space alone does not.
 */
const SPECIAL_IN_HEADER = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

/**
 * A table column's data cells: `JP_Actions[RAG]` when the position is a known Excel table (the
 * structured reference follows the table as it grows), else `'Sheet name'!$H$5:$H$204`, absolute
 * and sheet-qualified.
 */
export function columnRef(table: TablePosition, key: string): string {
  const c = table.columns[key];
  if (c === undefined) throw new Error(`Table on '${table.sheet}' has no column '${key}'`);
  const header = table.excelTable?.headers[key];
  if (table.excelTable && header !== undefined) {
    const escaped = header.replace(/['[\]#]/g, (ch) => `'${ch}`);
    // Excel's formula bar takes a header with one of these characters only in a second pair of brackets (Table[[calc: counted]]).
    return SPECIAL_IN_HEADER.test(header) ? `${table.excelTable.name}[[${escaped}]]` : `${table.excelTable.name}[${escaped}]`;
  }
  return `${quoteSheet(table.sheet)}!${columnRange(c, table)}`;
}

/** A column's data cells, absolute: at least the first data row when the table has none. */
function columnRange(col: number, table: TablePosition): string {
  const c = columnLetters(col);
  const first = firstDataRow(table);
  return `$${c}$${first + 1}:$${c}$${Math.max(first, table.lastRow) + 1}`;
}

/** Applies `f` to the parts of a formula outside "string literals" (with "" escapes). */
function mapOutsideStrings(formula: string, f: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      out += f(formula.slice(i));
      break;
    }
    out += f(formula.slice(i, q));
    let j = q + 1;
    for (;;) {
      const end = formula.indexOf('"', j);
      if (end < 0) {
        j = formula.length;
        break;
      }
      if (formula[end + 1] === '"') {
        j = end + 2;
        continue;
      }
      j = end + 1;
      break;
    }
    out += formula.slice(q, j);
    i = j;
  }
  return out;
}

/** Excel's limits on a cell formula. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;
/** Excel's limit on the arguments of one function call ("Excel specifications and limits"). */
export const MAX_ARGUMENTS = 255;
export const MAX_LIST_SOURCE = 255;

/**
 * Functions that Excel 2016 and LibreOffice both compute, and that our formulas may use. The lists serve
 * formulaProblems (tests, the command line), not the task pane: marked pure, so its bundle leaves them out.
 */
export const PORTABLE_FUNCTIONS = /* @__PURE__ */ new Set([
  "IF",
  "AND",
  "OR",
  "NOT",
  "ISNUMBER",
  "ISBLANK",
  "ISERROR",
  "IFERROR",
  "MIN",
  "MAX",
  "SUM",
  "COUNT",
  "COUNTA",
  "COUNTIF",
  "COUNTIFS",
  "SUMIFS",
  "SUMPRODUCT",
  "AGGREGATE",
  "INDEX",
  "ROW",
  "ROWS",
  "TRIM",
  "LEN",
  "MID",
  "FIND",
  "CHOOSE",
  "TODAY",
  "ROUND",
  "MID",
  "INT",
  "ABS",
  "DATE",
  "EDATE",
  "AVERAGEIFS",
  "IFNA",
]);
/** Functions that break in Excel 2016 or LibreOffice, or behave differently there. */
export const BANNED_FUNCTIONS = /* @__PURE__ */ new Set([
  "LET",
  "LAMBDA",
  "IFS",
  "SWITCH",
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "MAXIFS",
  "MINIFS",
  "CONCAT",
  "TEXTJOIN",
  "SEARCH",
  "RANDARRAY",
  "MAP",
  "REDUCE",
  "BYROW",
  "BYCOL",
]);

/** Function names called in a formula (outside string literals), upper-cased. */
export function formulaFunctions(formula: string): Set<string> {
  const out = new Set<string>();
  mapOutsideStrings(formula, (code) => {
    for (const m of code.matchAll(/([A-Za-z][A-Za-z0-9._]*)\(/g)) out.add(m[1].toUpperCase());
    return code;
  });
  return out;
}

/** Deepest nesting of function calls (IF(IF(…)) is 2). */
export function nestingDepth(formula: string): number {
  let depth = 0;
  let deepest = 0;
  const stack: boolean[] = [];
  mapOutsideStrings(formula, (code) => {
    for (let i = 0; i < code.length; i++) {
      if (code[i] === "(") {
        const isCall = i > 0 && /[A-Za-z0-9_.]/.test(code[i - 1]);
        stack.push(isCall);
        if (isCall) deepest = Math.max(deepest, ++depth);
      } else if (code[i] === ")") {
        if (stack.pop()) depth--;
      }
    }
    return code;
  });
  return deepest;
}

/** The most arguments any function call of a formula takes (commas at its own level, outside arrays). */
export function mostArguments(formula: string): number {
  let most = 0;
  const stack: { call: boolean; args: number }[] = [];
  let braces = 0;
  mapOutsideStrings(formula, (code) => {
    for (let i = 0; i < code.length; i++) {
      const ch = code[i];
      if (ch === "{") braces++;
      else if (ch === "}") braces--;
      else if (ch === "(") stack.push({ call: i > 0 && /[A-Za-z0-9_.]/.test(code[i - 1]), args: /^\s*\)/.test(code.slice(i + 1)) ? 0 : 1 });
      else if (ch === ")") {
        const frame = stack.pop();
        if (frame?.call) most = Math.max(most, frame.args);
      } else if (ch === "," && braces === 0 && stack.length > 0) stack[stack.length - 1].args++;
    }
    return code;
  });
  return most;
}

/**
 * What Excel itself refuses in a formula ("Excel specifications and limits": 8,192 characters, 64
 * nested levels, 255 arguments; and text it cannot parse): what the Excel layer checks before it
 * writes anything. Empty when Excel takes it.
 */
export function formulaLimitProblems(formula: string): string[] {
  const problems: string[] = [];
  if (formula.length > MAX_FORMULA_LENGTH) problems.push(`longer than ${MAX_FORMULA_LENGTH} characters (${formula.length})`);
  if ((formula.match(/"/g)?.length ?? 0) % 2 !== 0) problems.push("unbalanced quotes");
  let open = 0;
  let negative = false;
  mapOutsideStrings(formula, (code) => {
    for (const ch of code) {
      if (ch === "(") open++;
      if (ch === ")" && --open < 0) negative = true;
    }
    return code;
  });
  if (open !== 0 || negative) problems.push("unbalanced parentheses");
  const depth = nestingDepth(formula);
  if (depth > MAX_NESTING) problems.push(`nested ${depth} levels (Excel allows ${MAX_NESTING})`);
  const args = mostArguments(formula);
  if (args > MAX_ARGUMENTS) problems.push(`a function with ${args} arguments (Excel allows ${MAX_ARGUMENTS})`);
  return problems;
}

/** What is wrong with a formula we are about to write; empty when it is fine. */
export function formulaProblems(formula: string): string[] {
  const problems = formulaLimitProblems(formula);
  mapOutsideStrings(formula, (code) => {
    if (/\{\^?[A-Za-z][A-Za-z0-9_.:]*\}/.test(code)) problems.push(`placeholder left: ${code.match(/\{\^?[A-Za-z][A-Za-z0-9_.:]*\}/)?.[0]}`);
    return code;
  });
  for (const fn of formulaFunctions(formula)) {
    if (BANNED_FUNCTIONS.has(fn)) problems.push(`uses ${fn}, which Excel 2016 or LibreOffice cannot compute alike`);
    else if (!PORTABLE_FUNCTIONS.has(fn)) problems.push(`uses ${fn}, which is not on the portable list`);
  }
  return [...new Set(problems)];
}
