/**
 * The host's date order, from Excel's culture (the language and region Excel runs in, which is how
 * Excel itself reads a date typed into a cell): cultureInfo.datetimeFormat.shortDatePattern,
 * ExcelApi 1.12. Loaded in the read's first request, so it costs no round trip of its own.
 */
import { type DateOrder, dateOrderOfPattern } from "../plan/model";

/** datetimeFormat is ExcelApi 1.12 (cultureInfo itself 1.11); loading it on an older Excel would fail the whole request. */
export function cultureSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.12") === true;
  } catch {
    return false;
  }
}

/**
 * Queues the load of the short date pattern; the result, read after the next sync, is the date
 * order. Without ExcelApi 1.12 (Excel 2019, older Excel for Mac) nothing is queued and the order is
 * DMY, the product's default: the planner can still choose MDY in Settings.
 */
export function queueHostDateOrder(context: Excel.RequestContext): () => DateOrder {
  if (!cultureSupported()) return () => "DMY";
  const format = context.application.cultureInfo.datetimeFormat.load("shortDatePattern");
  return () => dateOrderOfPattern(format.shortDatePattern ?? "");
}
