/**
 * What a writer must put on a sheet, computed once from a layout: cells in 2-D blocks, number
 * formats, the table, widths, validation, conditional formats, frozen rows and workbook names.
 * The Excel layer (src/excel/writeSheetSpec.ts) and the .xlsx writer (src/xlsx/) both apply a
 * SheetSpec, so nothing about a sheet's content is decided twice. Pure: no Office.js.
 *
 * Order a writer must keep: names, then formats (so "@" is on text cells before any value lands),
 * then blocks, table, styles, widths, outline, validations, conditional formats, freeze, print
 * setup, charts. A name over the sheet's own table (JP_Roster[Name]) goes right after the table,
 * which it needs to exist.
 */
import { absoluteRangeA1, cellA1, type CellValue, columnLetters, firstDataRow, parseRangeA1, quoteSheet, type Rag, rangeA1, type TableListing, type TablePosition, tableRange, type WorkbookName, ymdFromSerial } from "../model";
import { renderTemplate } from "../expr";
import { type ColumnLayout, frozenColumns, headerFooterText, type InputPrompt, PRINT_LAYOUT, type PrintMargins, printedColumnCount, tableHeaderRow, type TableLayout, TEXT_FORMAT, type ValidationSpec } from "../layouts";
import { columnFormulas, liveRuleFormula } from "./columnFormulas";
import { legendSpec } from "./legend";

/** A rectangle of cells. Exactly one of values/formulas, with the address's shape. */
export interface SpecBlock {
  /** A1 range on the sheet, no sheet prefix. */
  address: string;
  /** Constants; null is a blank cell. User text goes here (its cells get "@" first), never in formulas. */
  values?: CellValue[][];
  /** Formulas only, each starting with "=". */
  formulas?: string[][];
}

/** One number format for every cell of a range (a column's data cells, a header value). */
export interface SpecFormat {
  address: string;
  numberFormat: string;
}

export interface SpecStyle {
  address: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: "Left" | "Center" | "Right";
}

export interface SpecTable {
  name: string;
  /** Where the table stands: header row, data rows, columns by key (tableRange gives its address). */
  position: TablePosition;
  /** Header texts in column order, as written. */
  headers: string[];
  style: string;
}

export interface SpecValidation {
  address: string;
  /** Rendered: sources and formulas are final (e.g. "=JP_RosterNames", "='JBP'!$A$12:$A$31"). */
  spec: ValidationSpec;
  prompt?: InputPrompt;
}

export interface SpecConditionalFormat {
  /** The live rule (or RAG colour) this comes from, so writers and tests can tell them apart. */
  ruleId: string;
  address: string;
  /** Rendered, relative to the range's top-left cell. */
  formula: string;
  fill: string;
  fontColor?: string;
}

export interface SpecChart {
  name: string;
  type: "ColumnStacked" | "ColumnClustered" | "BarStacked" | "Pie";
  /** Data range, headers included. */
  source: string;
  seriesBy: "Columns" | "Rows";
  title: string;
  /** Top-left cell of the chart. */
  anchor: string;
  width: number;
  height: number;
  /** Each series' fill ("#RRGGBB"), in order; the chart's own colours for the rest. */
  seriesColors?: string[];
  /** Categories as text, one per row: dates otherwise make Excel draw a time axis, spaced by days. */
  textCategories?: boolean;
}

/** The left, centre and right sections of a page header or footer, in Excel's header codes (&P, &N, &A). */
export interface HeaderFooterSections {
  left: string;
  center: string;
  right: string;
}

/** How the sheet prints and projects (layouts/printLayout.ts), for both writers. */
export interface SpecPrint {
  orientation: "landscape" | "portrait";
  fitToPagesWide: number;
  /** 0: as many pages down as the rows need. */
  fitToPagesTall: number;
  margins: PrintMargins;
  /** Whole columns ("A:J"), so that rows a table grows into print too; null: what the sheet holds, charts included. */
  printArea: string | null;
  /** 0-based sheet rows repeated at the top of every page (the table's header row); null: none. */
  titleRows: { first: number; last: number } | null;
  header: HeaderFooterSections;
  footer: HeaderFooterSections;
}

