/** Writing and reading cell contents with Excel's rules; shared by Range, userEdit and seeding. */
import type { Rect } from "./address";
import { fail } from "./errors";
import type { Trigger } from "./events";
import type { SimHost } from "./host";
import type { SheetModel } from "./model";
import { checkFormulaLimits } from "./formulaLimits";
import { formatValue } from "./numberFormat";
import { area } from "./rects";
import { headerCellAt, syncHeaders } from "./tableModel";
import { checkScalar, interpretInput, valueTypeOf, type Content, type Scalar } from "./values";

const rowsOf = (r: Rect) => r.r1 - r.r0 + 1;
const colsOf = (r: Rect) => r.c1 - r.c0 + 1;

/** A 2-D array of the range's shape; a bare scalar only for a single cell. */
export function shaped(rect: Rect, input: unknown, what: string): unknown[][] {
  if (!Array.isArray(input)) {
    if (area(rect) === 1) return [[input]];
    return fail("InvalidArgument", `${what}: a ${rowsOf(rect)}x${colsOf(rect)} range needs a 2-D array, not a single value`);
  }
  if (input.length !== rowsOf(rect) || input.some((row) => !Array.isArray(row) || row.length !== colsOf(rect))) {
    const got = `${input.length}x${Array.isArray(input[0]) ? input[0].length : "?"}`;
    return fail("InvalidArgument", `${what}: the array is ${got} but the range is ${rowsOf(rect)}x${colsOf(rect)}`);
  }
  return input as unknown[][];
}

/** Writes values or formulas as Excel does (null leaves a cell unchanged). */
export function writeContents(host: SimHost, sheet: SheetModel, rect: Rect, input: unknown, what: string, trigger: Trigger): void {
  const rows = shaped(rect, input, what);
  const store = sheet.store;
  // Excel refuses the whole write when one formula of it passes a limit: check before writing any.
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i].length; j++) {
      const raw = rows[i][j];
      if (typeof raw !== "string" || raw.length < 2 || !"=+-@".includes(raw[0])) continue;
      const formula = interpretInput(raw, store.format(rect.r0 + i, rect.c0 + j, "numberFormat")).formula;
      if (formula !== undefined) checkFormulaLimits(formula, `${what}[${i}][${j}]`);
    }
  }
  const single = area(rect) === 1;
  const before = single ? store.get(rect.r0, rect.c0)?.value : undefined;
  let touchesHeader = false;
  const hasTables = host.wb.tables.some((t) => !t.deleted && t.sheet === sheet);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const raw = row[j];
      if (raw === null || raw === undefined) continue;
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      const v = checkScalar(raw, what, i, j);
      const header = hasTables && headerCellAt(host.wb, sheet, r, c);
      if (!header && typeof v !== "string") {
        // Fast path: numbers and booleans are stored as they are.
        const cell = store.ensure(r, c);
        cell.value = v;
        cell.formula = undefined;
        continue;
      }
      let content: Content;
      if (header) {
        touchesHeader = true;
        content = { value: v === "" ? undefined : String(v) };
      } else {
        content = interpretInput(v as string, store.format(r, c, "numberFormat"));
      }
      const existing = store.get(r, c);
      if (content.value === undefined && content.formula === undefined) {
        if (existing) {
          existing.value = undefined;
          existing.formula = undefined;
          store.tidy(r, c);
        }
        continue;
      }
      const cell = existing ?? store.ensure(r, c);
      cell.value = content.value;
      cell.formula = content.formula;
      if (content.impliedFormat && store.format(r, c, "numberFormat") === "General") cell.numberFormat = content.impliedFormat;
    }
  }
  if (touchesHeader) syncHeaders(host.wb, sheet, rect);
  host.events.changed(sheet, rect, trigger, before, single ? store.get(rect.r0, rect.c0)?.value : undefined);
}

export function writeNumberFormat(sheet: SheetModel, rect: Rect, input: unknown): void {
  const rows = shaped(rect, input, "numberFormat");
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows[i].length; j++) {
      const f = rows[i][j];
      if (f === null || f === undefined) continue;
      if (typeof f !== "string") fail("InvalidArgument", `numberFormat[${i}][${j}] must be a string`);
      const cell = sheet.store.ensure(rect.r0 + i, rect.c0 + j);
      cell.numberFormat = f;
    }
  }
}

export function clearContents(host: SimHost, sheet: SheetModel, rect: Rect, trigger: Trigger): void {
  const single = area(rect) === 1;
  const before = single ? sheet.store.get(rect.r0, rect.c0)?.value : undefined;
  let any = false;
  sheet.store.forEachStored(rect, (r, c, cell) => {
    if (cell.value !== undefined || cell.formula !== undefined) any = true;
    cell.value = undefined;
    cell.formula = undefined;
    sheet.store.tidy(r, c);
  });
  syncHeaders(host.wb, sheet, rect);
  if (any || single) host.events.changed(sheet, rect, trigger, before, undefined);
}

/** The value Excel reports: a formula cell's last computed value, which the sim does not compute. */
function valueOf(sheet: SheetModel, r: number, c: number): Scalar {
  return sheet.store.get(r, c)?.value ?? "";
}

function grid<V>(rect: Rect, f: (r: number, c: number) => V): V[][] {
  const out: V[][] = new Array(rowsOf(rect));
  for (let i = 0; i < out.length; i++) {
    const row: V[] = new Array(colsOf(rect));
    for (let j = 0; j < row.length; j++) row[j] = f(rect.r0 + i, rect.c0 + j);
    out[i] = row;
  }
  return out;
}

/**
 * "A range is limited to 5,000,000 cells for read operations", on every platform (Resource limits
 * and performance optimization, https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * the code is RangeExceedsLimit, "The cell count in the range has exceeded the maximum supported
 * number" (Error handling with the application-specific JavaScript APIs).
 */
function checkReadSize(rect: Rect, what: string): void {
  if (area(rect) > 5_000_000) fail("RangeExceedsLimit", `${what} of ${area(rect)} cells`);
}

export function readValues(sheet: SheetModel, rect: Rect): Scalar[][] {
  checkReadSize(rect, "values");
  return grid(rect, (r, c) => valueOf(sheet, r, c));
}

export function readFormulas(sheet: SheetModel, rect: Rect): Scalar[][] {
  checkReadSize(rect, "formulas");
  return grid(rect, (r, c) => sheet.store.get(r, c)?.formula ?? valueOf(sheet, r, c));
}

export function readNumberFormat(sheet: SheetModel, rect: Rect): string[][] {
  checkReadSize(rect, "numberFormat");
  return grid(rect, (r, c) => sheet.store.format(r, c, "numberFormat"));
}

export function readText(sheet: SheetModel, rect: Rect): string[][] {
  checkReadSize(rect, "text");
  return grid(rect, (r, c) => {
    const cell = sheet.store.get(r, c);
    return formatValue(cell?.value, sheet.store.format(r, c, "numberFormat"));
  });
}

export function readValueTypes(sheet: SheetModel, rect: Rect): string[][] {
  checkReadSize(rect, "valueTypes");
  return grid(rect, (r, c) => valueTypeOf(sheet.store.get(r, c)?.value));
}
