/**
 * Names that never overwrite: a sheet or table name already taken gets " (2)", " (3)" … (sheets)
 * or "_2", "_3" … (tables and defined names), compared ignoring case, within Excel's limits.
 */

export const MAX_SHEET_NAME = 31;

/** Excel's sheet-name rules: 1–31 characters, none of [ ] : * ? / \, no apostrophe at either end. */
export function cleanSheetName(name: string): string {
  let s = name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim();
  if (s === "" || s.toLowerCase() === "history") s = s === "" ? "Sheet" : "History sheet";
  return s.slice(0, MAX_SHEET_NAME).trim();
}

export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const clean = cleanSheetName(base);
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Tables and defined names share one namespace in Excel. */
export function uniqueDefinedName(stem: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(stem.toLowerCase())) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
