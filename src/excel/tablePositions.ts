/**
 * Where existing plan tables stand (sheet rows and columns by layout key), for formulas that count
 * over them. The index (workbookIndex.ts) knows tables by name and headers only: Office.js gives a
 * table's position through its range, so this costs one round trip, taken only when needed.
 */
import { columnKeyMap, headerKey } from "../plan/read";
import type { TableLayout } from "../plan/layouts";
import { positionFromAddress, type TableListing, type TablePosition, withExcelTable } from "../plan/model";

/** Queues the load of these tables' ranges; the returned function gives their positions after the sync. */
export function queueTablePositions(context: Excel.RequestContext, tables: TableListing[], layout: TableLayout): () => TablePosition[] {
  const ranges = tables.map((t) => context.workbook.tables.getItem(t.name).getRange().load("address"));
  const keys = columnKeyMap(layout);
  return () =>
    tables.flatMap((t, i) => {
      const position = positionFromAddress(t.sheet, ranges[i].address, t.headers.map((h) => keys.get(headerKey(h))));
      // With its name and headers, so the JBP's counts name its columns by structured reference.
      return position ? [withExcelTable(position, [{ ...t, address: ranges[i].address }])] : [];
    });
}
