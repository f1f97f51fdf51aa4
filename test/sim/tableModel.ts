/** Tables in the model: creation, header names, growing by rows, and the areas that follow them. */
import type { Rect } from "./address";
import { FORMAT_KEYS } from "./cellStore";
import { fail } from "./errors";
import { nextId, type SheetModel, type TableModel, type WorkbookModel } from "./model";
import { intersect } from "./rects";

export function liveTables(wb: WorkbookModel, sheet?: SheetModel): TableModel[] {
  return wb.tables.filter((t) => !t.deleted && (!sheet || t.sheet === sheet));
}

/** Tables whose header row crosses rect (header cells hold the column names). */
export function headerTablesIn(wb: WorkbookModel, sheet: SheetModel, rect: Rect): TableModel[] {
  return liveTables(wb, sheet).filter((t) => intersect({ ...t.rect, r1: t.rect.r0 }, rect));
}

export function headerCellAt(wb: WorkbookModel, sheet: SheetModel, r: number, c: number): boolean {
  if (wb.tables.length === 0) return false;
  return liveTables(wb, sheet).some((t) => t.rect.r0 === r && c >= t.rect.c0 && c <= t.rect.c1);
}

/** Excel's header names: blank becomes "ColumnN", duplicates (ignoring case) get 2, 3… */
export function uniqueHeaders(raw: unknown[]): string[] {
  const names: string[] = [];
  raw.forEach((v, i) => {
    const base = v === undefined || v === null || v === "" ? `Column${i + 1}` : String(v);
    let name = base;
    for (let k = 2; names.some((n) => n.toLowerCase() === name.toLowerCase()); k++) name = `${base}${k}`;
    names.push(name);
  });
  return names;
}

/** Re-reads the header cells of tables crossing rect and writes Excel's names back into them. */
export function syncHeaders(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  for (const t of headerTablesIn(wb, sheet, rect)) applyHeaders(t);
}

export function applyHeaders(t: TableModel): void {
  const store = t.sheet.store;
  const raw: unknown[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) raw.push(store.get(t.rect.r0, c)?.value);
  const names = uniqueHeaders(raw);
  const old = t.columns;
  t.columns = names.map((name, i) => ({ id: old[i]?.id ?? t.nextColumnId++, name }));
  names.forEach((name, i) => {
    const cell = store.ensure(t.rect.r0, t.rect.c0 + i);
    cell.value = name;
    cell.formula = undefined;
  });
}

export function checkNoOverlap(wb: WorkbookModel, sheet: SheetModel, rect: Rect, self?: TableModel): void {
  const other = liveTables(wb, sheet).find((t) => t !== self && intersect(t.rect, rect));
  if (other) fail("InvalidOperation", `the range overlaps table '${other.name}'; tables cannot overlap`);
}

export function defaultTableName(wb: WorkbookModel): string {
  const used = new Set([...wb.tables.filter((t) => !t.deleted).map((t) => t.name.toLowerCase()), ...wb.names.filter((n) => !n.deleted).map((n) => n.name.toLowerCase())]);
  let n = 1;
  while (used.has(`table${n}`)) n++;
  return `Table${n}`;
}

export function newTable(wb: WorkbookModel, sheet: SheetModel, rect: Rect, name: string): TableModel {
  const t: TableModel = {
    id: String(nextId(wb, "table")),
    name,
    sheet,
    rect,
    columns: [],
    style: "TableStyleMedium2",
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    highlightFirstColumn: false,
    highlightLastColumn: false,
    deleted: false,
    nextColumnId: 1,
    calculated: new Map(),
  };
  wb.tables.push(t);
  return t;
}

/**
 * Inserts `n` rows into columns c0..c1 at absolute row `at`, as a table does: cells below move
 * down, the new rows take the formats of the row above (`template`), and validation and
 * conditional-format areas that reach the row above grow to cover them.
 */
export function insertRows(wb: WorkbookModel, sheet: SheetModel, c0: number, c1: number, at: number, n: number, template: number): void {
  if (!sheet.store.shiftRows(c0, c1, at, n)) fail("InvalidOperation", "the insertion would push cells off the end of the sheet");
  const cols = { c0, c1 };
  const grow = (rect: Rect): Rect => {
    if (rect.c0 < c0 || rect.c1 > c1) return rect; // areas wider than the table stay put
    if (rect.r0 >= at) return { ...rect, r0: rect.r0 + n, r1: rect.r1 + n };
    if (rect.r1 >= template) return { ...rect, r1: rect.r1 + n };
    return rect;
  };
  for (const a of sheet.validations) a.rect = grow(a.rect);
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.map(grow);
  for (const note of [...wb.notes, ...wb.comments]) {
    if (note.sheet === sheet && !note.deleted && note.r >= at && note.c >= cols.c0 && note.c <= cols.c1) note.r += n;
  }
  if (template >= 0) {
    for (let c = c0; c <= c1; c++) {
      const src = sheet.store.get(template >= at ? template + n : template, c);
      if (!src) continue;
      for (let r = at; r < at + n; r++) {
        const cell = sheet.store.ensure(r, c);
        for (const k of FORMAT_KEYS) if (src[k] !== undefined) (cell as Record<string, unknown>)[k] = src[k];
      }
    }
  }
}

/** Deletes `n` rows of columns c0..c1 at `at`; cells below move up; areas shrink. */
export function deleteRows(wb: WorkbookModel, sheet: SheetModel, c0: number, c1: number, at: number, n: number): void {
  sheet.store.shiftRows(c0, c1, at, -n);
  const shrink = (rect: Rect): Rect | null => {
    if (rect.c0 < c0 || rect.c1 > c1) return rect;
    if (rect.r0 >= at + n) return { ...rect, r0: rect.r0 - n, r1: rect.r1 - n };
    if (rect.r1 < at) return rect;
    const r0 = Math.min(rect.r0, at);
    const r1 = rect.r1 >= at + n ? rect.r1 - n : at - 1;
    return r1 >= r0 ? { ...rect, r0, r1 } : null;
  };
  sheet.validations = sheet.validations.flatMap((a) => {
    const r = shrink(a.rect);
    return r ? [{ ...a, rect: r }] : [];
  });
  for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.map(shrink).filter((r): r is Rect => r !== null);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
  for (const note of [...wb.notes, ...wb.comments]) {
    if (note.sheet !== sheet || note.deleted || note.c < c0 || note.c > c1 || note.r < at) continue;
    if (note.r < at + n) note.deleted = true;
    else note.r -= n;
  }
}
