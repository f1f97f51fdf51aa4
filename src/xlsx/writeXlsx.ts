/**
 * Writes SheetSpecs (src/plan/sheetSpec.ts) to an .xlsx file with ExcelJS, in the order a spec
 * asks for: names, formats (so "@" is on text cells before any value lands), blocks, tables,
 * styles, widths, outline, validation, conditional formats, freeze, print setup. The sheet content is decided by the
 * specs alone; this file only translates them to ExcelJS. ExcelJS 4.4 cannot write charts: each
 * sheet's are recorded (sheetCharts.ts) and added to the package after it (packageCharts.ts). Each formula cell carries the
 * cached value the caller gives for it, so Protected View and previewers show results; each
 * formula column of a table becomes a calculated column (calculatedColumns.ts).
 */
import ExcelJS from "exceljs";
import { cellA1, type CellValue, firstDataRow, parseRangeA1, tableRange, type WorkbookName } from "../plan/model";
import type { ValidationSpec } from "../plan/layouts";
import type { HeaderFooterSections, SheetSpec, SpecPrint, SpecStyle } from "../plan/sheets";
import { withCalculatedColumns, type CalculatedColumns } from "./calculatedColumns";
import { fileFormula } from "./fileFormula";
import { SharedFormulaRuns } from "./sharedFormulas";
import { withCharts } from "./packageCharts";
import { chartsToWrite, recordCharts } from "./sheetCharts";

/** Cached values of formula cells: sheet name → A1 address → the value the formula gives. */
export type CachedValues = Record<string, Record<string, CellValue>>;

export interface WriteOptions {
  /** Formula cells without one are written without a cached value (the file says "never calculated"). */
  cachedValues?: CachedValues;
}

export interface WrittenWorkbook {
  workbook: ExcelJS.Workbook;
  /** Charts the specs asked for that the file cannot hold (none: every chart type is written). */
  skippedCharts: string[];
}

/** Calls fn for every cell of an A1 range (1-based row and column for ExcelJS). */
function eachCell(address: string, fn: (row: number, col: number, i: number, j: number) => void): void {
  const r = parseRangeA1(address);
  if (!r) throw new Error(`Not a range: ${address}`);
  for (let row = r.row; row <= r.lastRow; row++) {
    for (let col = r.col; col <= r.lastCol; col++) fn(row + 1, col + 1, row - r.row, col - r.col);
  }
}

const argb = (hex: string): string => "FF" + hex.replace(/^#/, "").toUpperCase();
/** Every formula goes into the file without its "=" and with the file's function names. */
const toFile = fileFormula;

/** A value for ExcelJS: errors as error values, everything else as is (strings stay strings, never formulas). */
function excelJsValue(value: CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === "object") return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

/**
 * A formula cell for ExcelJS, with its cached value when there is one: ExcelJS writes a number
 * as <v>, text as t="str", a boolean as t="b" and an error as t="e".
 */
function formulaValue(formula: string, cached: CellValue | undefined): ExcelJS.CellFormulaValue {
  if (cached === undefined || cached === null) return { formula } as ExcelJS.CellFormulaValue;
  return { formula, result: excelJsValue(cached) } as ExcelJS.CellFormulaValue;
}

/** A cell of a shared formula's run (sharedFormulas.ts), with its cached value when there is one. */
function sharedValue(master: string, cached: CellValue | undefined): ExcelJS.CellSharedFormulaValue {
  if (cached === undefined || cached === null) return { sharedFormula: master } as ExcelJS.CellSharedFormulaValue;
  return { sharedFormula: master, result: excelJsValue(cached) } as ExcelJS.CellSharedFormulaValue;
}

/** Excel column width in characters from Office.js points (a character is 7 px plus 5 px padding at 96 dpi). */
export function pointsToCharacters(points: number): number {
  return Math.max(1, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

const OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  between: "between",
  greaterThanOrEqualTo: "greaterThanOrEqual",
  lessThanOrEqualTo: "lessThanOrEqual",
};

function dataValidation(spec: ValidationSpec, prompt?: { title: string; message: string }): ExcelJS.DataValidation {
  const common = {
    allowBlank: spec.allowBlank,
    showErrorMessage: true,
    // The rule's own alert (layout data), as the add-in sets it.
    errorStyle: spec.alert,
    ...(prompt ? { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.message } : {}),
  };
  if (spec.type === "any") {
    // No type attribute: OOXML's default, "none", is Excel's "Any value", with the input prompt alone.
    return { ...(prompt ? { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.message } : {}), type: "any", allowBlank: true } as unknown as ExcelJS.DataValidation;
  }
  if (spec.type === "list") {
    // "=JP_RosterNames" is a reference; anything else is an inline list, which OOXML wants quoted.
    const formula = spec.source.startsWith("=") ? toFile(spec.source) : `"${spec.source.replace(/"/g, '""')}"`;
    return { ...common, type: "list", formulae: [formula], error: "Pick a value from the list." } as ExcelJS.DataValidation;
  }
  const formulae = [toFile(spec.formula1), ...(spec.formula2 !== undefined ? [toFile(spec.formula2)] : [])];
  // ExcelJS turns every formula of a "date" rule into a date literal (a formula such as
  // DATE(2000,1,1) or $G5 becomes NaN). It compares the type with === "date", so a String object
  // writes type="date" while its formulas go through as written (guarded by test/xlsx).
   
  const type = spec.type === "wholeNumber" ? "whole" : spec.type === "date" ? new String("date") : spec.type;
  const error = spec.type === "date" ? "Enter a date in the allowed range." : "Enter a number in the allowed range.";
  return { ...common, type, operator: OPERATORS[spec.operator], formulae, error } as ExcelJS.DataValidation;
}

function applyStyle(cell: ExcelJS.Cell, style: SpecStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor !== undefined ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrapText !== undefined || style.horizontalAlignment) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrapText !== undefined ? { wrapText: style.wrapText } : {}),
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment.toLowerCase() as "left" | "center" | "right" } : {}),
    };
  }
}

