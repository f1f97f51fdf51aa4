/**
 * Which sheet is the add-in's own RAG Summary: one answer, for Build summary (what a rebuild
 * replaces), Check plan and the live check (what is never read as plan). Not the name alone: a
 * user's own sheet may be called "RAG Summary", and a user may rename ours. Both writers (the Excel
 * layer's Build summary and `jointplan new`) write a mark, the workbook name JP_SummarySheet that
 * refers to the summary's A1, and Excel keeps that reference right when the sheet is renamed.
 */
import { type CellValue, quoteSheet, splitSheetRef, type WorkbookName } from "../model";

export const SUMMARY_SHEET_NAME = "RAG Summary";
/** The summary's title in A1, and the labels below it (how a summary written before the mark is known). */
export const SUMMARY_TITLE = "RAG Summary";
export const SUMMARY_HEAD_LABELS = { A1: SUMMARY_TITLE, A2: "As of", A3: "Plan RAG" } as const;
/** The workbook name that marks the summary sheet. */
export const SUMMARY_MARK = "JP_SummarySheet";

/** The mark of a summary on `sheetName`: `='RAG Summary (2)'!$A$1`. */
export function summaryMark(sheetName: string): WorkbookName {
  return { name: SUMMARY_MARK, formula: `=${quoteSheet(sheetName)}!$A$1`, comment: "The JointPlan RAG Summary: a rebuild replaces this sheet, whatever it is called" };
}

/** A sheet as the question needs it: its name and what its first cells hold ("A1" …). */
export interface SheetHead {
  name: string;
  cell: (address: keyof typeof SUMMARY_HEAD_LABELS) => CellValue | undefined;
}

/** Summaries written before the mark were named so (" (2)" … beside a sheet that had the name). */
const UNMARKED_NAME = /^RAG Summary(?: \(\d+\))?$/i;

/**
 * The name of the workbook's RAG Summary sheet, or null. `markFormula` is the formula of the
 * workbook name JP_SummarySheet, null when the workbook has none. With a mark, the sheet it refers
 * to is the summary (none when that sheet was deleted: "=#REF!$A$1"). Without one (a workbook
 * written before the mark), the first sheet named "RAG Summary" or "RAG Summary (n)" that starts as
 * the summary does: the title in A1, "As of" in A2 and "Plan RAG" in A3.
 */
export function summarySheetName(sheets: readonly SheetHead[], markFormula: string | null): string | null {
  if (markFormula !== null) {
    const marked = splitSheetRef(markFormula).sheet;
    if (marked === null) return null;
    return sheets.find((s) => s.name.toLowerCase() === marked.toLowerCase())?.name ?? null;
  }
  const looksOurs = (s: SheetHead): boolean => Object.entries(SUMMARY_HEAD_LABELS).every(([at, label]) => s.cell(at as keyof typeof SUMMARY_HEAD_LABELS) === label);
  return sheets.find((s) => UNMARKED_NAME.test(s.name) && looksOurs(s))?.name ?? null;
}
