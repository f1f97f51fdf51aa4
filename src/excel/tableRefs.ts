/**
 * Where existing plan tables stand (sheet rows and columns by layout key), for formulas that count
 * over them. The index (workbookIndex.ts) knows tables by name and headers only: Office.js gives a
 * table's position through getDataBodyRange(), so this costs one round trip, taken only when needed.
 */
import { parseRangeA1 } from "../plan/model/a1";
import type { TableRef } from "../plan/expr/formula";
import { columnKeyMap, headerKey } from "../plan/read/findTables";
import type { TableLayout } from "../plan/layouts/tableLayout";
import type { WorkbookIndex } from "./workbookIndex";

export interface PlacedTable {
  name: string;
  ref: TableRef;
}

/** "'JAP 2026-03'!A8:W27" → the range part, parsed; null for anything else. */
function rangeOf(address: string): ReturnType<typeof parseRangeA1> {
  return parseRangeA1(address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, ""));
}

/** A table's position from its data-body address and its header texts (mapped to layout keys). */
export function tableRefFrom(table: WorkbookIndex["tables"][number], dataBodyAddress: string, layout: TableLayout): TableRef | null {
  const r = rangeOf(dataBodyAddress);
  if (!r) return null;
  const keys = columnKeyMap(layout);
  const columns: Record<string, number> = {};
  table.columns.forEach((header, i) => {
    const key = keys.get(headerKey(header));
    if (key !== undefined && columns[key] === undefined) columns[key] = r.col + i;
  });
  return { sheetName: table.sheet, columns, firstDataRow: r.row, lastDataRow: r.lastRow };
}

/** Queues the load of these tables' data bodies; the returned function reads them after the sync. */
export function queueTableRefs(context: Excel.RequestContext, tables: WorkbookIndex["tables"], layout: TableLayout): () => PlacedTable[] {
  const ranges = tables.map((t) => context.workbook.tables.getItem(t.name).getDataBodyRange().load("address"));
  return () =>
    tables.flatMap((t, i) => {
      const ref = tableRefFrom(t, ranges[i].address, layout);
      return ref ? [{ name: t.name, ref }] : [];
    });
}
