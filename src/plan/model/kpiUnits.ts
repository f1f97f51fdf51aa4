/**
 * What a KPI's unit tells the rules. Percent units hold fractions as Excel stores them (0.5 is
 * 50 %). Additive units are flows whose quarters add up to the year: money and volumes (sales in
 * EUR, cases, units, litres). Stocks and rates are not: %, ratios, scores, days, and counts of
 * stores or listings (Q4's 500 stores is not a fourth of the year's). Unknown units are not
 * treated as additive, so the FY check warns only where a sum is certainly meant.
 */

const PERCENT = new Set(["%", "percent", "percentage", "pct", "pp", "%points", "% pts"]);

const CURRENCY = /^(?:[kKmM]?[€$£¥₹]|[€$£¥₹][kKmM]?|(?:eur|usd|gbp|chf|jpy|cny|inr|brl|mxn|pen|clp|cop|ars|zar|aud|cad|nzd|sek|nok|dkk|pln|czk|huf|try|aed|sar)(?:\s?[km]|'000)?|(?:k|m|mio|mn|'000)\s?(?:eur|usd|gbp|chf)?)$/i;

const VOLUME = new Set([
  "units", "unit", "pcs", "pieces", "cases", "case", "cs", "cartons", "boxes", "packs", "bottles", "cans", "pallets",
  "l", "litres", "liters", "hl", "hectolitres", "hectoliters", "kg", "t", "tons", "tonnes", "orders", "invoices", "sales", "revenue", "volume",
]);

function unitKey(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, " ");
}

export function isPercentUnit(unit: string): boolean {
  return PERCENT.has(unitKey(unit));
}

export function isAdditiveUnit(unit: string): boolean {
  const u = unitKey(unit);
  if (u === "") return false;
  return CURRENCY.test(u) || VOLUME.has(u) || VOLUME.has(u.replace(/^(?:k|m|'000)\s?/, ""));
}
