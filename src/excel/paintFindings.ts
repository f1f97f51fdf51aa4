/**
 * Shows a check's findings in place: the Issues column of each table that has one, and a note on
 * each offending cell. Only what the add-in can prove it wrote is rewritten:
 * - an Issues column it marked (issuesMark.ts), or one holding nothing but its findings' text, which
 *   it then marks; an "Issues" column of the user's own (any other text in it) is left as it is,
 *   its findings in notes and the task pane. Inside a column of ours, a cell a person typed over
 *   is left too.
 * - notes that start with NOTE_PREFIX, whose invisible character no one types (and the notes of
 *   earlier versions, "JointPlan: " then nothing but "Error: " and "Warning: " lines).
 * A cell with a user's note or a threaded comment gets no note (its row's Issues cell and the task
 * pane carry the finding). Nothing here syncs: the caller does, once.
 */
import { cellA1, type CellValue, type CheckResult, type Finding, inExcelTable, isBlank, quoteSheet, type WorkbookName } from "../plan/model";
import { headerOfColumn, isIssuesText, issuesBySheetRow } from "../plan/rules";
import { ISSUES_MARK, issuesMark, issuesMarkKey, PlanNames } from "../plan/sheets";
import { JAP, JBP } from "../plan/layouts";
import { Batcher, METHOD_BYTES, SHEET_BYTES, payloadBytes } from "./batches";
import { JointPlanError } from "./errors";
import { writeUserRows } from "./userText";
import { cellKey, type WorkbookState, gridValueAt } from "./readWorkbookState";

/**
 * Marks a note as the add-in's own, so the next check may replace or remove it. It shows as
 * "JointPlan: "; the word joiner (U+2060) after it is invisible and never typed, so a user's note
 * that happens to start "JointPlan: " is not taken for ours.
 */
export const NOTE_PREFIX = "JointPlan: \u2060";
/** What notes began with before the word joiner: such a note is ours only when its lines are all findings. */
const LEGACY_PREFIX = "JointPlan: ";

/**
 * The most notes one check puts on cells. Past a thousand, notes stop helping (and each costs
 * request bytes): the Issues column and the task pane carry every finding; errors get notes first.
 */
export const MAX_ADDIN_NOTES = 1000;

/** Unchanged Issues cells between two changed ones that are rewritten rather than split around. */
const RUN_GAP = 8;

export function isAddinNote(content: string): boolean {
  if (content.startsWith(NOTE_PREFIX)) return true;
  if (!content.startsWith(LEGACY_PREFIX)) return false;
  return content.slice(LEGACY_PREFIX.length).split("\n").every((line) => /^(Error|Warning): \S/.test(line));
}

const bySeverity = (a: Finding, b: Finding): number => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1);

export function noteText(findings: Finding[]): string {
  const lines = [...findings].sort(bySeverity).map((f) => `${f.severity === "error" ? "Error" : "Warning"}: ${f.message}`);
  return `${NOTE_PREFIX}${lines.join("\n")}`;
}

export interface PaintBatch {
  /** Issues columns to rewrite: sheet, address of the data cells, one string per row. */
  issues: { sheet: string; address: string; values: string[][] }[];
  notesToAdd: { sheet: string; cell: string; content: string }[];
  notesToUpdate: { note: Excel.Note; content: string }[];
  notesToDelete: Excel.Note[];
  /** Cells that needed a note but carry a user's note or comment instead. */
  notesSkipped: string[];
  /** Cells with findings left without a note because of MAX_ADDIN_NOTES. */
  notesOverCap: number;
  /** Protected sheets whose cells would have had notes (their Issues columns are not among them). */
  protectedNoteSheets: Set<string>;
  /** Sheets the plan writes to. */
  sheets: Set<string>;
  /** Marks to add: Issues columns that held nothing but the add-in's text, now taken as its own. */
  marks: WorkbookName[];
  /** "'Sheet'!W7" of each Issues column that is a user's (text the add-in did not write): left as it is. */
  userIssuesColumns: string[];
  /** Cells of the add-in's Issues columns that a person typed over: left as they are. */
  userIssuesCells: number;
}

