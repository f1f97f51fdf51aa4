/**
 * Applies a SheetSpec (src/plan/sheetSpec.ts) to a worksheet: queues every write, syncing only
 * when the Batcher says a request is full. The order matters and follows the spec's contract:
 * names, number formats ("@" before any text lands), cells, table, styles, widths, validation,
 * conditional formats, frozen rows, charts.
 */
import { type CellValue, parseRangeA1, tableRange } from "../plan/model";
import type { ValidationSpec } from "../plan/layouts";
import type { SheetSpec, SpecValidation } from "../plan/sheets";
import { Batcher, payloadBytes } from "./batches";

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

export function validationRule(spec: ValidationSpec): Excel.DataValidationRule {
  switch (spec.type) {
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

/** A list fed by a range or a name can grow; a typo there deserves a warning, not a refusal. */
function alertStyle(v: SpecValidation): "Stop" | "Warning" {
  return v.spec.type === "list" && v.spec.source.startsWith("=") ? "Warning" : "Stop";
}

export async function queueSheetSpec(context: Excel.RequestContext, sheet: Excel.Worksheet, spec: SheetSpec, batcher: Batcher): Promise<void> {
  for (const n of spec.names) {
    context.workbook.names.add(n.name, n.formula, n.comment);
    batcher.count(payloadBytes(n) + 64);
  }
  for (const f of spec.formats) {
    const { rows, cols } = shape(f.address);
    await batcher.addRows(f.address, filled(rows, cols, f.numberFormat), (address, slice) => {
      sheet.getRange(address).numberFormat = slice;
    });
  }
  for (const b of spec.blocks) {
    if (b.formulas) {
      await batcher.addRows(b.address, b.formulas, (address, slice) => {
        sheet.getRange(address).formulas = slice;
      });
    } else if (b.values) {
      const values = b.values.map((row) => row.map(excelValue));
      await batcher.addRows(b.address, values, (address, slice) => {
        sheet.getRange(address).values = slice;
      });
    }
  }
  for (const t of spec.tables) {
    const table = sheet.tables.add(tableRange(t.position), true);
    table.name = t.name;
    table.style = t.style;
    batcher.count(256);
  }
  for (const s of spec.styles) {
    const format = sheet.getRange(s.address).format;
    if (s.bold !== undefined) format.font.bold = s.bold;
    if (s.italic !== undefined) format.font.italic = s.italic;
    if (s.fontSize !== undefined) format.font.size = s.fontSize;
    if (s.fontColor !== undefined) format.font.color = s.fontColor;
    if (s.fill !== undefined) format.fill.color = s.fill;
    if (s.wrapText !== undefined) format.wrapText = s.wrapText;
    if (s.horizontalAlignment !== undefined) format.horizontalAlignment = s.horizontalAlignment;
    batcher.count(payloadBytes(s) + 128);
  }
  for (const w of spec.columnWidths) {
    sheet.getRangeByIndexes(0, w.col, 1, 1).getEntireColumn().format.columnWidth = w.width;
    batcher.count(96);
  }
  for (const v of spec.validations) {
    const dv = sheet.getRange(v.address).dataValidation;
    dv.rule = validationRule(v.spec);
    dv.ignoreBlanks = v.spec.allowBlank;
    dv.errorAlert = {
      showAlert: true,
      style: alertStyle(v),
      // Excel's limits: alert title 32 characters, message 225.
      title: (v.prompt?.title ?? "JointPlan").slice(0, 32),
      message: clip(v.prompt?.message ?? "This value does not fit the column.", 225),
    };
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    batcher.count(payloadBytes(v) + 256);
  }
  for (const cf of spec.conditionalFormats) {
    const format = sheet.getRange(cf.address).conditionalFormats.add("Custom");
    format.custom.rule.formula = cf.formula;
    format.custom.format.fill.color = cf.fill;
    if (cf.fontColor) format.custom.format.font.color = cf.fontColor;
    batcher.count(payloadBytes(cf) + 256);
  }
  if (spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  for (const c of spec.charts) {
    const chart = sheet.charts.add(c.type, sheet.getRange(c.source), c.seriesBy);
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.anchor);
    chart.width = c.width;
    chart.height = c.height;
    batcher.count(payloadBytes(c) + 256);
  }
}
