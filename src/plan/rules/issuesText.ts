/**
 * What a row's Issues cell shows: its findings, errors first, short enough to read in a cell.
 * Each finding is tagged with its column's header ("✖ [Owner] …"): the live layer's conditional
 * formats find that tag (liveRules.ts) to mark the offending cell, so tags are kept even when the
 * messages are cut short.
 */
import { type CellValue, columnFromLetters, type Finding, type TablePosition } from "../model";
import { issueTag, type TableLayout } from "../layouts";

/** Excel shows about 1,000 characters of a cell comfortably; an Issues cell stays well below. */
export const ISSUES_MAX_LENGTH = 400;

/** The layout header of the column a finding points at, when the finding is in a table column. */
export type HeaderOf = (finding: Finding) => string | undefined;

/** Maps a finding's cell to its layout column header, for one table's position. */
export function headerOfColumn(position: TablePosition, layout: TableLayout): HeaderOf {
  const byCol = new Map<number, string>();
  for (const column of layout.columns) {
    const at = position.columns[column.key];
    if (at !== undefined) byCol.set(at, column.header);
  }
  return (f) => {
    const letters = /^\$?([A-Za-z]+)/.exec(f.cell)?.[1];
    return letters === undefined ? undefined : byCol.get(columnFromLetters(letters));
  };
}

function line(f: Finding, headerOf?: HeaderOf): string {
  const header = headerOf?.(f);
  return `${f.severity === "error" ? "✖" : "⚠"} ${header ? `${issueTag(header)} ` : ""}${f.message}`;
}

/**
 * The Issues text of one sheet row ("✖ [Owner] … • ⚠ [Due] …"), "" when the row has no finding.
 * Pass `sheet` when findings span several sheets.
 */
export function issuesText(findings: readonly Finding[], row: number, sheet?: string, headerOf?: HeaderOf): string {
  const mine = findings.filter((f) => f.row === row && (sheet === undefined || f.sheet === sheet));
  const ordered = [...mine.filter((f) => f.severity === "error"), ...mine.filter((f) => f.severity !== "error")];
  const parts = ordered.map((f) => line(f, headerOf));
  const text = parts.join(" • ");
  if (text.length <= ISSUES_MAX_LENGTH) return text;
  // Keep whole messages while they fit, then say how many more the task pane lists, with the
  // tags of the rest so that their cells are still marked.
  const restTags = (from: number): string => {
    const tags = [...new Set(ordered.slice(from).map((f) => headerOf?.(f)).filter((h): h is string => !!h))];
    return tags.length ? `: ${tags.map(issueTag).join(" ")}` : "";
  };
  let kept = "";
  let count = 0;
  for (const part of parts) {
    const next = kept ? `${kept} • ${part}` : part;
    const room = ISSUES_MAX_LENGTH - 30 - restTags(count + 1).length;
    if (next.length > room && count > 0) break;
    kept = next.length > room ? `${next.slice(0, Math.max(20, room - 1))}…` : next;
    count++;
  }
  return count < parts.length ? `${kept} • +${parts.length - count} more in the task pane${restTags(count)}` : kept;
}

/** Issues texts of every row with findings on one sheet, by 0-based sheet row (one pass). */
export function issuesBySheetRow(findings: readonly Finding[], sheet: string, headerOf?: HeaderOf): Map<number, string> {
  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    const list = byRow.get(f.row);
    if (list) list.push(f);
    else byRow.set(f.row, [f]);
  }
  return new Map([...byRow].map(([row, list]) => [row, issuesText(list, row, undefined, headerOf)]));
}

/**
 * True when a cell holds what issuesText writes (a finding's "✖ " or "⚠ " first): the add-in may
 * replace it. Any other text in an Issues cell is a person's, and a check leaves it.
 */
export function isIssuesText(v: CellValue | undefined): boolean {
  return typeof v === "string" && (v.startsWith("✖ ") || v.startsWith("⚠ "));
}