export interface SheetSpec {
  sheetName: string;
  kind: TableLayout["kind"] | "summary" | "pack";
  names: WorkbookName[];
  formats: SpecFormat[];
  blocks: SpecBlock[];
  tables: SpecTable[];
  styles: SpecStyle[];
  columnWidths: { col: number; width: number }[];
  validations: SpecValidation[];
  conditionalFormats: SpecConditionalFormat[];
  freezeRows: number;
  /** Columns kept in view when scrolling sideways (ID and Action on a JAP). */
  freezeColumns: number;
  /** 0-based columns grouped in the outline (the less used ones), so one click folds them away. */
  outlineColumns: number[];
  print: SpecPrint | null;
  charts: SpecChart[];
}

/** A sheet with nothing on it yet, for a builder to fill. */
export function emptySheetSpec(sheetName: string, kind: SheetSpec["kind"]): SheetSpec {
  return { sheetName, kind, names: [], formats: [], blocks: [], tables: [], styles: [], columnWidths: [], validations: [], conditionalFormats: [], freezeRows: 0, freezeColumns: 0, outlineColumns: [], print: null, charts: [] };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "March 2026" for a serial in that month; "" for anything else. */
export function monthTitle(value: CellValue | undefined): string {
  const d = typeof value === "number" ? ymdFromSerial(value) : null;
  return d ? `${MONTHS[d.m - 1]} ${d.y}` : "";
}

export interface PrintTitles {
  /** Who the sheet is about (the distributor), left of the header. */
  who?: string;
  /** The sheet's title with its period ("Joint Action Plan · March 2026"), in the centre. */
  what: string;
}

/**
 * The print setup of a sheet: PRINT_LAYOUT, the print area over `columns` whole columns, the
 * header row repeated, and a header naming who and what with the page number. The header is
 * text written with the sheet: Excel's headers cannot read a cell.
 */
export function printSetup(columns: number | null, titleRow: number | null, titles: PrintTitles): SpecPrint {
  return {
    orientation: PRINT_LAYOUT.orientation,
    fitToPagesWide: PRINT_LAYOUT.fitToPagesWide,
    fitToPagesTall: PRINT_LAYOUT.fitToPagesTall,
    margins: { ...PRINT_LAYOUT.margins },
    printArea: columns === null ? null : `A:${columnLetters(Math.max(columns, 1) - 1)}`,
    titleRows: titleRow === null ? null : { first: titleRow, last: titleRow },
    header: { left: headerFooterText(titles.who ?? ""), center: headerFooterText(titles.what), right: "Page &P of &N" },
    footer: { left: "&A", center: "", right: "JointPlan · printed &D" },
  };
}

/** The number of columns a spec writes to (its widest block), for a print area over all of them. */
export function specColumnCount(spec: SheetSpec): number {
  let last = 0;
  for (const b of spec.blocks) last = Math.max(last, (parseRangeA1(b.address)?.lastCol ?? 0) + 1);
  return last;
}

export interface TableSheetOptions {
  sheetName: string;
  tableName: string;
  /** Header-block values by field key. */
  header?: Record<string, CellValue>;
  /** Data rows by column key. */
  rows?: Record<string, CellValue>[];
  /** Empty formatted rows to offer at least (a new template gets 20). */
  minRows?: number;
  /**
   * Extra placeholders for formulas and validation sources, e.g. `jbpObjectiveIds` →
   * "='JBP 2026'!$A$12:$A$16". A validation whose source still has an unknown placeholder is left
   * out (a JAP without a JBP has no objective list to offer).
   */
  refs?: Record<string, string>;
  /** Workbook names this sheet defines (the Roster's name list, the Settings' values). */
  names?: WorkbookName[];
  /**
   * A list column's validation source by column key, replacing the layout's (a JAP linked to a
   * JBP other than the one JP_ObjectiveIds names); null leaves the column without validation.
   */
  validationSources?: Record<string, string | null>;
  /** The JAP tables a JBP's action counts count over (none: the counts are 0). */
  japTables?: TablePosition[];
}

/** RAG colours shared by every writer: fill and font, readable when projected. */
export const RAG_COLOURS: Record<Rag, { fill: string; fontColor: string }> = {
  Red: { fill: "#F4B6B6", fontColor: "#7A0000" },
  Amber: { fill: "#FFE29A", fontColor: "#6B4A00" },
  Green: { fill: "#BFE5C4", fontColor: "#0B5A1B" },
  Grey: { fill: "#D9D9D9", fontColor: "#404040" },
};

/** The same colours at full strength, for chart series (the cell fills are pale behind text). */
export const CHART_RAG_COLOURS: Record<Rag, string> = { Red: "#C00000", Amber: "#FFC000", Green: "#00B050", Grey: "#A6A6A6" };

export const TITLE_STYLE = { bold: true, fontSize: 14 } as const;
export const TABLE_STYLE = "TableStyleLight9";

/** The header-block cell positions: label in column A, value in column B (0-based col 1). */
export const HEADER_LABEL_COL = 0;
export const HEADER_VALUE_COL = 1;
/** 0-based sheet row of header-block field i (row 0 is the title). */
export const headerFieldRow = (i: number): number => i + 1;

/** Who and what a table sheet's page header names: the distributor, the title and its month or year. */
function printTitles(layout: TableLayout, header: Record<string, CellValue> | undefined): PrintTitles {
  const distributor = typeof header?.distributor === "string" ? header.distributor : "";
  const period = layout.kind === "jap" ? monthTitle(header?.month) : layout.kind === "jbp" && typeof header?.year === "number" ? String(header.year) : "";
  return { who: distributor, what: period ? `${layout.title} · ${period}` : layout.title };
}

/** Replaces `{name}` placeholders that `refs` knows; leaves the others for renderTemplate. */
function substituteRefs(template: string, refs: Record<string, string>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, key: string) => {
    const ref = refs[key];
    if (ref === undefined) return whole;
    return ref.startsWith("=") ? ref.slice(1) : ref;
  });
}

