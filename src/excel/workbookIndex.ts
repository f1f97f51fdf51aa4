/**
 * What a workbook holds, read in one sync: sheet names, tables with their header texts, defined
 * names. Enough to insert without overwriting, and to recognise plan tables by their headers.
 */
import { headerKey } from "../plan/read";
import { ROSTER, type TableLayout } from "../plan/layouts";
import type { TableListing } from "../plan/model";

export interface WorkbookIndex {
  sheets: string[];
  tables: TableListing[];
  names: string[];
}

export async function readIndex(context: Excel.RequestContext): Promise<WorkbookIndex> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name,items/columns/items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, headers: t.columns.items.map((c) => c.name) })),
    names: names.items.map((n) => n.name),
  };
}

/** True when a table's headers carry every signature column of a layout. */
export function hasSignature(columns: string[], layout: TableLayout): boolean {
  const keys = new Set(columns.map(headerKey));
  return layout.signature.every((key) => {
    const col = layout.columns.find((c) => c.key === key)!;
    return [col.header, ...(col.aliases ?? [])].some((h) => keys.has(headerKey(h)));
  });
}

export const planTables = (index: WorkbookIndex, layout: TableLayout): TableListing[] => index.tables.filter((t) => hasSignature(t.headers, layout));

/** The header text a table uses for a layout column (its own spelling, or the layout's). */
export function headerOf(table: TableListing, key: string, layout: TableLayout = ROSTER): string {
  const col = layout.columns.find((c) => c.key === key)!;
  const wanted = new Set([col.header, ...(col.aliases ?? [])].map(headerKey));
  return table.headers.find((c) => wanted.has(headerKey(c))) ?? col.header;
}