const hasError = (fs: Finding[]): boolean => fs.some((f) => f.severity === "error");
function errorsFirst(a: Finding[], b: Finding[]): number {
  if (hasError(a) !== hasError(b)) return hasError(a) ? -1 : 1;
  const [x, y] = [a[0], b[0]];
  return x.sheet === y.sheet ? x.row - y.row : x.sheet < y.sheet ? -1 : 1;
}

/** Works out what to write; pure apart from the note proxies it carries. */
export function paintBatch(state: WorkbookState, result: CheckResult, withNotes: boolean): PaintBatch {
  const batch: PaintBatch = {
    issues: [],
    notesToAdd: [],
    notesToUpdate: [],
    notesToDelete: [],
    notesSkipped: [],
    notesOverCap: 0,
    protectedNoteSheets: new Set(),
    sheets: new Set(),
    marks: [],
    userIssuesColumns: [],
    userIssuesCells: 0,
  };
  const markNames = new PlanNames([], [...state.names, ...state.tables.map((t) => t.name)]);
  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const ck = cellKey(f.sheet, f.cell);
    (byCell.get(ck) ?? byCell.set(ck, []).get(ck)!).push(f);
  }

  const issuesBySheet = new Map<string, Map<number, string>>();
  const tables = [...result.plan.japs.map((p) => ({ position: p.position, layout: JAP })), ...result.plan.jbps.map((p) => ({ position: p.position, layout: JBP }))];
  for (const { position, layout } of tables) {
    const col = position.columns.issues;
    if (col === undefined || position.lastRow <= position.headerRow) continue;
    // Tagged with the column header, which the live layer's formats look for to mark the cell.
    if (!issuesBySheet.has(position.sheet)) issuesBySheet.set(position.sheet, issuesBySheetRow(result.findings, position.sheet, headerOfColumn(position, layout)));
    const texts = issuesBySheet.get(position.sheet)!;
    // Down to the Excel table's end, so a row emptied since the last check loses its old text.
    const last = Math.max(position.lastRow, inExcelTable(position, state.tables).lastRow);
    const before = (row: number): CellValue | undefined => gridValueAt(state.grids, position.sheet, cellA1(row, col));
    // The column is ours when marked, or when it holds nothing but our text (a plan written before the mark).
    if (!state.issuesMarks.has(issuesMarkKey(position.sheet, position.headerRow, col))) {
      let ours = true;
      for (let row = position.headerRow + 1; row <= last && ours; row++) ours = isBlank(before(row) ?? null) || isIssuesText(before(row));
      if (!ours) {
        batch.userIssuesColumns.push(`${quoteSheet(position.sheet)}!${cellA1(position.headerRow, col)}`);
        continue;
      }
      batch.marks.push(issuesMark(markNames.tableName(ISSUES_MARK), position.sheet, position.headerRow, col));
    }
    // Only the rows whose text changed, in runs (a gap of a few unchanged rows is rewritten as
    // is, to keep the number of operations small); a one-cell edit rewrites a cell or two.
    let run: { start: number; values: string[][]; gap: number } | null = null;
    const flush = (): void => {
      if (!run) return;
      const rows = run.values.slice(0, run.values.length - run.gap);
      const end = run.start + rows.length - 1;
      batch.issues.push({ sheet: position.sheet, address: `${cellA1(run.start, col)}:${cellA1(end, col)}`, values: rows });
      batch.sheets.add(position.sheet);
      run = null;
    };
    for (let row = position.headerRow + 1; row <= last; row++) {
      const text = texts.get(row) ?? "";
      const was = before(row);
      // A cell a person typed over keeps their text: the run stops before it.
      if (!isBlank(was ?? null) && !isIssuesText(was)) {
        batch.userIssuesCells++;
        flush();
        continue;
      }
      const changed = (was ?? "") !== text;
      if (changed) {
        if (!run) run = { start: row, values: [], gap: 0 };
        run.values.push([text]);
        run.gap = 0;
      } else if (run) {
        run.values.push([text]);
        if (++run.gap > RUN_GAP) flush();
      }
    }
    flush();
  }

  if (!withNotes) return batch;
  const issueSheets = new Set(batch.issues.map((i) => i.sheet));
  const existing = new Map(state.notes.map((n) => [cellKey(n.sheet, n.cell), n]));
  // Cells that get a note: errors first, then in reading order, up to the cap.
  const ranked = [...byCell].sort(([, a], [, b]) => errorsFirst(a, b));
  const noted = new Map(ranked.slice(0, MAX_ADDIN_NOTES));
  batch.notesOverCap = Math.max(0, ranked.length - MAX_ADDIN_NOTES);
  for (const [key, findings] of noted) {
    const f = findings[0];
    const content = noteText(findings);
    const old = existing.get(key);
    if (old && !isAddinNote(old.content)) {
      batch.notesSkipped.push(key);
      continue;
    }
    if (state.commentCells.has(key)) {
      batch.notesSkipped.push(key);
      continue;
    }
    // A protected sheet the check has no column on (a locked Roster): no notes there, no refusal.
    if (isProtected(state, f.sheet) && !issueSheets.has(f.sheet)) {
      batch.protectedNoteSheets.add(f.sheet);
      continue;
    }
    if (old) {
      if (old.content !== content) {
        batch.notesToUpdate.push({ note: old.note, content });
        batch.sheets.add(f.sheet);
      }
    } else {
      batch.notesToAdd.push({ sheet: f.sheet, cell: f.cell.replace(/\$/g, ""), content });
      batch.sheets.add(f.sheet);
    }
  }
  for (const [key, n] of existing) {
    if (isAddinNote(n.content) && !noted.has(key) && !(isProtected(state, n.sheet) && !issueSheets.has(n.sheet))) {
      batch.notesToDelete.push(n.note);
      batch.sheets.add(n.sheet);
    }
  }
  return batch;
}

