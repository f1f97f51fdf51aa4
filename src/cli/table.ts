/** Plain-text columns for terminal output: every column padded to its widest cell. */
import { terminalText } from "./terminalText";

/**
 * Pads each row's cells to the column widths; the last column is never padded. Cells are made
 * terminal-safe first, so the widths are those of what is printed.
 */
export function alignRows(rows: string[][], indent = "  ", gap = "  "): string[] {
  const safe = rows.map((row) => row.map(terminalText));
  const widths: number[] = [];
  for (const row of safe) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return safe.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + " ".repeat(widths[i] - [...cell].length))).join(gap).trimEnd());
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
