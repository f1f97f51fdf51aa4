/**
 * Requirement-set detection in one place. ExcelApi 1.8 is the floor, as in manifest.xml (tables,
 * conditional formats, charts and worksheet events from 1.7; Range.dataValidation from 1.8); the
 * finer features degrade instead of failing.
 */
import { JointPlanError } from "./errors";

export const MIN_EXCEL_API = "1.8";

function supported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

export interface Capabilities {
  /** Notes on cells (ExcelApi 1.18); without them the Issues column and the task pane carry it all. */
  notes: boolean;
  /** Threaded comments (1.10), read so that a cell with one never gets an add-in note. */
  comments: boolean;
  /** runtime.enableEvents (1.8): silence our own writes during the live check. */
  enableEvents: boolean;
  /**
   * worksheets.onChanged across all sheets (1.9). Without it the live check listens on each
   * sheet's onChanged (1.7) and on worksheets.onAdded (1.7).
   */
  collectionEvents: boolean;
  /**
   * Worksheet.pageLayout (1.9): landscape, fit to one page wide, print area and titles, header and
   * footer. Without it a sheet is written without its print setup (the files `jointplan` writes
   * carry it).
   */
  pageLayout: boolean;
}

export function capabilities(): Capabilities {
  return {
    notes: supported("1.18"),
    comments: supported("1.10"),
    enableEvents: supported("1.8"),
    collectionEvents: supported("1.9"),
    pageLayout: supported("1.9"),
  };
}

/** Throws a clear error when this Excel is too old for the add-in. */
export function requireExcelApi(): void {
  if (!supported(MIN_EXCEL_API)) {
    throw new JointPlanError(
      "unsupported",
      `JointPlan needs Excel with ExcelApi ${MIN_EXCEL_API} or later (Excel 2019, Microsoft 365 or Excel on the web). Update Excel, or open the workbook in Excel on the web.`,
    );
  }
}

/** The sentence to add to a check's message when notes are not available. */
export const NOTES_UNSUPPORTED_MESSAGE =
  "This version of Excel cannot add notes (ExcelApi 1.18), so findings are in the Issues column and the task pane only.";