interface TableRenderContext {
  table: TablePosition;
  refs: Record<string, string>;
  /** The header block's value cells by field key (the JBP's YTD formulas read Period start and Year). */
  header: Record<string, { row: number; col: number }>;
}

function render(template: string, ctx: TableRenderContext, row: number): string {
  return renderTemplate(substituteRefs(template, ctx.refs), { table: ctx.table, row, header: ctx.header });
}

/** Where a layout's header-block values stand on a sheet we write: column B, one row a field under the title. */
export function headerCells(layout: TableLayout): Record<string, { row: number; col: number }> {
  return Object.fromEntries(layout.headerBlock.map((f, i) => [f.key, { row: headerFieldRow(i), col: HEADER_VALUE_COL }]));
}

/** Unknown `{placeholder}` left after rendering (outside string literals is good enough here). */
const hasPlaceholder = (s: string): boolean => /\{[A-Za-z][A-Za-z0-9:]*\}/.test(s);

function renderValidation(spec: ValidationSpec, ctx: TableRenderContext, row: number): ValidationSpec | null {
  const r = (s: string): string => render(s, ctx, row);
  let out: ValidationSpec;
  switch (spec.type) {
    case "list":
      out = { ...spec, source: r(spec.source) };
      return hasPlaceholder(out.source) ? null : out;
    case "any":
      return spec;
    default: {
      const f1 = r(spec.formula1);
      const f2 = spec.formula2 === undefined ? undefined : r(spec.formula2);
      if (hasPlaceholder(f1) || (f2 !== undefined && hasPlaceholder(f2))) return null;
      out = { ...spec, formula1: f1, ...(f2 === undefined ? {} : { formula2: f2 }) } as ValidationSpec;
      return out;
    }
  }
}

/** Splits the columns into runs of the same writing mode (values, or `formulas`), so each run is one block. */
function runs(columns: ColumnLayout[], formulas: Record<string, string>): { start: number; end: number; formula: boolean }[] {
  const out: { start: number; end: number; formula: boolean }[] = [];
  columns.forEach((c, i) => {
    const formula = c.owner === "formula" && formulas[c.key] !== undefined;
    const last = out[out.length - 1];
    if (last && last.formula === formula && last.end === i - 1) last.end = i;
    else out.push({ start: i, end: i, formula });
  });
  return out;
}

/**
 * Where a new table of `layout` with `rowCount` data rows stands on a new sheet: under the
 * layout's header block, from column A, one column per layout column.
 */
