/**
 * How a table grows and what its new rows inherit, as Excel does it.
 *
 * Auto-expansion: "Setting the Range values directly below the table automatically expands the
 * table", and "the table only automatically expands if data is present in the cells directly below
 * the table" (Coauthoring in Excel add-ins, "Avoid table row coauthoring conflicts":
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). So a write
 * of values or formulas (by the add-in or typed) whose first row is the row just below a table and
 * whose columns meet the table's takes in every consecutive written row holding data in the
 * table's columns. The new rows take the last row's formats where they have none of their own, its
 * data validation and conditional formats, and the table's calculated columns.
 *
 * Calculated columns: a formula set on a whole table column (its data body range) makes a
 * calculated column that new rows inherit ("Use calculated columns in an Excel table",
 * https://support.microsoft.com/office/873fbac6-7110-4300-8f6f-aafa2ea11ce8). A formula written
 * before the table exists, then tables.add, makes none; a constant over the whole column ends one.
 */
import type { Rect } from "./address";
import { FORMAT_KEYS } from "./cellStore";
import type { SheetModel, TableModel, WorkbookModel } from "./model";
import { liveTables } from "./tableModel";

/** `formula` as it reads `by` rows lower: relative row references move, $-anchored rows stay. */
export function shiftFormulaRows(formula: string, by: number): string {
  if (by === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      // Strings, quoted sheet names and structured references are copied as they are.
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      while (j < formula.length && !(formula[j] === close && formula[j + 1] !== close)) j += formula[j] === close ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_.])/.exec(formula.slice(i));
    const before = out[out.length - 1];
    if (m && !(before && /[A-Za-z0-9_.]/.test(before))) {
      const row = m[3] === "$" ? m[4] : String(Number(m[4]) + by);
      out += `${m[1]}${m[2]}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** After a write of values or formulas over `rect`: marks or ends calculated columns it covers whole. */
export function noteColumnFormulas(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  for (const t of liveTables(wb, sheet)) {
    const body = { r0: t.rect.r0 + 1, r1: t.rect.r1 };
    if (rect.r0 !== body.r0 || rect.r1 !== body.r1) continue;
    for (let c = Math.max(rect.c0, t.rect.c0); c <= Math.min(rect.c1, t.rect.c1); c++) {
      const col = t.columns[c - t.rect.c0];
      const top = sheet.store.get(body.r0, c)?.formula;
      let same = top !== undefined;
      for (let r = body.r0 + 1; same && r <= body.r1; r++) same = sheet.store.get(r, c)?.formula === shiftFormulaRows(top!, r - body.r0);
      if (same) t.calculated.set(col.id, { formula: top!, row: body.r0 });
      else t.calculated.delete(col.id);
    }
  }
}

/** Fills the calculated columns of rows r0..r1 of a table, where a cell holds nothing. */
export function fillCalculated(t: TableModel, r0: number, r1: number): void {
  t.columns.forEach((col, i) => {
    const calc = t.calculated.get(col.id);
    if (!calc) return;
    const c = t.rect.c0 + i;
    for (let r = r0; r <= r1; r++) {
      const cell = t.sheet.store.get(r, c);
      if (cell?.value !== undefined || cell?.formula !== undefined) continue;
      t.sheet.store.ensure(r, c).formula = shiftFormulaRows(calc.formula, r - calc.row);
    }
  });
}

const hasData = (sheet: SheetModel, r: number, c0: number, c1: number): boolean => {
  for (let c = c0; c <= c1; c++) {
    const cell = sheet.store.get(r, c);
    if (cell && (cell.value !== undefined || cell.formula !== undefined)) return true;
  }
  return false;
};

/** After a write of values or formulas over `rect`: grows the table just above it, as Excel does. */
export function expandTablesBelow(wb: WorkbookModel, sheet: SheetModel, rect: Rect): void {
  for (const t of liveTables(wb, sheet)) {
    if (rect.r0 !== t.rect.r1 + 1 || rect.c1 < t.rect.c0 || rect.c0 > t.rect.c1) continue;
    let last = t.rect.r1;
    while (last + 1 <= rect.r1 && hasData(sheet, last + 1, t.rect.c0, t.rect.c1)) last++;
    const n = last - t.rect.r1;
    if (n === 0) continue;
    const grown = { ...t.rect, r1: last };
    if (liveTables(wb, sheet).some((o) => o !== t && o.rect.r0 <= grown.r1 && o.rect.r1 >= grown.r0 && o.rect.c0 <= grown.c1 && o.rect.c1 >= grown.c0)) continue;
    const template = t.rect.r1;
    // Formats of the last row, where the new cells have none of their own.
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const src = sheet.store.get(template, c);
      if (!src) continue;
      for (let r = template + 1; r <= last; r++) {
        const cell = sheet.store.ensure(r, c);
        for (const k of FORMAT_KEYS) if (src[k] !== undefined && cell[k] === undefined) (cell as Record<string, unknown>)[k] = src[k];
      }
    }
    // Validation and conditional formats that reach the last row follow the table down.
    const follows = (a: Rect): Rect => (a.c0 >= t.rect.c0 && a.c1 <= t.rect.c1 && a.r0 <= template && a.r1 === template ? { ...a, r1: last } : a);
    for (const v of sheet.validations) v.rect = follows(v.rect);
    for (const cf of sheet.conditionalFormats) cf.areas = cf.areas.map(follows);
    t.rect = grown;
    fillCalculated(t, template + 1, last);
  }
}
