/** What a row's Issues cell shows: its findings, errors first, short enough to read in a cell. */
import type { Finding } from "./model";

/** Excel shows about 1,000 characters of a cell comfortably; an Issues cell stays well below. */
export const ISSUES_MAX_LENGTH = 400;

/**
 * The Issues text of one sheet row ("✖ Owner … • ⚠ Due …"), "" when the row has no finding.
 * Pass `sheet` when findings span several sheets.
 */
export function issuesText(findings: readonly Finding[], row: number, sheet?: string): string {
  const mine = findings.filter((f) => f.row === row && (sheet === undefined || f.sheet === sheet));
  const ordered = [...mine.filter((f) => f.severity === "error"), ...mine.filter((f) => f.severity !== "error")];
  const parts = ordered.map((f) => `${f.severity === "error" ? "✖" : "⚠"} ${f.message}`);
  const text = parts.join(" • ");
  if (text.length <= ISSUES_MAX_LENGTH) return text;
  // Keep whole messages while they fit, then say how many more the task pane lists.
  let kept = "";
  let count = 0;
  for (const part of parts) {
    const next = kept ? `${kept} • ${part}` : part;
    if (next.length > ISSUES_MAX_LENGTH - 30 && count > 0) break;
    kept = next.length > ISSUES_MAX_LENGTH - 30 ? `${next.slice(0, ISSUES_MAX_LENGTH - 31)}…` : next;
    count++;
  }
  return count < parts.length ? `${kept} • +${parts.length - count} more in the task pane` : kept;
}

/** Issues texts of every row with findings on one sheet, by 0-based sheet row (one pass). */
export function issuesBySheetRow(findings: readonly Finding[], sheet: string): Map<number, string> {
  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    const list = byRow.get(f.row);
    if (list) list.push(f);
    else byRow.set(f.row, [f]);
  }
  return new Map([...byRow].map(([row, list]) => [row, issuesText(list, row)]));
}
