import { ADDITIVE_UNIT_JOINS, isAdditiveUnit } from "../../../src/plan/model/kpiUnits";

/** The unit rule as it was written before it became data (a regular expression): the joins must say the same. */
const CURRENCY = /^(?:[kKmM]?[€$£¥₹]|[€$£¥₹][kKmM]?|(?:eur|usd|gbp|chf|jpy|cny|inr|brl|mxn|pen|clp|cop|ars|zar|aud|cad|nzd|sek|nok|dkk|pln|czk|huf|try|aed|sar)(?:\s?[km]|'000)?|(?:k|m|mio|mn|'000)\s?(?:eur|usd|gbp|chf)?)$/i;
const VOLUME = new Set([
  "units", "unit", "pcs", "pieces", "cases", "case", "cs", "cartons", "boxes", "packs", "bottles", "cans", "pallets",
  "l", "litres", "liters", "hl", "hectolitres", "hectoliters", "kg", "t", "tons", "tonnes", "orders", "invoices", "sales", "revenue", "volume",
]);
function regexRule(unit: string): boolean {
  const u = unit.trim().toLowerCase().replace(/\s+/g, " ");
  if (u === "") return false;
  return CURRENCY.test(u) || VOLUME.has(u) || VOLUME.has(u.replace(/^(?:k|m|'000)\s?/, ""));
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("additive units", () => {
  const pieces = [...new Set(ADDITIVE_UNIT_JOINS.flatMap((j) => [...j.first, ...j.second])), "stores", "days", "%", "x", "s", " ", "mm", "eu"];
  const joined = ADDITIVE_UNIT_JOINS.flatMap((j) => j.first.flatMap((f) => j.second.map((s) => f + s)));

  it("the joins say what the regular expression said, for every join and for random units", () => {
    const rnd = rng(13);
    const candidates = [...joined];
    for (let i = 0; i < 20_000; i++) {
      const n = 1 + Math.floor(rnd() * 3);
      let u = "";
      for (let k = 0; k < n; k++) u += pieces[Math.floor(rnd() * pieces.length)];
      if (rnd() < 0.3) u = u.toUpperCase();
      if (rnd() < 0.2) u = `  ${u} `;
      candidates.push(u);
    }
    const differ = candidates.filter((u) => isAdditiveUnit(u) !== regexRule(u));
    expect(differ).toEqual([]);
    // Both answers occur among the random units.
    expect(candidates.filter(isAdditiveUnit).length).toBeGreaterThan(joined.length);
    expect(candidates.some((u) => !isAdditiveUnit(u))).toBe(true);
  });

  it("trims as TRIM does and ignores case", () => {
    expect(["EUR", " k€ ", "USD  k", "'000 Cases", "Units"].every(isAdditiveUnit)).toBe(true);
    expect(["", "stores", "days", "%", "k stores"].some(isAdditiveUnit)).toBe(false);
  });
});
