/**
 * The roster by normalised name, so each owner lookup is one map read, and "did you mean"
 * suggestions, cached per name: 10,000 actions stay linear. Names are compared as people type
 * them, pasted from mail, chat and other apps: accents composed or not (NFC), invisible
 * characters, every kind of space, and case, Turkish dotted and dotless I included.
 */
import { editDistance, type PlanWorkbook, type RosterRow } from "../model";

/** Printable ASCII, the common case: compared as before, without Unicode work. */
const PLAIN = /^[\x20-\x7e]*$/;
/** Format characters (zero-width space, bidi marks, BOM, soft hyphen...) and controls that are not spacing. */
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cf}\p{Cc}]/gu;
/** Every space: ASCII white space, no-break and narrow no-break spaces, the typographic ones, ideographic. */
const SPACES = /[\s\p{Zs}]+/gu;

/** A name as the Roster should hold it: composed, without invisible characters, one space between words. */
export function cleanName(name: string): string {
  return name.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/**
 * How names are compared: composed (NFC), invisible characters dropped, runs of any space made one,
 * ends trimmed, and case folded so that I, İ, i and ı are one letter (a Turkish planner types
 * "ILKER" for "İlker", an English keyboard "Isik" for "Işık"'s I), ß is ss and ς is σ.
 */
export function personKey(name: string): string {
  if (PLAIN.test(name)) return name.toLowerCase().replace(/ +/g, " ").trim();
  return name
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .toLowerCase()
    .replace(/i\u0307/g, "i")
    .replace(/ı/g, "i")
    .replace(/ß/g, "ss")
    .replace(/ς/g, "σ")
    .normalize("NFC")
    .trim();
}

const CHARACTER_NAMES: Record<number, string> = {
  0x09: "CHARACTER TABULATION", 0x0a: "LINE FEED", 0x0d: "CARRIAGE RETURN", 0xa0: "NO-BREAK SPACE", 0xad: "SOFT HYPHEN",
  0x61c: "ARABIC LETTER MARK", 0x1680: "OGHAM SPACE MARK", 0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x2000: "EN QUAD", 0x2001: "EM QUAD", 0x2002: "EN SPACE", 0x2003: "EM SPACE", 0x2004: "THREE-PER-EM SPACE", 0x2005: "FOUR-PER-EM SPACE",
  0x2006: "SIX-PER-EM SPACE", 0x2007: "FIGURE SPACE", 0x2008: "PUNCTUATION SPACE", 0x2009: "THIN SPACE", 0x200a: "HAIR SPACE",
  0x200b: "ZERO WIDTH SPACE", 0x200c: "ZERO WIDTH NON-JOINER", 0x200d: "ZERO WIDTH JOINER", 0x200e: "LEFT-TO-RIGHT MARK", 0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR", 0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING", 0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE", 0x202f: "NARROW NO-BREAK SPACE",
  0x205f: "MEDIUM MATHEMATICAL SPACE", 0x2060: "WORD JOINER", 0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE", 0x3000: "IDEOGRAPHIC SPACE", 0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

/** "U+200B ZERO WIDTH SPACE": the code point and, where we know it, the character's Unicode name. */
export function characterName(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const name = CHARACTER_NAMES[cp];
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}${name ? ` ${name}` : ""}`;
}

/** One character that a person cannot see as typed: where it stands in the text, and what it is. */
export interface HiddenCharacter {
  /** "an invisible character", "a non-breaking space", "a tab", "a line break", "an unusual space". */
  what: string;
  /** characterName() of it. */
  name: string;
  /** "at the start", "at the end", or "after 'Ana'". */
  where: string;
  /** How many such characters the text holds in all. */
  count: number;
}

const HIDDEN = /[\p{Cf}\p{Cc}]|(?! )[\s\p{Zs}]/gu;

function describeHidden(ch: string): string {
  if (ch === "\t") return "a tab";
  if (/[\n\r\u2028\u2029\v\f]/.test(ch)) return "a line break";
  // Before spaces: JavaScript's \s counts the BOM (U+FEFF), a format character, as one.
  if (/[\p{Cf}\p{Cc}]/u.test(ch)) return "an invisible character";
  if (/[\u00a0\u202f\u2007]/.test(ch)) return "a non-breaking space";
  return "an unusual space";
}

/**
 * The first invisible character, or space other than a plain one, in `text`, and where it is;
 * null when there is none. Visible text around it names the place ("after 'Ana'").
 */
export function hiddenCharacter(text: string): HiddenCharacter | null {
  if (PLAIN.test(text)) return null;
  const all = [...text.matchAll(HIDDEN)];
  if (all.length === 0) return null;
  const first = all[0];
  const index = first.index ?? 0;
  const visible = (s: string): string => s.replace(HIDDEN, " ").replace(/ +/g, " ").trim();
  const before = visible(text.slice(0, index));
  const after = visible(text.slice(index + first[0].length));
  const shown = before.length > 24 ? `…${before.slice(-24).trimStart()}` : before;
  const where = before === "" ? "at the start" : after === "" ? "at the end" : `after '${shown}'`;
  return { what: describeHidden(first[0]), name: characterName(first[0]), where, count: all.length };
}

/**
 * Why a typed name that matches a roster name (same personKey) is not spelled as the roster spells
 * it, from what a person can least see to what they can: a hidden character in the typed text or in
 * the roster's, only plain spaces (stray, doubled), accents stored as separate marks (NFD, as some
 * Mac and web apps paste them), or letters (case, dotted and dotless I).
 */
export type NameDifference =
  | { kind: "hidden"; in: "typed" | "roster"; hidden: HiddenCharacter }
  | { kind: "spaces" }
  | { kind: "composition"; in: "typed" | "roster" }
  | { kind: "letters" };

export function nameDifference(typed: string, rosterName: string): NameDifference {
  const typedHidden = hiddenCharacter(typed.replace(/^ +| +$/g, ""));
  if (typedHidden) return { kind: "hidden", in: "typed", hidden: typedHidden };
  const rosterHidden = hiddenCharacter(rosterName);
  if (rosterHidden) return { kind: "hidden", in: "roster", hidden: rosterHidden };
  const spaced = typed.trim().replace(/ +/g, " ");
  if (spaced === rosterName) return { kind: "spaces" };
  if (spaced.normalize("NFC") === rosterName.normalize("NFC")) return { kind: "composition", in: spaced === spaced.normalize("NFC") ? "roster" : "typed" };
  return { kind: "letters" };
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