export function newTablePosition(layout: TableLayout, sheet: string, rowCount: number): TablePosition {
  const headerRow = tableHeaderRow(layout);
  const columns: Record<string, number> = {};
  layout.columns.forEach((c, i) => (columns[c.key] ??= i));
  return { sheet, headerRow, lastRow: headerRow + Math.max(rowCount, 1), columns };
}

export function buildTableSheetSpec(layout: TableLayout, options: TableSheetOptions): SheetSpec {
  const rows = options.rows ?? [];
  const rowCount = Math.max(rows.length, options.minRows ?? 0, 1);
  const table = newTablePosition(layout, options.sheetName, rowCount);
  const { headerRow, lastRow: lastDataRow, columns } = table;
  const firstDataRow = headerRow + 1;
  const lastCol = layout.columns.length - 1;
  const ctx: TableRenderContext = { table, refs: options.refs ?? {}, header: headerCells(layout) };
  const formulas = columnFormulas(layout, options.japTables);

  const spec: SheetSpec = {
    ...emptySheetSpec(options.sheetName, layout.kind),
    names: options.names ?? [],
    columnWidths: layout.columns.map((c, i) => ({ col: i, width: c.width })),
    freezeRows: firstDataRow,
    freezeColumns: frozenColumns(layout),
    outlineColumns: layout.columns.flatMap((c, i) => (c.detail ? [i] : [])),
    print: printSetup(printedColumnCount(layout), headerRow, printTitles(layout, options.header)),
  };

  // Title and header block (label, value) above the table.
  if (layout.headerBlock.length > 0) {
    spec.blocks.push({ address: cellA1(0, 0), values: [[layout.title]] });
    spec.styles.push({ address: cellA1(0, 0), ...TITLE_STYLE });
    const labels = layout.headerBlock.map((f) => [f.label] as CellValue[]);
    const labelRange = rangeA1(headerFieldRow(0), HEADER_LABEL_COL, headerFieldRow(layout.headerBlock.length - 1), HEADER_LABEL_COL);
    spec.blocks.push({ address: labelRange, values: labels });
    spec.styles.push({ address: labelRange, bold: true });
    layout.headerBlock.forEach((f, i) => {
      const v = options.header?.[f.key];
      const format = typeof v === "string" && v !== "" ? TEXT_FORMAT : f.numberFormat;
      spec.formats.push({ address: cellA1(headerFieldRow(i), HEADER_VALUE_COL), numberFormat: format });
    });
    const values = layout.headerBlock.map((f) => [options.header?.[f.key] ?? null] as CellValue[]);
    spec.blocks.push({
      address: rangeA1(headerFieldRow(0), HEADER_VALUE_COL, headerFieldRow(layout.headerBlock.length - 1), HEADER_VALUE_COL),
      values,
    });
    // Labels live in column A: make it wide enough to read them.
    const widest = Math.max(...layout.headerBlock.map((f) => f.label.length));
    spec.columnWidths[0] = { col: 0, width: Math.max(layout.columns[0].width, Math.ceil(widest * 6.5) + 8) };
  }

  // The legend of the marks and RAG colours, right of a plan sheet's header block (legend.ts).
  if ((layout.kind === "jap" || layout.kind === "jbp") && layout.headerBlock.length >= 4) {
    const legend = legendSpec(RAG_COLOURS);
    spec.blocks.push(...legend.blocks);
    spec.styles.push(...legend.styles);
  }

  // Header row: our text, General format so a header like "% complete" stays as typed.
  spec.blocks.push({ address: rangeA1(headerRow, 0, headerRow, lastCol), values: [layout.columns.map((c) => c.header)] });

  // Number formats by column, set before any value so text columns hold text.
  layout.columns.forEach((c, i) => {
    spec.formats.push({ address: rangeA1(firstDataRow, i, lastDataRow, i), numberFormat: c.numberFormat });
  });

  // Text typed into a date or number column stays text, as the person typed it: Excel would read
  // "2026-03-15" or "1,200" written through `values` as a date or a number, so the cell gets "@".
  layout.columns.forEach((c, i) => {
    if (c.numberFormat === TEXT_FORMAT || (c.owner === "formula" && formulas[c.key] !== undefined)) return;
    rows.forEach((row, r) => {
      if (typeof row[c.key] === "string" && row[c.key] !== "") spec.formats.push({ address: cellA1(firstDataRow + r, i), numberFormat: TEXT_FORMAT });
    });
  });

  // Data blocks: runs of value columns through `values`, runs of formula columns through `formulas`.
  for (const run of runs(layout.columns, formulas)) {
    const address = rangeA1(firstDataRow, run.start, lastDataRow, run.end);
    const cols = layout.columns.slice(run.start, run.end + 1);
    if (run.formula) {
      const cells: string[][] = [];
      for (let r = 0; r < rowCount; r++) cells.push(cols.map((c) => render(formulas[c.key], ctx, firstDataRow + r)));
      spec.blocks.push({ address, formulas: cells });
    } else {
      const values: CellValue[][] = [];
      for (let r = 0; r < rowCount; r++) values.push(cols.map((c) => rows[r]?.[c.key] ?? null));
      spec.blocks.push({ address, values });
    }
  }

  spec.tables.push({ name: options.tableName, position: table, headers: layout.columns.map((c) => c.header), style: TABLE_STYLE });

  // Validation: one per column, rendered at the first data row (sources are absolute or names).
  layout.columns.forEach((c, i) => {
    if (!c.validation) return;
    const override = options.validationSources?.[c.key];
    if (override === null) return;
    const base = override !== undefined && c.validation.type === "list" ? { ...c.validation, source: override } : c.validation;
    const rendered = renderValidation(base, ctx, firstDataRow);
    if (!rendered) return;
    spec.validations.push({ address: rangeA1(firstDataRow, i, lastDataRow, i), spec: rendered, ...(c.prompt ? { prompt: c.prompt } : {}) });
  });

  // A list left out (a JAP without a JBP has no JP_ObjectiveIds) takes the live rules that read its name with it.
  const droppedNames = layout.columns.flatMap((c) => (options.validationSources?.[c.key] === null && c.validation?.type === "list" ? [c.validation.source.replace(/^=/, "")] : []));
  // Live rules: one conditional format per (rule, column), formula relative to the column's top cell.
  const columnKeys = new Set(layout.columns.map((c) => c.key));
  for (const rule of layout.liveRules) {
    const formula = render(liveRuleFormula(rule, columnKeys), ctx, firstDataRow);
    if (hasPlaceholder(formula) || droppedNames.some((n) => formula.includes(n))) continue;
    for (const key of rule.columns) {
      const i = columns[key];
      if (i === undefined) continue;
      spec.conditionalFormats.push({
        ruleId: rule.id,
        address: rangeA1(firstDataRow, i, lastDataRow, i),
        formula,
        fill: rule.fill,
        ...(rule.fontColor ? { fontColor: rule.fontColor } : {}),
      });
    }
  }

  // RAG colours on the RAG column, unless the layout's live rules already colour it.
  const ragCol = columns.rag;
  if (ragCol !== undefined && !layout.liveRules.some((r) => r.columns.includes("rag"))) {
    const top = `${columnLetters(ragCol)}${firstDataRow + 1}`;
    for (const [rag, colour] of Object.entries(RAG_COLOURS)) {
      spec.conditionalFormats.push({
        ruleId: `rag.${rag.toLowerCase()}`,
        address: rangeA1(firstDataRow, ragCol, lastDataRow, ragCol),
        formula: `=${top}="${rag}"`,
        fill: colour.fill,
        fontColor: colour.fontColor,
      });
    }
  }
  return spec;
}

/** A spec's tables as the workbook will list them once written (name, sheet, headers, address). */
export function tableListing(spec: SheetSpec): TableListing[] {
  return spec.tables.map((t) => ({ name: t.name, sheet: spec.sheetName, headers: t.headers, address: `${quoteSheet(spec.sheetName)}!${tableRange(t.position)}` }));
}

/** The absolute address of a table column's data cells, for names and validation sources. */
export function columnDataRef(spec: SheetSpec, key: string): string {
  const t = spec.tables[0].position;
  const i = t.columns[key];
  if (i === undefined) throw new Error(`Sheet ${spec.sheetName} has no column '${key}'`);
  return `=${quoteSheet(spec.sheetName)}!${absoluteRangeA1(firstDataRow(t), i, t.lastRow, i)}`;
}
