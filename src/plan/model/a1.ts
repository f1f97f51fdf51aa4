/** A1 addresses from 0-based sheet positions, and back. Pure; used by every writer and reader. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "C5" for row 4, col 2 (0-based). */
export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1:C5", or a single cell when the rectangle is one cell. */
export function rangeA1(row: number, col: number, lastRow: number, lastCol: number): string {
  const a = cellA1(row, col);
  return row === lastRow && col === lastCol ? a : `${a}:${cellA1(lastRow, lastCol)}`;
}

/** "$C$5:$C$20" for absolute references in names and validation sources. */
export function absoluteRangeA1(row: number, col: number, lastRow: number, lastCol: number): string {
  const abs = (r: number, c: number): string => `$${columnLetters(c)}$${r + 1}`;
  return row === lastRow && col === lastCol ? abs(row, col) : `${abs(row, col)}:${abs(lastRow, lastCol)}`;
}

/** A sheet name as a formula reference needs it: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "B7" or "$B$7" (no sheet prefix) into 0-based row and column; null when not a cell. */
export function parseCellA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnFromLetters(m[1]) };
}

/**
 * "'JAP 2026-03'!$C$7:$D$9" (or "=Sheet!A1") into its sheet ("JAP 2026-03", quotes undone; null
 * when there is none) and the address on it ("$C$7:$D$9").
 */
export function splitSheetRef(ref: string): { sheet: string | null; local: string } {
  const text = ref.startsWith("=") ? ref.slice(1) : ref;
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: text };
  const raw = text.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, local: text.slice(bang + 1) };
}

/** Parses "A1:C5", "A1" or "Sheet!A1:C5" into a 0-based rectangle; null when not a range. */
export function parseRangeA1(address: string): { row: number; col: number; lastRow: number; lastCol: number } | null {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b] = local.split(":");
  const start = parseCellA1(a);
  const end = b === undefined ? start : parseCellA1(b);
  if (!start || !end) return null;
  return { row: start.row, col: start.col, lastRow: end.row, lastCol: end.col };
}
