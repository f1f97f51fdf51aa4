/**
 * Formulas as an .xlsx file stores them. Functions added to Excel after 2007 are stored with an
 * "_xlfn." prefix (AGGREGATE is "_xlfn.AGGREGATE" in the file); the UI and Office.js write them
 * bare. Without the prefix LibreOffice does not know the function (its result is blank) and Excel
 * shows #NAME?. String literals are left as they are.
 */

/** The post-2007 functions that Excel stores with "_xlfn." (Microsoft's list, the ones we could meet). */
const XLFN = new Set([
  "AGGREGATE", "IFNA", "IFS", "SWITCH", "MAXIFS", "MINIFS", "CONCAT", "TEXTJOIN", "XOR", "DAYS", "ISOWEEKNUM",
  "NUMBERVALUE", "FORMULATEXT", "ISFORMULA", "SHEET", "SHEETS", "UNICHAR", "UNICODE", "ARABIC", "BASE", "DECIMAL",
  "CEILING.MATH", "FLOOR.MATH", "CEILING.PRECISE", "FLOOR.PRECISE", "NETWORKDAYS.INTL", "WORKDAY.INTL", "PDURATION",
  "RRI", "ACOT", "ACOTH", "COT", "COTH", "CSC", "CSCH", "SEC", "SECH", "COMBINA", "PERMUTATIONA", "GAMMA", "GAUSS",
  "PHI", "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "MODE.SNGL", "MODE.MULT", "PERCENTILE.INC", "PERCENTILE.EXC",
  "QUARTILE.INC", "QUARTILE.EXC", "RANK.EQ", "RANK.AVG", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV",
  "COVARIANCE.P", "COVARIANCE.S", "XLOOKUP", "XMATCH", "FILTER", "SORT", "SORTBY", "UNIQUE", "SEQUENCE",
  "RANDARRAY", "LET", "LAMBDA", "ENCODEURL", "FILTERXML", "WEBSERVICE", "BITAND", "BITOR", "BITXOR", "BITLSHIFT",
  "BITRSHIFT", "HYPGEOM.DIST", "T.DIST", "T.INV", "CHISQ.DIST", "CHISQ.INV", "F.DIST", "F.INV", "EXPON.DIST",
  "GAMMA.DIST", "GAMMA.INV", "LOGNORM.DIST", "LOGNORM.INV", "WEIBULL.DIST", "POISSON.DIST", "BINOM.DIST", "BINOM.INV",
]);

/** A function call: a name not preceded by a name character (so MY_AGGREGATE and _xlfn.X are left alone). */
const CALL = /(?<![A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\s*\(/g;

function prefixCalls(code: string): string {
  return code.replace(CALL, (whole, fn: string) => (XLFN.has(fn.toUpperCase()) ? `_xlfn.${fn.toUpperCase()}(` : whole));
}

/** A formula without its leading "=", in the form an .xlsx file stores it. */
export function fileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  let out = "";
  let i = 0;
  while (i < body.length) {
    const q = body.indexOf('"', i);
    if (q < 0) {
      out += prefixCalls(body.slice(i));
      break;
    }
    out += prefixCalls(body.slice(i, q));
    // Copy the string literal, "" escapes included.
    let j = q + 1;
    while (j < body.length && !(body[j] === '"' && body[j + 1] !== '"')) j += body[j] === '"' ? 2 : 1;
    out += body.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}