const isProtected = (state: WorkbookState, sheet: string): boolean => state.sheets.some((s) => s.name === sheet && s.protected);

/** Refuses, before anything is written, when a sheet the paint needs is protected. */
export function assertWritable(state: WorkbookState, sheets: Iterable<string>, what: string): void {
  for (const name of sheets) {
    const info = state.sheets.find((s) => s.name === name);
    if (info?.protected) {
      throw new JointPlanError(
        "protected",
        `Sheet '${name}' is protected, so JointPlan cannot ${what}. Unprotect it (Review > Unprotect Sheet) and try again; nothing was changed.`,
      );
    }
  }
}

export async function queuePaint(context: Excel.RequestContext, batch: PaintBatch, batcher: Batcher): Promise<void> {
  // One sheet object per sheet name, so its path goes once into a request, not once a note.
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string): Excel.Worksheet => sheets.get(name) ?? sheets.set(name, context.workbook.worksheets.getItem(name)).get(name)!;
  for (const m of batch.marks) await batcher.add(payloadBytes(m), () => context.workbook.names.add(m.name, m.formula, m.comment));
  for (const col of batch.issues) {
    // Issues text quotes what people typed; it goes through the one writer of user text.
    await writeUserRows(batcher, sheet(col.sheet), col.address, col.values);
  }
  for (const n of batch.notesToDelete) await batcher.add(0, () => n.delete(), METHOD_BYTES);
  for (const u of batch.notesToUpdate) {
    await batcher.add(payloadBytes(u.content), () => {
      u.note.content = u.content;
    }, METHOD_BYTES);
  }
  for (const a of batch.notesToAdd) {
    // A sheet's notes collection goes into a request once (its sheet path with it); then each add.
    await batcher.add(payloadBytes([a.cell, a.content]), () => {
      sheet(a.sheet).notes.add(a.cell, a.content);
    }, METHOD_BYTES + SHEET_BYTES);
  }
}
