/**
 * The RAG Summary sheet as data: every figure a formula over the plan tables, so the summary stays
 * live in the shared workbook without the add-in. summaryFigures.ts computes every formula cell's
 * value from a PlanWorkbook; tests hold the two equal in LibreOffice.
 *
 * Visible (columns A..I): title; As of; Plan RAG; "All actions" and (with a JBP) "Objectives";
 * "By JAP table", one row per table; "By objective" (the JBP's objectives listed by formula: ID and
 * name, the actions' colours, the objective's own RAG), "By owner" (the Roster's names by formula),
 * "By party", "By priority", each closed by a row for what no label of the block takes (an action
 * whose objective is not in the JBP, an owner not on the Roster); the overdue list of the current
 * JAP table.
 *
 * Bounded whatever the number of tables: each table's count for a label stands in its own working
 * cell (hidden columns right of the summary, one short COUNTIFS or SUMIFS each), and a figure adds
 * up a contiguous range of them. Cheap: COUNTIFS and SUMIFS over table columns (structured
 * references that grow with the table), no TRIM arrays, nothing whose cost is rows × rows.
 *
 * Semantics shared with summaryFigures (see countifs.ts): an action counts when its RAG cell holds
 * a colour; a label matches as COUNTIFS matches (case ignored, no trimming: stray spaces are for the
 * check and its repairs); Overridden = an override from the list, with a reason, that the RAG shows;
 * % complete = mean of % complete over counted actions whose Status is not Cancelled and whose
 * % complete is a number from 0 to 1 (blank when there is none); overdue = what the RAG's overdue
 * gate says (Status Not started, In progress or On hold, trimmed, with a real Due date before
 * JP_AsOf), read from the JAP's gate column.
 */
