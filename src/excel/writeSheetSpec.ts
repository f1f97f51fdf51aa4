/**
 * Applies a SheetSpec (src/plan/sheetSpec.ts) to a worksheet: queues every write, syncing only
 * when the Batcher says a request is full. The order matters and follows the spec's contract:
 * names, number formats ("@" before any text lands), values, table, then the formula columns on
 * the table (so they are calculated columns), styles, widths, validation, conditional formats,
 * frozen rows, charts.
 */
import { type CellValue, parseRangeA1, rangeA1, tableRange, type WorkbookName } from "../plan/model";
import type { ValidationSpec } from "../plan/layouts";
import type { SheetSpec, SpecPrint, SpecValidation } from "../plan/sheets";
import { Batcher, METHOD_BYTES, OPERATION_BYTES, SET_BYTES, payloadBytes } from "./batches";
import { writeUserRows } from "./userText";
import { capabilities } from "./requirements";

/** A spec value as Range.values takes it: blanks and error values leave the (new) cell empty. */
function excelValue(v: CellValue): string | number | boolean | null {
  if (v === null || typeof v === "object") return null;
  return v;
}

function filled<T>(rows: number, cols: number, value: T): T[][] {
  const row = new Array<T>(cols).fill(value);
  const out: T[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = row.slice();
  return out;
}

function shape(address: string): { rows: number; cols: number } {
  const r = parseRangeA1(address);
  if (!r) throw new Error(`Not a range address: ${address}`);
  return { rows: r.lastRow - r.row + 1, cols: r.lastCol - r.col + 1 };
}

/** The Excel rule of a spec; null for "any", which sets the input prompt alone. */
export function validationRule(spec: ValidationSpec): Excel.DataValidationRule | null {
  switch (spec.type) {
    case "any":
      return null;
    case "list":
      return { list: { inCellDropDown: true, source: spec.source } };
    case "date":
      return { date: { formula1: spec.formula1, ...(spec.formula2 !== undefined ? { formula2: spec.formula2 } : {}), operator: capital(spec.operator) as Excel.DataValidationOperator } };
    case "decimal":
      return { decimal: { formula1: spec.formula1, ...(spec.formula2 !== undefined ? { formula2: spec.formula2 } : {}), operator: capital(spec.operator) as Excel.DataValidationOperator } };
    case "wholeNumber":
      return { wholeNumber: { formula1: spec.formula1, formula2: spec.formula2, operator: capital(spec.operator) as Excel.DataValidationOperator } };
  }
}

const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** "greaterThanOrEqualTo" → "GreaterThanOrEqualTo", as Excel's operator enum spells it. */
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The rule's own alert (layout data, layouts/columnRules.ts), as the .xlsx writer writes it too. */
export function alertStyle(v: SpecValidation): "Stop" | "Warning" {
  return v.spec.alert === "warning" ? "Warning" : "Stop";
}

/**
 * The number format the spec gives a cell (its last format entry covering it), for the writer of
 * user text to know which cells are "@" already. Single cells are looked up by key, ranges in order.
 */
export function specFormatLookup(spec: SheetSpec): (row: number, col: number) => string | undefined {
  const cells = new Map<number, { order: number; format: string }>();
  const ranges: { order: number; r: NonNullable<ReturnType<typeof parseRangeA1>>; format: string }[] = [];
  spec.formats.forEach((f, order) => {
    const r = parseRangeA1(f.address);
    if (!r) return;
    if (r.row === r.lastRow && r.col === r.lastCol) cells.set(r.row * 16384 + r.col, { order, format: f.numberFormat });
    else ranges.push({ order, r, format: f.numberFormat });
  });
  return (row, col) => {
    let best = cells.get(row * 16384 + col);
    for (const x of ranges) {
      if (row >= x.r.row && row <= x.r.lastRow && col >= x.r.col && col <= x.r.lastCol && (!best || x.order > best.order)) best = x;
    }
    return best?.format;
  };
}

const POINTS_PER_INCH = 72;

/** The print setup through Worksheet.pageLayout (ExcelApi 1.9; the caller checks it). */
async function queuePageLayout(sheet: Excel.Worksheet, print: SpecPrint, batcher: Batcher): Promise<void> {
  await batcher.add(payloadBytes(print), () => {
    const page = sheet.pageLayout;
    page.orientation = print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    // Only the width is fitted: no verticalFitToPages leaves the height to the rows.
    page.zoom = { horizontalFitToPages: print.fitToPagesWide, ...(print.fitToPagesTall > 0 ? { verticalFitToPages: print.fitToPagesTall } : {}) };
    page.leftMargin = print.margins.left * POINTS_PER_INCH;
    page.rightMargin = print.margins.right * POINTS_PER_INCH;
    page.topMargin = print.margins.top * POINTS_PER_INCH;
    page.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
    page.headerMargin = print.margins.header * POINTS_PER_INCH;
    page.footerMargin = print.margins.footer * POINTS_PER_INCH;
    if (print.printArea) page.setPrintArea(print.printArea);
    if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
    const hf = page.headersFooters.defaultForAllPages;
    hf.leftHeader = print.header.left;
    hf.centerHeader = print.header.center;
    hf.rightHeader = print.header.right;
    hf.leftFooter = print.footer.left;
    hf.centerFooter = print.footer.center;
    hf.rightFooter = print.footer.right;
  }, 2 * METHOD_BYTES + 14 * SET_BYTES);
}

export async function queueSheetSpec(context: Excel.RequestContext, sheet: Excel.Worksheet, spec: SheetSpec, batcher: Batcher): Promise<void> {
  const formatOf = specFormatLookup(spec);
  // A name over one of the sheet's own tables (JP_Roster[Name]) can only be added once the table
  // exists; the others first, as the spec's order asks.
  const ownTable = (n: WorkbookName): boolean => spec.tables.some((t) => n.formula.toLowerCase().includes(`${t.name.toLowerCase()}[`));
  for (const n of spec.names.filter((x) => !ownTable(x))) await batcher.add(payloadBytes(n), () => context.workbook.names.add(n.name, n.formula, n.comment));
  for (const f of spec.formats) {
    const { rows, cols } = shape(f.address);
    await batcher.addRows(f.address, filled(rows, cols, f.numberFormat), (address, slice) => {
      sheet.getRange(address).numberFormat = slice;
    });
  }
  for (const b of spec.blocks) {
    // Through the one writer of user text (userText.ts): cells the spec formats "@" stay as they are.
    if (b.values) await writeUserRows(batcher, sheet, b.address, b.values.map((row) => row.map(excelValue)), formatOf);
  }
  for (const t of spec.tables) {
    await batcher.add(payloadBytes([tableRange(t.position), t.name, t.style]), () => {
      const table = sheet.tables.add(tableRange(t.position), true);
      table.name = t.name;
      table.style = t.style;
    }, OPERATION_BYTES + 2 * SET_BYTES);
  }
  for (const n of spec.names.filter(ownTable)) await batcher.add(payloadBytes(n), () => context.workbook.names.add(n.name, n.formula, n.comment));
  // Formulas after the table: a formula set on a whole table column makes it a calculated column,
  // which the rows a person adds inherit; written before tables.add it would make none ("Use
  // calculated columns in an Excel table", https://support.microsoft.com/office/873fbac6-7110-4300-8f6f-aafa2ea11ce8).
  for (const b of spec.blocks) {
    if (b.formulas) {
      await batcher.addRows(b.address, b.formulas, (address, slice) => {
        sheet.getRange(address).formulas = slice;
      });
    }
  }
  for (const s of spec.styles) {
    const sets = Object.keys(s).length - 1;
    // Format, font and fill are objects of their own on the way: one more path each.
    await batcher.add(payloadBytes(s), () => {
      const format = sheet.getRange(s.address).format;
      if (s.bold !== undefined) format.font.bold = s.bold;
      if (s.italic !== undefined) format.font.italic = s.italic;
      if (s.fontSize !== undefined) format.font.size = s.fontSize;
      if (s.fontColor !== undefined) format.font.color = s.fontColor;
      if (s.fill !== undefined) format.fill.color = s.fill;
      if (s.wrapText !== undefined) format.wrapText = s.wrapText;
      if (s.horizontalAlignment !== undefined) format.horizontalAlignment = s.horizontalAlignment;
    }, OPERATION_BYTES + (sets + 2) * SET_BYTES);
  }
  for (const w of spec.columnWidths) {
    await batcher.add(0, () => {
      sheet.getRangeByIndexes(0, w.col, 1, 1).getEntireColumn().format.columnWidth = w.width;
    }, OPERATION_BYTES + 3 * SET_BYTES);
  }
  for (const v of spec.validations) {
    await batcher.add(payloadBytes(v), () => {
      const dv = sheet.getRange(v.address).dataValidation;
      const rule = validationRule(v.spec);
      if (rule === null) {
        // Any value: Excel keeps an input prompt without a rule (Data Validation > Any value).
        if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
        return;
      }
      dv.rule = rule;
      dv.ignoreBlanks = v.spec.allowBlank;
      dv.errorAlert = {
        showAlert: true,
        style: alertStyle(v),
        // Excel's limits: alert title 32 characters, message 225.
        title: (v.prompt?.title ?? "JointPlan").slice(0, 32),
        message: clip(v.prompt?.message ?? "This value does not fit the column.", 225),
      };
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    }, OPERATION_BYTES + 4 * SET_BYTES);
  }
  // ConditionalFormatCollection.add puts each new format at the top priority ("Adds a new
  // conditional format to the collection at the first/top priority", Excel JavaScript API
  // reference), while the .xlsx writer gives the spec's first format the top priority: added last
  // to first, the workbook ends with the spec's order, as in a file.
  for (const cf of [...spec.conditionalFormats].reverse()) {
    await batcher.add(payloadBytes(cf), () => {
      const format = sheet.getRange(cf.address).conditionalFormats.add("Custom");
      format.custom.rule.formula = cf.formula;
      format.custom.format.fill.color = cf.fill;
      if (cf.fontColor) format.custom.format.font.color = cf.fontColor;
    }, OPERATION_BYTES + (cf.fontColor ? 11 : 9) * SET_BYTES);
  }
  // freezeAt keeps rows and columns in view at once (freezeRows then freezeColumns would replace each other).
  if (spec.freezeRows > 0 && spec.freezeColumns > 0) {
    const at = rangeA1(0, 0, spec.freezeRows - 1, spec.freezeColumns - 1);
    await batcher.add(0, () => sheet.freezePanes.freezeAt(sheet.getRange(at)), 2 * METHOD_BYTES + SET_BYTES);
  } else if (spec.freezeRows > 0) await batcher.add(0, () => sheet.freezePanes.freezeRows(spec.freezeRows), METHOD_BYTES + SET_BYTES);
  else if (spec.freezeColumns > 0) await batcher.add(0, () => sheet.freezePanes.freezeColumns(spec.freezeColumns), METHOD_BYTES + SET_BYTES);
  if (spec.print && capabilities().pageLayout) await queuePageLayout(sheet, spec.print, batcher);
  for (const c of spec.charts) {
    await batcher.add(payloadBytes(c), () => {
      const chart = sheet.charts.add(c.type, sheet.getRange(c.source), c.seriesBy);
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(c.anchor);
      chart.width = c.width;
      chart.height = c.height;
      if (c.textCategories) chart.axes.categoryAxis.categoryType = Excel.ChartAxisCategoryType.textAxis;
      (c.seriesColors ?? []).forEach((colour, i) => chart.series.getItemAt(i).format.fill.setSolidColor(colour));
    }, 2 * OPERATION_BYTES + 6 * SET_BYTES + (c.textCategories ? 2 * OPERATION_BYTES + SET_BYTES : 0) + (c.seriesColors?.length ?? 0) * (3 * OPERATION_BYTES + METHOD_BYTES));
  }
}
