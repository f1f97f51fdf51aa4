/**
 * The critical few, as planners write their priorities: ranks (1, 2, 3), levels (High, Medium,
 * Low) or named focus areas ("Coverage", "Availability"). Step 2 of the method is "select the
 * critical few", so what counts is how many distinct priorities a JAP has, whatever their form,
 * against the most allowed (JP_MaxPriorities); a plan that mixes forms gets one warning.
 */
import { type CellValue, isBlank, parseNumberText } from "../model";

export type PriorityForm = "rank" | "level" | "name";

/** Levels in their order, most important first (any case; "Med" and "Medium" are one). */
const LEVELS: readonly { key: string; words: readonly string[] }[] = [
  { key: "critical", words: ["critical"] },
  { key: "high", words: ["high"] },
  { key: "medium", words: ["medium", "med"] },
  { key: "low", words: ["low"] },
];

export interface Priority {
  form: PriorityForm;
  /** What makes two cells one priority: the rank, the level, or the name without case and extra spaces. */
  key: string;
  /** The order priorities are listed in: ranks, then levels, then names (names by first appearance). */
  order: number;
}

const squash = (s: string): string => s.trim().replace(/[\s\u00a0]+/g, " ").toLowerCase();

/**
 * A priority cell read: null when blank; a rank when it is a whole number from 1 (typed or as
 * text); "bad" for any other number (0, -1, 2.5: a rank mistyped). Text that is not a number is a
 * level or a name.
 */
export function readPriority(v: CellValue | undefined): Priority | "bad" | null {
  if (v === undefined || isBlank(v)) return null;
  if (typeof v === "boolean" || (typeof v === "object" && v !== null)) return "bad";
  const n = typeof v === "number" ? v : typeof v === "string" ? parseNumberText(v) : null;
  if (n !== null) return Number.isInteger(n) && n >= 1 ? { form: "rank", key: `#${n}`, order: n } : "bad";
  const text = squash(String(v));
  const level = LEVELS.findIndex((l) => l.words.includes(text));
  if (level >= 0) return { form: "level", key: `@${LEVELS[level].key}`, order: 1e9 + level };
  return { form: "name", key: `"${text}`, order: Number.POSITIVE_INFINITY };
}

/**
 * The distinct priorities of a plan's actions, in order: ranks ascending, then levels from the
 * most important, then names as first written; each as its first cell holds it (a rank as a
 * number). Blank and mistyped cells are left out. For the summary's "By priority".
 */
export function planPriorities(actions: readonly { source: { raw: Record<string, CellValue> } }[]): CellValue[] {
  return distinctPriorities(actions.map((a) => a.source.raw.priority));
}

/** The distinct priorities of these cells, in planPriorities' order and form. */
export function distinctPriorities(cells: readonly (CellValue | undefined)[]): CellValue[] {
  const seen = new Map<string, { value: CellValue; order: number; first: number }>();
  cells.forEach((v, i) => {
    const p = readPriority(v);
    if (p === null || p === "bad" || seen.has(p.key)) return;
    seen.set(p.key, { value: p.form === "rank" ? p.order : typeof v === "string" ? v.trim() : (v ?? null), order: p.order, first: i });
  });
  return [...seen.values()].sort((a, b) => (a.order === b.order ? a.first - b.first : a.order - b.order)).map((p) => p.value);
}
