/**
 * Text that came from a file, made safe for a terminal. A workbook can hold any character (Excel
 * stores control characters as `_x001B_` escapes), and printed raw an ESC or CSI would clear the
 * screen, retitle the window or fake an "All clear"; a bidi override would reorder what follows.
 * Every human-readable line the command line prints goes through `terminalText`, and every JSON
 * document through `terminalJson`.
 */

/**
 * What is never printed raw: C0 controls and DEL, C1 controls (U+0080-U+009F, which some
 * terminals obey as ESC sequences), bidi embeddings, overrides, isolates and marks, invisible
 * characters (zero-width space, word joiner, invisible operators, BOM, soft hyphen, Mongolian
 * vowel separator), line and paragraph separators, and interlinear annotation marks. Zero-width
 * joiner and non-joiner are left alone: emoji and Persian or Indic text need them.
 */
const UNSAFE_RANGES = "\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb";
/** In text every C0 control too: a line break or tab inside a cell would break the listing's lines and columns. */
const UNSAFE_IN_TEXT = new RegExp(`[\\u0000-\\u001f${UNSAFE_RANGES}]`, "g");
/** JSON.stringify already escapes C0 controls inside strings; any C0 left in its output is its own indentation. */
const UNSAFE_IN_JSON = new RegExp(`[${UNSAFE_RANGES}]`, "g");

const hex = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");

/** One line of text with every unsafe character shown as `<U+001B>`: visible, and never obeyed. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, (c) => `<U+${hex(c)}>`);
}

/** Lines made safe and joined, ending with a line break: what every text printer prints. */
export function terminalLines(lines: readonly string[]): string {
  let out = "";
  for (const line of lines) out += terminalText(line) + "\n";
  return out;
}

/**
 * A JSON document, indented, whose unsafe characters are `\u` escapes: JSON.parse gives back the
 * very same strings (nothing is lost or changed), and a terminal sees only ASCII where a C1
 * control or a bidi override stood (JSON.stringify escapes C0 controls, not those).
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c).toLowerCase()}`) + "\n";
}