/**
 * ExcelJS keeps names as cell sets and mangles any name that is not a plain range (JP_AsOf, a
 * formula, comes back as "'IF(ISNUMBER(Settings'!$B$2,Settings!$B$2"). Names are written as
 * given: the workbook's list is replaced by this one. Also for a workbook ExcelJS loaded.
 * `localSheetId` scopes a name to a sheet (its 0-based position).
 */
export function setNames(workbook: ExcelJS.Workbook, names: (WorkbookName & { localSheetId?: number })[]): void {
  const model = names.map((n) => ({ name: n.name, ranges: [toFile(n.formula)], ...(n.localSheetId !== undefined ? { localSheetId: n.localSheetId } : {}) }));
  Object.defineProperty(workbook.definedNames, "model", { get: () => model, set: () => undefined, configurable: true });
}

/**
 * ExcelJS 4.4 writes collapsed="1" on every column of the deepest outline level, whatever it was
 * (its getter has no setter): the groups are written open, as they are shown, and stay open
 * through a rewrite (rewriteWorkbook calls this for every sheet).
 */
export function keepOutlineOpen(ws: ExcelJS.Worksheet): void {
  for (const column of ws.columns ?? []) {
    if ((column.outlineLevel ?? 0) > 0) Object.defineProperty(column, "collapsed", { get: () => false, configurable: true });
  }
}

/** Excel's header string: its left, centre and right sections, each after its code. */
const sections = (h: HeaderFooterSections): string => `&L${h.left}&C${h.center}&R${h.right}`;

/** The print setup in ExcelJS's terms: <pageSetup>, <pageMargins>, <headerFooter> and the print names. */
function applyPrint(ws: ExcelJS.Worksheet, print: SpecPrint): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    // fitToPage is <sheetPr><pageSetUpPr fitToPage>: without it Excel ignores fitToWidth.
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: print.fitToPagesTall,
    margins: { ...print.margins },
    // ExcelJS writes these as the sheet's _xlnm.Print_Area and _xlnm.Print_Titles names.
    ...(print.printArea ? { printArea: print.printArea } : {}),
    ...(print.titleRows ? { printTitlesRow: `${print.titleRows.first + 1}:${print.titleRows.last + 1}` } : {}),
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: sections(print.header), oddFooter: sections(print.footer) };
}

/**
 * Adds the spec's sheet to the workbook (at the end), its charts recorded for the package, and
 * returns the charts it could not record. Also
 * for a workbook ExcelJS loaded (the commands that edit a copy of their input add sheets so); the
 * spec's names are the caller's to set.
 */
