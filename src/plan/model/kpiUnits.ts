/**
 * What a KPI's unit tells the rules. Percent units hold fractions as Excel stores them (0.5 is
 * 50 %). Additive units are flows whose quarters add up to the year: money and volumes (sales in
 * EUR, cases, units, litres). Stocks and rates are not: %, ratios, scores, days, and counts of
 * stores or listings (Q4's 500 stores is not a fourth of the year's). Unknown units are not
 * treated as additive, so the FY check warns only where a sum is certainly meant.
 */

const PERCENT = new Set(["%", "percent", "percentage", "pct", "pp", "%points", "% pts"]);

const SYMBOLS = ["€", "$", "£", "¥", "₹"];
const CODES = ["eur", "usd", "gbp", "chf", "jpy", "cny", "inr", "brl", "mxn", "pen", "clp", "cop", "ars", "zar", "aud", "cad", "nzd", "sek", "nok", "dkk", "pln", "czk", "huf", "try", "aed", "sar"];
const VOLUMES = [
  "units", "unit", "pcs", "pieces", "cases", "case", "cs", "cartons", "boxes", "packs", "bottles", "cans", "pallets",
  "l", "litres", "liters", "hl", "hectolitres", "hectoliters", "kg", "t", "tons", "tonnes", "orders", "invoices", "sales", "revenue", "volume",
];
const SCALES = ["k", "m", "mio", "mn", "'000"];

/**
 * The additive units, as joins: a unit is additive when, trimmed and ignoring case, it is some
 * `first` followed by some `second` ("k" + "€", "eur" + " k", "'000 " + "cases"). Written as data so
 * the sheet formula (ragRules.ts, an array comparison) and isAdditiveUnit read one list.
 */
export const ADDITIVE_UNIT_JOINS: readonly { first: readonly string[]; second: readonly string[] }[] = [
  { first: ["", "k", "m"], second: SYMBOLS },
  { first: SYMBOLS, second: ["k", "m"] },
  { first: CODES, second: ["", "k", " k", "m", " m", "'000"] },
  { first: SCALES, second: [""] },
  { first: [...SCALES, ...SCALES.map((s) => `${s} `)], second: ["eur", "usd", "gbp", "chf"] },
  { first: ["", "k", "m", "'000", "k ", "m ", "'000 "], second: VOLUMES },
];

const ADDITIVE = new Set(ADDITIVE_UNIT_JOINS.flatMap((j) => j.first.flatMap((f) => j.second.map((s) => f + s))));

function unitKey(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, " ");
}

export function isPercentUnit(unit: string): boolean {
  return PERCENT.has(unitKey(unit));
}

/** Trimmed as TRIM does (spaces only) and compared ignoring case, as the sheet formula compares. */
export function isAdditiveUnit(unit: string): boolean {
  return ADDITIVE.has(unit.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ").toLowerCase());
}
