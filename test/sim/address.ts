/** A1 addresses: parsing and formatting as Excel does, within Excel's grid limits. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, zero-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colToLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters to a zero-based index, or -1 when not a column within XFD. */
export function lettersToCol(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLS ? n - 1 : -1;
}

type Part = { kind: "cell"; r: number; c: number } | { kind: "col"; c: number } | { kind: "row"; r: number };

function parsePart(text: string): Part | null {
  let m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text);
  if (m) {
    const c = lettersToCol(m[1]);
    const r = Number(m[2]) - 1;
    return c < 0 || r < 0 || r >= MAX_ROWS ? null : { kind: "cell", r, c };
  }
  m = /^\$?([A-Za-z]{1,3})$/.exec(text);
  if (m) {
    const c = lettersToCol(m[1]);
    return c < 0 ? null : { kind: "col", c };
  }
  m = /^\$?([0-9]{1,7})$/.exec(text);
  if (m) {
    const r = Number(m[1]) - 1;
    return r < 0 || r >= MAX_ROWS ? null : { kind: "row", r };
  }
  return null;
}

/** Parses "B2", "B2:D9", "$A$1", "A:C", "2:5" (no sheet part) into a normalised rectangle. */
export function parseRect(ref: string): Rect | null {
  const pieces = ref.trim().split(":");
  if (pieces.length > 2 || pieces.some((p) => p === "")) return null;
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) return null;
  if (a.kind === "cell" && b.kind === "cell") return norm(a.r, a.c, b.r, b.c);
  if (pieces.length === 1) return null; // "A" or "5" alone is a name, not a reference
  if (a.kind === "col" && b.kind === "col") return norm(0, a.c, MAX_ROWS - 1, b.c);
  if (a.kind === "row" && b.kind === "row") return norm(a.r, 0, b.r, MAX_COLS - 1);
  return null;
}

function norm(ra: number, ca: number, rb: number, cb: number): Rect {
  return { r0: Math.min(ra, rb), c0: Math.min(ca, cb), r1: Math.max(ra, rb), c1: Math.max(ca, cb) };
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

/** Splits an optional sheet part ("Sheet1!", "'My sheet'!") from a reference. */
export function splitSheet(address: string): { sheet?: string; ref: string } | null {
  const text = address.trim().replace(/^=/, "");
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i++];
    }
    if (text[i] !== "'" || text[i + 1] !== "!") return null;
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { ref: text };
  return { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

export function parseAddress(address: string): ParsedAddress | null {
  const split = splitSheet(address);
  if (!split) return null;
  const rect = parseRect(split.ref);
  return rect ? { sheet: split.sheet, rect } : null;
}

export function isFullColumns(rect: Rect): boolean {
  return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
}

export function isFullRows(rect: Rect): boolean {
  return rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
}

/** "B2:D9", "A1", "A:C", "2:5", as Excel writes them; `absolute` adds the dollar signs. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isFullRows(rect)) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  if (isFullColumns(rect)) return `${d}${colToLetters(rect.c0)}:${d}${colToLetters(rect.c1)}`;
  const a = `${d}${colToLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${d}${colToLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

/** True when a name could be read as a cell reference (A1 or R1C1 style), which Excel forbids for names. */
export function looksLikeReference(name: string): boolean {
  if (/^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(name) && parseRect(name)) return true;
  return /^[Rr]([0-9]*)?([Cc]([0-9]*)?)?$/.test(name) || /^[Cc][0-9]*$/.test(name);
}

/** Quotes a sheet name when Excel would: anything but a plain identifier that is not a reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !looksLikeReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheetName: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}
