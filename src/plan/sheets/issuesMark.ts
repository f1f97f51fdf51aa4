/**
 * Which Issues columns are the add-in's own: those it can prove it wrote. A column headed
 * "Issues" may be a user's (a column of remarks such as "Budget not approved yet"), so the header
 * alone proves nothing. Each writer of a plan table with an Issues column (the templates, `jointplan
 * new`, and a check that takes over an Issues column holding nothing but its findings) defines a
 * workbook name, JP_Issues, JP_Issues_2 …, that refers to that column's header cell; Excel keeps
 * the reference right when the sheet is renamed or rows and columns are inserted, and makes it
 * #REF! when the column is deleted.
 */
import { cellA1, columnLetters, parseCellA1, quoteSheet, splitSheetRef, type WorkbookName } from "../model";

/** The stem of the marks' names (made unique: JP_Issues_2 …). */
export const ISSUES_MARK = "JP_Issues";

const MARK_NAME = /^JP_Issues(?:_\d+)?$/i;

/** The mark of an Issues column whose header cell is (headerRow, col) on `sheet` (0-based). */
export function issuesMark(name: string, sheet: string, headerRow: number, col: number): WorkbookName {
  return { name, formula: `=${quoteSheet(sheet)}!$${columnLetters(col)}$${headerRow + 1}`, comment: "JointPlan writes its findings in this Issues column" };
}

/** "Sheet!A1" of an Issues column's header cell, as marks are compared (sheet names ignore case). */
export const issuesMarkKey = (sheet: string, headerRow: number, col: number): string => `${sheet.toLowerCase()}!${cellA1(headerRow, col)}`;

/** The header cells the workbook's marks refer to (by issuesMarkKey); a mark made #REF! marks nothing. */
export function markedIssuesColumns(names: readonly { name: string; formula: string }[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    if (!MARK_NAME.test(n.name)) continue;
    const { sheet, local } = splitSheetRef(n.formula.replace(/^=/, ""));
    const at = sheet === null ? null : parseCellA1(local);
    // "=#REF!$W$7": the sheet or the column was deleted.
    if (sheet !== null && at && !n.formula.replace(/^=/, "").startsWith("#REF!")) out.add(issuesMarkKey(sheet, at.row, at.col));
  }
  return out;
}
