/**
 * The roster by normalised name (case and spaces ignored), so each owner lookup is one map read,
 * and "did you mean" suggestions, cached per name: 10,000 actions stay linear.
 */
import { editDistance, type PlanWorkbook, type RosterRow } from "../model";

/** How names are compared: lower case, runs of spaces made one, ends trimmed. */
export function personKey(name: string): string {
  return name.toLowerCase().replace(/[\s\u00a0]+/g, " ").trim();
}

export class RosterIndex {
  private readonly byKey = new Map<string, RosterRow[]>();
  /** Names on rows the reader could not complete (no party): known, but reported elsewhere. */
  private readonly incompleteKeys = new Set<string>();
  private readonly activeNames: { key: string; name: string }[] = [];
  private readonly suggestions = new Map<string, string | null>();

  constructor(roster: PlanWorkbook["roster"]) {
    for (const row of roster?.rows ?? []) {
      const key = personKey(row.name);
      const list = this.byKey.get(key);
      if (list) list.push(row);
      else this.byKey.set(key, [row]);
      if (row.active) this.activeNames.push({ key, name: row.name });
    }
    for (const row of roster?.incomplete ?? []) if (row.name) this.incompleteKeys.add(personKey(row.name));
  }

  /** The roster rows of a name, active ones first. */
  lookup(name: string): RosterRow[] {
    const rows = this.byKey.get(personKey(name)) ?? [];
    return rows.length > 1 ? [...rows].sort((a, b) => Number(b.active) - Number(a.active)) : rows;
  }

  isIncomplete(name: string): boolean {
    return this.incompleteKeys.has(personKey(name));
  }

  /** The active roster name nearest to `name`, within a threshold that grows with the length. */
  suggest(name: string): string | null {
    const key = personKey(name);
    const cached = this.suggestions.get(key);
    if (cached !== undefined) return cached;
    // One typo in four letters at most, and never more than three: "Ana Silvaa" → "Ana Silva".
    const max = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
    let best: string | null = null;
    let bestDistance = max + 1;
    for (const candidate of this.activeNames) {
      const d = editDistance(key, candidate.key, bestDistance - 1 < max ? bestDistance - 1 : max);
      if (d < bestDistance) {
        best = candidate.name;
        bestDistance = d;
      }
    }
    this.suggestions.set(key, best);
    return best;
  }
}
