/**
 * How every sheet the product writes prints and projects (issue 14): landscape, one page wide with
 * the height left to the rows, the table's header row repeated on each page, margins that leave
 * room for a header and a footer naming the distributor, the month and the page. Fitting to the
 * width makes the page paper-independent: A4 and Letter both hold the full width, only the scale
 * differs. Both writers (the Excel layer, the .xlsx writer) apply this through the SheetSpec.
 */
import type { TableLayout } from "./tableLayout";

/** Margins in inches, as the .xlsx file and Excel's Page Setup dialog state them. */
export interface PrintMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PrintLayout {
  orientation: "landscape" | "portrait";
  /** Pages across: 1. Pages down: 0, as many as the rows need. */
  fitToPagesWide: number;
  fitToPagesTall: number;
  margins: PrintMargins;
}

/** Narrow side margins give the columns the width; top and bottom hold the header and footer. */
export const PRINT_LAYOUT: PrintLayout = {
  orientation: "landscape",
  fitToPagesWide: 1,
  fitToPagesTall: 0,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
};

/**
 * Columns kept in view when scrolling sideways: ID and Action on a JAP, ID and Objective on a JBP,
 * the name on the Roster and the Settings; the Review Log's date, action ID and action.
 */
export function frozenColumns(layout: TableLayout): number {
  switch (layout.kind) {
    case "jap":
    case "jbp":
      return 2;
    case "reviewLog":
      return 3;
    default:
      return 1;
  }
}

/** The columns a printed or projected sheet shows: the meeting columns, before the first detail one. */
export function printedColumnCount(layout: TableLayout): number {
  const firstDetail = layout.columns.findIndex((c) => c.detail === true);
  return firstDetail < 0 ? layout.columns.length : firstDetail;
}

/** A page header or footer section holds at most 255 characters in Excel, codes included. */
export const HEADER_FOOTER_MAX = 255;

/**
 * Text for a header or footer section: "&" starts a code in Excel's header language, so a
 * distributor such as "Smith & Sons" is written "Smith && Sons"; cut to fit the section.
 */
export function headerFooterText(text: string, max = 80): string {
  const plain = text.replace(/[\r\n]+/g, " ").trim();
  const cut = plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
  return cut.replace(/&/g, "&&");
}