import { ActionParty, cellA1, type CellValue, columnLetters, Rag, rangeA1, SETTING_NAMES } from "../model";
import { compileExpr, ref, renderTemplate } from "../expr";
import { DATE_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from "../layouts";
import { RAG_COLOURS } from "../sheets";
import { overdueRowsTest, rollUpExpr } from "../rag";
import { SUMMARY_HEAD_LABELS, SUMMARY_TITLE } from "./summaryMark";
import { type SummaryTable, tableColumn } from "./summaryTables";
import { type TrendMap, trendBlock } from "./trendBlock";

/** The label rows a JBP or the Roster gets: its data rows as they stand (at least one). */
const listedRows = (t: SummaryTable): number => Math.max(1, t.lastRow - t.headerRow);

export interface SummaryInput {
  /** The JAP tables to count (the current ones), oldest first; the overdue list reads the last one. */
  japTables: SummaryTable[];
  /** JBP tables: their objectives are the "By objective" rows, their RAG column gives the plan RAG. */
  jbpTables?: SummaryTable[];
  /** The Roster table whose names are the "By owner" rows. */
  rosterTable?: SummaryTable | null;
  /** The "By priority" rows: the distinct priorities (1..the most allowed, or names such as "Coverage"). */
  priorityLabels: CellValue[];
  sheetName: string;
  /** The Review Log table the trend block counts (trendBlock.ts); none: the block says so. */
  reviewLog?: SummaryTable | null;
}

export interface SummaryCell {
  address: string;
  value?: CellValue;
  /** Starts with "=". */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
}

export interface SummaryConditionalFormat {
  address: string;
  /** Relative to the range's top-left cell. */
  formula: string;
  rag: Rag;
}

export type SummaryDimension = "objective" | "owner" | "party" | "priority";

/** The addresses of one figure row. */
export interface FigureRow {
  Red: string;
  Amber: string;
  Green: string;
  Grey: string;
  overridden: string;
  total: string;
  pctComplete: string;
}

/** Where a label row's label comes from: a constant, or the k-th (1-based) row of a JBP or the Roster. */
export type LabelSource = { value: CellValue } | { jbp: number; k: number } | { roster: number };

/** What a figure row counts, for the engine's side (summaryFigures.ts). */
export type RowSource =
  | { kind: "table"; table: number }
  | { kind: "all" }
  | { kind: "objectives" }
  | { kind: "label"; dim: SummaryDimension; label: LabelSource }
  | { kind: "rest"; dim: SummaryDimension };

/** Every cell of one figure row, working cells included. */
export interface SummaryRow {
  source: RowSource;
  label: string;
  figures: FigureRow;
  /** Working cells: the sum and the count behind % complete (absent on the Objectives row). */
  pctSum?: string;
  pctCount?: string;
  /** Working cells of a label row: the label as matched, the objective's name, its own RAG. */
  key?: string;
  name?: string;
  ownRag?: string;
  /** Working cells of one count per table: grid[figure][table], figures in GRID_FIGURES order. */
  grid?: string[][];
}

export interface SummaryLayout {
  sheetName: string;
  input: SummaryInput;
  cells: SummaryCell[];
  /** RAG colours by conditional format: the plan RAG and objective RAG cells by their word, counts when > 0. */
  conditionalFormats: SummaryConditionalFormat[];
  chart: { source: string; title: string; seriesBy: "Columns" } | null;
  /** The plan's RAG by review date, over the trend block. */
  trendChart: { source: string; title: string } | null;
  columnWidths: { col: number; width: number }[];
  /** Where each figure stands, for the engine's values, tests and the task pane's "go to". */
  map: {
    asOf: string;
    planRag: string;
    /** The plan RAG's reason in words, as the engine's planReason gives it. */
    planReason: string;
    all: FigureRow;
    objectives: FigureRow | null;
    tables: { sheet: string; row: FigureRow }[];
    dimensions: Record<SummaryDimension, { label: LabelSource; row: FigureRow }[]>;
    rest: Record<SummaryDimension, FigureRow>;
    rows: SummaryRow[];
    overdue: { firstRow: number; rows: number; index: string[]; columns: string[] };
    trend: TrendMap | null;
  };
}

export const OVERDUE_ROWS = 25;
export const SUMMARY_HEADERS = ["", "Red", "Amber", "Green", "Grey", "Overridden", "Total", "% complete"];
/** Spare label rows below the JBP's and the Roster's rows, for objectives and people added later. */
export const OBJECTIVE_SPARE_ROWS = 5;
export const OWNER_SPARE_ROWS = 10;
const COLOURS: readonly Rag[] = Rag.options;
const HEADER_FILL = "#DDEBF7";
const WORKING_FONT = "#808080";
/** The JAP column each block of the summary groups by. */
export const DIMENSION_KEYS: Record<SummaryDimension, string> = { objective: "objectiveId", owner: "owner", party: "party", priority: "priority" };
const DIMENSION_TITLES: Record<SummaryDimension, string> = { objective: "By objective", owner: "By owner", party: "By party", priority: "By priority" };
/** The row closing each block: what none of its labels takes. */
export const REST_LABELS: Record<SummaryDimension, string> = {
  objective: "No objective or not in the JBP",
  owner: "No owner or not on the Roster",
  party: "No party or another",
  priority: "No priority or another",
};
/** The working figures of one table, in their order in the grid. */
export const GRID_FIGURES = ["Red", "Amber", "Green", "Grey", "overridden", "pctSum", "pctCount"] as const;
export type GridFigure = (typeof GRID_FIGURES)[number];

/** Visible columns: A label, B..E colours, F overridden, G total, H % complete, I the objective's own RAG. */
const COL = { label: 0, Red: 1, Amber: 2, Green: 3, Grey: 4, overridden: 5, total: 6, pctComplete: 7, ownRag: 8 } as const;
/** Working columns, hidden, right of the chart: AA onwards. */
const WORK = { key: 26, name: 27, pctSum: 28, pctCount: 29, grid: 30 } as const;

/**
 * The JAP's summary flags (rag/ragRules.ts SUMMARY_FLAGS) by the figures that count by them: a table
 * with the flag's helper column is counted by one numeric criterion on it, a table without it (one
 * written before the flags) by its cells (FIGURE_COLUMNS).
 */
const FLAG_OF: Partial<Record<GridFigure, string>> = { overridden: "calcOverridden", pctSum: "calcCounted", pctCount: "calcCounted" };

/** Whether table `t` counts figure `f` by its summary flag. */
export const countsByFlag = (t: SummaryTable, f: GridFigure): boolean => FLAG_OF[f] !== undefined && t.columns[FLAG_OF[f] as string] !== undefined;

/** The JAP columns figure `f` of table `t` reads (a table without one counts 0 there). */
export function figureColumns(t: SummaryTable, f: GridFigure): string[] {
  if (!countsByFlag(t, f)) return FIGURE_COLUMNS[f];
  return f === "pctSum" ? [FLAG_OF[f] as string, "pctComplete"] : [FLAG_OF[f] as string];
}

/** The JAP columns each working figure reads by the cells themselves (a table without one counts 0 there). */
export const FIGURE_COLUMNS: Record<GridFigure, string[]> = {
  Red: ["rag"],
  Amber: ["rag"],
  Green: ["rag"],
  Grey: ["rag"],
  overridden: ["rag", "ragOverride", "overrideReason"],
  pctSum: ["rag", "status", "pctComplete"],
  pctCount: ["rag", "status", "pctComplete"],
};
/** Overdue as the RAG decides it, 1 or 0 a row of the table (rag/ragFormula.ts overdueRowsTest), as an operand. */
export const overdueTest = (t: SummaryTable): string => `(${overdueRowsTest((key) => tableColumn(t, key), t.columns.calcGate !== undefined)})`;

export const hasColumns = (t: SummaryTable, keys: readonly string[]): boolean => keys.every((k) => t.columns[k] !== undefined);

const COLOUR_ARRAY = `{${COLOURS.map((c) => `"${c}"`).join(",")}}`;

/** One working figure of one table, with `match` (a "column,criterion" pair) or none. */
function figureFormula(t: SummaryTable, f: GridFigure, match: { key: string; cell: string } | null): string {
  const columns = figureColumns(t, f);
  const keys = match ? [...columns, match.key] : columns;
  if (!hasColumns(t, keys)) return "=0";
  const col = (key: string): string => tableColumn(t, key);
  const by = match ? `${col(match.key)},${match.cell},` : "";
  const pct = col("pctComplete");
  const pctCriteria = `${col("rag")},"?*",${col("status")},"<>Cancelled",${pct},">=0",${pct},"<=1"`;
  let body: string;
  if (countsByFlag(t, f)) {
    const flag = `${col(columns[0])},1`;
    body = f === "pctSum" ? `SUMIFS(${pct},${by}${flag})` : `COUNTIFS(${by}${flag})`;
  } else if (f === "overridden") body = `SUMPRODUCT(COUNTIFS(${by}${col("ragOverride")},${COLOUR_ARRAY},${col("rag")},${COLOUR_ARRAY},${col("overrideReason")},"<>"))`;
  else if (f === "pctSum") body = `SUMIFS(${pct},${by}${pctCriteria})`;
  else if (f === "pctCount") body = `COUNTIFS(${by}${pctCriteria})`;
  else body = `COUNTIFS(${by}${col("rag")},"${f}")`;
  return match ? `=IF(${match.cell}="",0,${body})` : `=${body}`;
}

export function buildSummaryLayout(input: SummaryInput): SummaryLayout {
  const cells: SummaryCell[] = [];
  const cfs: SummaryConditionalFormat[] = [];
  const rows: SummaryRow[] = [];
  const japs = input.japTables;
  const jbps = input.jbpTables ?? [];
  // Each figure's working cells take `stride` columns, one per table.
  const stride = Math.max(1, japs.length, jbps.length);
  const gridCol = (f: number, t: number): number => WORK.grid + f * stride + t;
  const put = (row: number, col: number, cell: Omit<SummaryCell, "address">): string => {
    const address = cellA1(row, col);
    cells.push({ address, ...cell });
    return address;
  };
  const working = (row: number, col: number, formula: string, numberFormat = "General"): string => put(row, col, { formula, numberFormat });
  const header = (row: number, first: string, ownRag = false): void => {
    [...SUMMARY_HEADERS, ...(ownRag ? ["Objective RAG"] : [])].forEach((h, i) => {
      const colour = COLOURS.find((c) => c === h);
      put(row, i, { value: i === 0 ? first : h, bold: true, numberFormat: TEXT_FORMAT, ...(colour ? RAG_COLOURS[colour] : { fill: HEADER_FILL }) });
    });
  };
  const sumOf = (row: number, f: number): string => `SUM(${rangeA1(row, gridCol(f, 0), row, gridCol(f, stride - 1))})`;
  /** The visible figures of a row whose counts stand in its working grid (blank while its label is). */
  const gridRow = (row: number, source: RowSource, tables: SummaryTable[], match: string | null, key: string | undefined): SummaryRow => {
    const grid = GRID_FIGURES.map((f, fi) =>
      Array.from({ length: stride }, (_, ti) => {
        const t = tables[ti];
        return working(row, gridCol(fi, ti), t ? figureFormula(t, f, match && key ? { key: match, cell: key } : null) : "=0", "0");
      }),
    );
    const blankIf = (body: string): string => (key ? `=IF(${key}="","",${body})` : `=${body}`);
    const figures = {} as FigureRow;
    (["Red", "Amber", "Green", "Grey", "overridden"] as const).forEach((f) => {
      figures[f] = put(row, COL[f], { formula: blankIf(sumOf(row, GRID_FIGURES.indexOf(f))), numberFormat: "0" });
    });
    figures.total = put(row, COL.total, { formula: blankIf(`SUM(${rangeA1(row, COL.Red, row, COL.Grey)})`), numberFormat: "0" });
    const pctSum = working(row, WORK.pctSum, `=${sumOf(row, GRID_FIGURES.indexOf("pctSum"))}`);
    const pctCount = working(row, WORK.pctCount, `=${sumOf(row, GRID_FIGURES.indexOf("pctCount"))}`, "0");
    figures.pctComplete = put(row, COL.pctComplete, { formula: blankIf(`IFERROR(${pctSum}/${pctCount},"")`), numberFormat: PERCENT_FORMAT });
    return { source, label: cellA1(row, COL.label), figures, pctSum, pctCount, key, grid };
  };

  let r = 0;
  put(r++, 0, { value: SUMMARY_TITLE, bold: true });
  put(0, WORK.key, { value: "Working cells: the figures in columns B to I add these up.", fontColor: WORKING_FONT });
  put(r, 0, { value: SUMMARY_HEAD_LABELS.A2, bold: true });
  const asOf = put(r++, 1, { formula: `=${SETTING_NAMES.asOf}`, numberFormat: DATE_FORMAT });
  put(r, 0, { value: SUMMARY_HEAD_LABELS.A3, bold: true });
  const planRow = r++;
  r++;

  header(r++, "");
  const allRow = r++;
  let objectives: FigureRow | null = null;
  if (jbps.length > 0) {
    const row = r++;
    put(row, COL.label, { value: "Objectives", bold: true, numberFormat: TEXT_FORMAT });
    const grid = COLOURS.map((c, fi) => Array.from({ length: stride }, (_, ti) => working(row, gridCol(fi, ti), jbps[ti]?.columns.rag !== undefined ? `=COUNTIFS(${tableColumn(jbps[ti], "rag")},"${c}")` : "=0", "0")));
    const o = { overridden: "", pctComplete: "" } as FigureRow;
    COLOURS.forEach((c, fi) => (o[c] = put(row, COL[c], { formula: `=${sumOf(row, fi)}`, numberFormat: "0" })));
    o.total = put(row, COL.total, { formula: `=SUM(${rangeA1(row, COL.Red, row, COL.Grey)})`, numberFormat: "0" });
    objectives = o;
    rows.push({ source: { kind: "objectives" }, label: cellA1(row, COL.label), figures: o, grid });
  }
  r++;

  // By JAP table: each table counted on its own row; "All actions" adds them up.
  header(r++, "By JAP table");
  const tableRows: { sheet: string; row: FigureRow }[] = [];
  const firstTable = r;
  japs.forEach((t, ti) => {
    const row = r++;
    put(row, COL.label, { value: t.sheet, numberFormat: TEXT_FORMAT });
    const figures = {} as FigureRow;
    (["Red", "Amber", "Green", "Grey", "overridden"] as const).forEach((f) => (figures[f] = put(row, COL[f], { formula: figureFormula(t, f, null), numberFormat: "0" })));
    figures.total = put(row, COL.total, { formula: `=SUM(${rangeA1(row, COL.Red, row, COL.Grey)})`, numberFormat: "0" });
    const pctSum = working(row, WORK.pctSum, figureFormula(t, "pctSum", null));
    const pctCount = working(row, WORK.pctCount, figureFormula(t, "pctCount", null), "0");
    figures.pctComplete = put(row, COL.pctComplete, { formula: `=IFERROR(${pctSum}/${pctCount},"")`, numberFormat: PERCENT_FORMAT });
    rows.push({ source: { kind: "table", table: ti }, label: cellA1(row, COL.label), figures, pctSum, pctCount });
    tableRows.push({ sheet: t.sheet, row: figures });
  });
  const lastTable = r - 1;
  const columnSum = (col: number): string => (japs.length === 0 ? "0" : `SUM(${rangeA1(firstTable, col, lastTable, col)})`);
  {
    put(allRow, COL.label, { value: "All actions", numberFormat: TEXT_FORMAT, bold: true });
    const figures = {} as FigureRow;
    (["Red", "Amber", "Green", "Grey", "overridden"] as const).forEach((f) => (figures[f] = put(allRow, COL[f], { formula: `=${columnSum(COL[f])}`, numberFormat: "0" })));
    figures.total = put(allRow, COL.total, { formula: `=SUM(${rangeA1(allRow, COL.Red, allRow, COL.Grey)})`, numberFormat: "0" });
    const pctSum = working(allRow, WORK.pctSum, `=${columnSum(WORK.pctSum)}`);
    const pctCount = working(allRow, WORK.pctCount, `=${columnSum(WORK.pctCount)}`, "0");
    figures.pctComplete = put(allRow, COL.pctComplete, { formula: `=IFERROR(${pctSum}/${pctCount},"")`, numberFormat: PERCENT_FORMAT });
    rows.unshift({ source: { kind: "all" }, label: cellA1(allRow, COL.label), figures, pctSum, pctCount });
  }
  const all = rows[0].figures;
  const allPct = { sum: rows[0].pctSum as string, count: rows[0].pctCount as string };
  r++;

  // Plan RAG: roll-up of the objectives' colours when there is a JBP, else of the actions'.
  const basisRow = jbps.length > 0 ? allRow + 1 : allRow;
  const planFormula = renderTemplate(`=${compileExpr(rollUpExpr(ref("red"), ref("amber"), ref("green")))}`, {
    table: { sheet: input.sheetName, headerRow: basisRow - 1, lastRow: basisRow, columns: { red: COL.Red, amber: COL.Amber, green: COL.Green } },
    row: basisRow,
  });
  const planRag = put(planRow, 1, { formula: planFormula, bold: true });
  for (const c of COLOURS) cfs.push({ address: planRag, formula: `=${planRag}="${c}"`, rag: c });
  // Why, in the words the engine's planReason gives: the colour first, then the counts it comes from.
  const noun = jbps.length > 0 ? "objectives" : "actions";
  const at = (c: Rag): string => cellA1(basisRow, COL[c]);
  const list = COLOURS.map((c) => `IF(${at(c)}>0,", "&${at(c)}&" ${c}","")`).join("&");
  const byAverage = `IF(AND(TRIM(${SETTING_NAMES.rollUp})="Average score",${planRag}<>"Grey")," (average score)","")`;
  const planReason = put(planRow, 2, {
    formula: `=${planRag}&${byAverage}&": "&IF(SUM(${rangeA1(basisRow, COL.Red, basisRow, COL.Grey)})=0,"no ${noun}","${noun} "&MID(${list},3,200))`,
    numberFormat: "General",
  });

  const colourCounts = (first: number, last: number): void => {
    if (last < first) return;
    COLOURS.slice(0, 3).forEach((c) => {
      const top = cellA1(first, COL[c]);
      cfs.push({ address: rangeA1(first, COL[c], last, COL[c]), formula: `=AND(ISNUMBER(${top}),${top}>0)`, rag: c });
    });
  };
  colourCounts(firstTable, lastTable);
  colourCounts(allRow, basisRow);

  const dimensions = {} as SummaryLayout["map"]["dimensions"];
  const rest = {} as SummaryLayout["map"]["rest"];
  let chart: SummaryLayout["chart"] = null;
  const labelsOf = (dim: SummaryDimension): LabelSource[] => {
    if (dim === "objective") return jbps.flatMap((t, jbp) => (t.columns.id === undefined ? [] : Array.from({ length: listedRows(t) + OBJECTIVE_SPARE_ROWS }, (_, i) => ({ jbp, k: i + 1 }))));
    if (dim === "owner") {
      const roster = input.rosterTable;
      return roster && roster.columns.name !== undefined ? Array.from({ length: listedRows(roster) + OWNER_SPARE_ROWS }, (_, i) => ({ roster: i + 1 })) : [];
    }
    if (dim === "party") return ActionParty.options.map((value) => ({ value }));
    return input.priorityLabels.map((value) => ({ value }));
  };
  const indexed = (t: SummaryTable, key: string, k: number): string => (t.columns[key] === undefined ? `=""` : `=IFERROR(INDEX(${tableColumn(t, key)},${k})&"","")`);
  for (const dim of ["objective", "owner", "party", "priority"] as SummaryDimension[]) {
    const labels = labelsOf(dim);
    const headerRow = r;
    header(r++, DIMENSION_TITLES[dim], dim === "objective");
    const first = r;
    dimensions[dim] = labels.map((label) => {
      const row = r++;
      let key: string;
      let name: string | undefined;
      let ownRag: string | undefined;
      if ("value" in label) {
        key = put(row, WORK.key, { value: label.value, numberFormat: typeof label.value === "number" ? "General" : TEXT_FORMAT });
        put(row, COL.label, { value: label.value, numberFormat: typeof label.value === "number" ? "0" : TEXT_FORMAT });
      } else if ("jbp" in label) {
        const t = jbps[label.jbp];
        key = working(row, WORK.key, indexed(t, "id", label.k));
        name = working(row, WORK.name, indexed(t, "objective", label.k));
        put(row, COL.label, { formula: `=IF(${key}="","",${key}&IF(${name}="",""," – "&${name}))`, numberFormat: "General" });
        ownRag = put(row, COL.ownRag, { formula: t.columns.rag === undefined ? `=""` : `=IF(${key}="","",IFERROR(INDEX(${tableColumn(t, "rag")},${label.k})&"",""))`, numberFormat: "General" });
      } else {
        key = working(row, WORK.key, indexed(input.rosterTable as SummaryTable, "name", label.roster));
        put(row, COL.label, { formula: `=${key}`, numberFormat: "General" });
      }
      const summaryRow = gridRow(row, { kind: "label", dim, label }, japs, DIMENSION_KEYS[dim], key);
      rows.push({ ...summaryRow, name, ownRag });
      return { label, row: summaryRow.figures };
    });
    const last = r - 1;
    // What no label of the block takes: all actions less the block's rows.
    {
      const row = r++;
      put(row, COL.label, { value: REST_LABELS[dim], numberFormat: TEXT_FORMAT });
      const less = (col: number, whole: string): string => (last < first ? `=${whole}` : `=${whole}-SUM(${rangeA1(first, col, last, col)})`);
      const figures = {} as FigureRow;
      (["Red", "Amber", "Green", "Grey", "overridden"] as const).forEach((f) => (figures[f] = put(row, COL[f], { formula: less(COL[f], all[f]), numberFormat: "0" })));
      figures.total = put(row, COL.total, { formula: `=SUM(${rangeA1(row, COL.Red, row, COL.Grey)})`, numberFormat: "0" });
      const pctSum = working(row, WORK.pctSum, less(WORK.pctSum, allPct.sum));
      const pctCount = working(row, WORK.pctCount, less(WORK.pctCount, allPct.count), "0");
      figures.pctComplete = put(row, COL.pctComplete, { formula: `=IFERROR(${pctSum}/${pctCount},"")`, numberFormat: PERCENT_FORMAT });
      rows.push({ source: { kind: "rest", dim }, label: cellA1(row, COL.label), figures, pctSum, pctCount });
      rest[dim] = figures;
    }
    colourCounts(first, r - 1);
    if (dim === "objective" && last >= first) {
      for (const c of COLOURS) {
        const top = cellA1(first, COL.ownRag);
        cfs.push({ address: rangeA1(first, COL.ownRag, last, COL.ownRag), formula: `=${top.replace(/^([A-Z]+)/, "$$$1")}="${c}"`, rag: c });
      }
    }
    if (!chart && (dim === "objective" || dim === "owner") && last >= first) {
      chart = {
        source: rangeA1(headerRow, 0, r - 1, 4),
        title: dim === "objective" ? "Actions by objective and RAG" : "Actions by owner and RAG",
        seriesBy: "Columns",
      };
    }
    r++;
  }

  // The overdue list of the current JAP table, by its position in the table (a working cell).
  // Headers unlike the JAP's (ID, Action, Owner, Due, Status), so no reader takes this block for a JAP table.
  const overdueCols = ["Overdue action", "Action owner", "Was due", "Days overdue", "Current status"];
  const current = japs[japs.length - 1];
  const canList = current !== undefined && hasColumns(current, ["due", "status", "rag"]);
  put(r++, 0, { value: current ? `Overdue actions on ${current.sheet} (first ${OVERDUE_ROWS})` : "Overdue actions", bold: true });
  overdueCols.forEach((h, i) => put(r, i, { value: h, bold: true, fill: HEADER_FILL, numberFormat: TEXT_FORMAT }));
  r++;
  const overdueFirst = r;
  const index: string[] = [];
  for (let k = 1; k <= OVERDUE_ROWS && canList; k++, r++) {
    const at = (key: string): string => tableColumn(current, key);
    const due = at("due");
    const position = `(ROW(${due})-ROW(INDEX(${due},1,1))+1)`;
    const idx = working(r, WORK.key, `=IFERROR(AGGREGATE(15,6,${position}/${overdueTest(current)},${k}),"")`, "0");
    index.push(idx);
    const text = (col: number, key: string): void => {
      put(r, col, { formula: current.columns[key] === undefined ? `=""` : `=IF(${idx}="","",INDEX(${at(key)},${idx})&"")`, numberFormat: "General" });
    };
    // ID and action in one cell, read aloud together.
    const id = current.columns.id === undefined ? `""` : `INDEX(${at("id")},${idx})&""`;
    const action = current.columns.action === undefined ? `""` : `INDEX(${at("action")},${idx})&""`;
    put(r, 0, { formula: `=IF(${idx}="","",IF(${id}="",${action},${id}&" – "&${action}))`, numberFormat: "General" });
    text(1, "owner");
    put(r, 2, { formula: `=IF(${idx}="","",INDEX(${due},${idx}))`, numberFormat: DATE_FORMAT });
    put(r, 3, { formula: `=IF(${idx}="","",${SETTING_NAMES.asOf}-INDEX(${due},${idx}))`, numberFormat: "0" });
    text(4, "status");
  }

  // The trend of the plan's colours, review by review, below the overdue list.
  r++;
  const trend = trendBlock(r, input.reviewLog ?? null, WORK.key, WORK.name, HEADER_FILL);
  cells.push(...trend.cells);
  cfs.push(...trend.conditionalFormats);
  r = trend.nextRow;

  const lastWork = gridCol(GRID_FIGURES.length - 1, stride - 1);
  const hidden = Array.from({ length: lastWork - WORK.key + 1 }, (_, i) => ({ col: WORK.key + i, width: 0 }));
  return {
    sheetName: input.sheetName,
    input,
    cells,
    conditionalFormats: cfs,
    chart,
    trendChart: trend.chart,
    columnWidths: [{ col: 0, width: 260 }, ...[1, 2, 3, 4, 5, 6, 7].map((col) => ({ col, width: col === 1 ? 110 : 80 })), { col: 8, width: 90 }, ...hidden],
    map: {
      asOf,
      planRag,
      planReason,
      all,
      objectives,
      tables: tableRows,
      dimensions,
      rest,
      rows,
      overdue: { firstRow: overdueFirst, rows: index.length, index, columns: overdueCols.map((_, i) => columnLetters(i)) },
      trend: trend.map,
    },
  };
}
