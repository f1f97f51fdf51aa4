/**
 * Builds sheet grids as the add-in lays them out (title, header block, blank row, table), from
 * rows keyed by column key, so tests and benchmarks state plans briefly. Columns can be reordered,
 * renamed (re-cased), left out or joined by extra ones.
 */
import { columnIndex, JAP, JBP, ROSTER, SETTINGS, SETTINGS_ROWS, tableHeaderRow, type TableLayout } from "../../src/plan/layouts";
import { type CellValue, columnLetters, type SheetGrid } from "../../src/plan/model";

export type Row = Record<string, CellValue>;

export interface TableGridOptions {
  /** Header block values by field key (JBP/JAP). */
  header?: Row;
  /** Columns in sheet order: a layout key, or { key, header } to use other header text. Default: all. */
  columns?: (string | { key: string; header: string })[];
  /** Rows of blank cells above the title (tables lower on the sheet). */
  offset?: number;
}

export function tableGrid(name: string, layout: TableLayout, rows: Row[], options: TableGridOptions = {}): SheetGrid {
  const columns = (options.columns ?? layout.columns.map((c) => c.key)).map((c) =>
    typeof c === "string" ? { key: c, header: layout.columns.find((l) => l.key === c)?.header ?? c } : c,
  );
  const width = Math.max(columns.length, 2);
  const blank = (): CellValue[] => new Array(width).fill(null);
  const values: CellValue[][] = [];
  for (let i = 0; i < (options.offset ?? 0); i++) values.push(blank());
  const title = blank();
  title[0] = layout.title;
  values.push(title);
  for (const field of layout.headerBlock) {
    const line = blank();
    line[0] = field.label;
    line[1] = options.header?.[field.key] ?? null;
    values.push(line);
  }
  if (layout.headerBlock.length > 0) values.push(blank());
  else values.pop(); // tables without a header block start at row 0, as the add-in writes them
  values.push(columns.map((c) => c.header));
  for (const row of rows) values.push(columns.map((c) => (row[c.key] === undefined ? null : row[c.key])));
  return { name, values };
}

/** The sheet row (0-based) of data row i of a grid built with default options. */
export function dataRow(layout: TableLayout, i: number): number {
  return tableHeaderRow(layout) + 1 + i;
}

export function rosterGrid(rows: Row[], options?: TableGridOptions): SheetGrid {
  return tableGrid("Roster", ROSTER, rows, options);
}

export function settingsGrid(values: Partial<Record<string, CellValue>>, name = "Settings"): SheetGrid {
  const rows = SETTINGS_ROWS.filter((r) => r.key in values).map((r) => ({ setting: r.label, value: values[r.key] ?? null, meaning: r.meaning }));
  return tableGrid(name, SETTINGS, rows);
}

export function jbpGrid(header: Row, objectives: Row[], options: TableGridOptions = {}, name = "JBP"): SheetGrid {
  return tableGrid(name, JBP, objectives, { ...options, header });
}

export function japGrid(header: Row, actions: Row[], options: TableGridOptions = {}, name = "JAP"): SheetGrid {
  return tableGrid(name, JAP, actions, { ...options, header });
}

/** The column letter of a layout column as the add-in writes it, so tests follow the layout's order. */
export function colOf(layout: TableLayout, key: string): string {
  return columnLetters(columnIndex(layout, key));
}