export function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, cached: Record<string, CellValue> = {}): string[] {
  const ws = workbook.addWorksheet(spec.sheetName);
  for (const f of spec.formats) eachCell(f.address, (r, c) => (ws.getCell(r, c).numFmt = f.numberFormat));
  for (const block of spec.blocks) {
    const runs = new SharedFormulaRuns();
    eachCell(block.address, (r, c, i, j) => {
      const cell = ws.getCell(r, c);
      if (block.formulas) {
        const at = cellA1(r - 1, c - 1);
        const formula = toFile(block.formulas[i][j]);
        const master = runs.sharedWith(j, at, formula);
        cell.value = master === null ? formulaValue(formula, cached[at]) : sharedValue(master, cached[at]);
      } else if (block.values) cell.value = excelJsValue(block.values[i][j]);
    });
  }
  for (const t of spec.tables) {
    // ExcelJS writes a table's header and rows itself: hand it back the cells just written.
    const address = tableRange(t.position);
    const r = parseRangeA1(address);
    if (!r) throw new Error(`Not a range: ${address}`);
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = firstDataRow(t.position); row <= t.position.lastRow; row++) {
      rows.push(
        t.headers.map((_h, j) => {
          const value = ws.getCell(row + 1, r.col + j + 1).value;
          // ExcelJS hands a formula back without a falsy result (0, "", FALSE): give it its cached value again.
          const isObject = value !== null && typeof value === "object";
          if (isObject && "sharedFormula" in value && typeof value.sharedFormula === "string") return sharedValue(value.sharedFormula, cached[cellA1(row, r.col + j)]);
          const isFormula = isObject && "formula" in value;
          return isFormula && typeof value.formula === "string" ? formulaValue(value.formula, cached[cellA1(row, r.col + j)]) : value;
        }),
      );
    }
    ws.addTable({
      name: t.name,
      ref: ws.getCell(t.position.headerRow + 1, r.col + 1).address,
      headerRow: true,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  for (const s of spec.styles) eachCell(s.address, (r, c) => applyStyle(ws.getCell(r, c), s));
  // A width of 0 is a hidden column, as Excel shows a column set to width 0 (the summary's working cells).
  for (const w of spec.columnWidths) {
    if (w.width === 0) ws.getColumn(w.col + 1).hidden = true;
    else ws.getColumn(w.col + 1).width = pointsToCharacters(w.width);
  }
  // ExcelJS has range validations (optimised into sqref ranges) but no typings for them.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of spec.validations) validations.add(v.address, dataValidation(v.spec, v.prompt));
  for (const cf of spec.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.address,
      rules: [
        {
          type: "expression",
          formulae: [toFile(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  if (spec.outlineColumns.length > 0) {
    for (const c of spec.outlineColumns) ws.getColumn(c + 1).outlineLevel = 1;
    ws.properties.outlineLevelCol = 1;
    keepOutlineOpen(ws);
  }
  if (spec.freezeRows > 0 || spec.freezeColumns > 0) ws.views = [{ state: "frozen", ySplit: spec.freezeRows, xSplit: spec.freezeColumns }];
  if (spec.print) applyPrint(ws, spec.print);
  return recordCharts(ws, spec.charts);
}

/**
 * Each table's formula columns with the formula of their first data row, in the file's form:
 * what Excel stores as the column's calculated column formula.
 */
export function calculatedColumnsOf(specs: readonly SheetSpec[]): CalculatedColumns {
  const out: CalculatedColumns = {};
  for (const spec of specs) {
    for (const t of spec.tables) {
      const r = parseRangeA1(tableRange(t.position));
      if (!r) continue;
      const first = firstDataRow(t.position);
      t.headers.forEach((header, j) => {
        const col = r.col + j;
        for (const block of spec.blocks) {
          const b = block.formulas ? parseRangeA1(block.address) : null;
          if (!b || first < b.row || first > b.lastRow || col < b.col || col > b.lastCol) continue;
          (out[t.name] ??= {})[header] = toFile((block.formulas as string[][])[first - b.row][col - b.col]);
        }
      });
    }
  }
  return out;
}

/** Builds the workbook in memory (tests edit it further, as a user would). */
export function buildWorkbook(specs: SheetSpec[], extraNames: WorkbookName[] = [], options: WriteOptions = {}): WrittenWorkbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "JointPlan";
  // Excel and LibreOffice recalculate everything on open: the cached results ExcelJS leaves are blanks.
  workbook.calcProperties = { fullCalcOnLoad: true };
  setNames(workbook, [...specs.flatMap((s) => s.names), ...extraNames]);
  const skippedCharts = specs.flatMap((s) => writeSheet(workbook, s, options.cachedValues?.[s.sheetName]));
  return { workbook, skippedCharts };
}

/** The .xlsx bytes of the specs, with their tables' calculated columns and their charts. */
export async function writeXlsx(specs: SheetSpec[], extraNames: WorkbookName[] = [], options: WriteOptions = {}): Promise<{ bytes: Buffer; skippedCharts: string[] }> {
  const { workbook, skippedCharts } = buildWorkbook(specs, extraNames, options);
  const bytes = await withCalculatedColumns(Buffer.from(await workbook.xlsx.writeBuffer()), calculatedColumnsOf(specs));
  return { bytes: await withCharts(bytes, chartsToWrite(workbook)), skippedCharts };
}
