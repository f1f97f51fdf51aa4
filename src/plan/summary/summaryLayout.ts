/**
 * The RAG Summary sheet as data: every cell is a formula over the plan tables (or a label), so the
 * summary stays live in the shared workbook without the add-in. summaryFigures.ts computes the same
 * figures from a PlanWorkbook; tests hold the two equal in LibreOffice.
 *
 * Layout (columns A..H): title; As of; Plan RAG; an "All actions" row (and an "Objectives" row when
 * there is a JBP); then one block per dimension (objective, owner, party, priority) with Red,
 * Amber, Green, Grey, Overridden, Total and % complete; then the overdue list of the last JAP
 * table given (the current month), first 25 by sheet row.
 *
 * Semantics shared with summaryFigures: an action counts when its RAG cell is not blank (the row
 * is in use); a label matches a cell by TRIM and ignoring case; Overridden = an override from the
 * list with a reason; % complete = mean of % complete over counted actions that are not Cancelled
 * and whose % complete is a number from 0 to 1 (blank when there is none); overdue = Status Not
 * started, In progress or On hold with a real Due date before JP_AsOf.
 */
import { ActionParty, cellA1, type CellValue, columnLetters, firstDataRow, OPEN_STATUSES, Rag, rangeA1, SETTING_NAMES, type TablePosition } from "../model";
import { columnRef, compileExpr, ref, renderTemplate } from "../expr";
import { DATE_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from "../layouts";
import { RAG_COLOURS } from "../sheets";
import { rollUpExpr } from "../rag";
import { SUMMARY_HEAD_LABELS, SUMMARY_TITLE } from "./summaryMark";

export interface SummaryInput {
  /** The JAP tables, oldest first; the overdue list reads the last one. */
  japTables: TablePosition[];
  /** JBP tables whose RAG column gives the plan RAG; without one, the plan rolls up the actions. */
  jbpTables?: TablePosition[];
  objectiveIds: string[];
  ownerNames: string[];
  maxPriorities: number;
  sheetName: string;
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

export interface SummaryLayout {
  sheetName: string;
  cells: SummaryCell[];
  /** RAG colours by conditional format: the plan RAG cell by its word, count columns when > 0. */
  conditionalFormats: SummaryConditionalFormat[];
  chart: { source: string; title: string; seriesBy: "Columns" } | null;
  columnWidths: { col: number; width: number }[];
  /** Where each figure stands, for tests and for the task pane's "go to". */
  map: {
    asOf: string;
    planRag: string;
    all: FigureRow;
    objectives: FigureRow | null;
    dimensions: Record<SummaryDimension, { label: CellValue; row: FigureRow }[]>;
    overdue: { firstRow: number; rows: number; columns: string[] };
  };
}

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

export const OVERDUE_ROWS = 25;
export const SUMMARY_HEADERS = ["", "Red", "Amber", "Green", "Grey", "Overridden", "Total", "% complete"];
const COLOURS: readonly Rag[] = Rag.options;
const HEADER_FILL = "#DDEBF7";
/** The JAP column each block of the summary groups by. */
export const DIMENSION_KEYS: Record<SummaryDimension, string> = { objective: "objectiveId", owner: "owner", party: "party", priority: "priority" };
const DIMENSION_TITLES: Record<SummaryDimension, string> = { objective: "By objective", owner: "By owner", party: "By party", priority: "By priority" };

const sumOver = (tables: TablePosition[], one: (t: TablePosition) => string): string => (tables.length === 0 ? "0" : tables.map(one).join("+"));

interface LabelMatch {
  /** Absolute address of the label cell ($A$12). */
  cell: string;
  /** The JAP column the label is matched against. */
  key: string;
}

/** The SUMPRODUCT factors of one table: rows in use, and (optionally) the label match. */
function factors(t: TablePosition, label: LabelMatch | null): string[] {
  const inUse = `--(LEN(${columnRef(t, "rag")})>0)`;
  return label ? [`--(TRIM(${columnRef(t, label.key)})=TRIM(${label.cell}))`, inUse] : [inUse];
}

function figureFormulas(tables: TablePosition[], label: LabelMatch | null): Record<keyof FigureRow, string> {
  const sp = (t: TablePosition, extra: string[]): string => `SUMPRODUCT(${[...factors(t, label), ...extra].join(",")})`;
  const count = (colour: Rag): string => `=${sumOver(tables, (t) => sp(t, [`--(${columnRef(t, "rag")}="${colour}")`]))}`;
  const overridden = (t: TablePosition): string => {
    const ov = columnRef(t, "ragOverride");
    const listed = COLOURS.map((c) => `(TRIM(${ov})="${c}")`).join("+");
    return sp(t, [listed, `--(LEN(TRIM(${columnRef(t, "overrideReason")}))>0)`]);
  };
  const pctFactors = (t: TablePosition): string[] => {
    const p = columnRef(t, "pctComplete");
    return [`--(TRIM(${columnRef(t, "status")})<>"Cancelled")`, `--ISNUMBER(${p})`, `--(${p}>=0)`, `--(${p}<=1)`];
  };
  const pctSum = sumOver(tables, (t) => sp(t, [...pctFactors(t), columnRef(t, "pctComplete")]));
  const pctCount = sumOver(tables, (t) => sp(t, pctFactors(t)));
  return {
    Red: count("Red"),
    Amber: count("Amber"),
    Green: count("Green"),
    Grey: count("Grey"),
    overridden: `=${sumOver(tables, overridden)}`,
    total: `=${sumOver(tables, (t) => sp(t, []))}`,
    pctComplete: `=IFERROR((${pctSum})/(${pctCount}),"")`,
  };
}

const FIGURE_KEYS: (keyof FigureRow)[] = ["Red", "Amber", "Green", "Grey", "overridden", "total", "pctComplete"];

export function buildSummaryLayout(input: SummaryInput): SummaryLayout {
  const cells: SummaryCell[] = [];
  const cfs: SummaryConditionalFormat[] = [];
  const put = (row: number, col: number, cell: Omit<SummaryCell, "address">): string => {
    const address = cellA1(row, col);
    cells.push({ address, ...cell });
    return address;
  };
  const header = (row: number, first: string): void => {
    SUMMARY_HEADERS.forEach((h, i) => {
      const colour = COLOURS.find((c) => c === h);
      put(row, i, { value: i === 0 ? first : h, bold: true, numberFormat: TEXT_FORMAT, ...(colour ? RAG_COLOURS[colour] : { fill: HEADER_FILL }) });
    });
  };
  const figureRow = (row: number, label: CellValue, labelFormat: string, tables: TablePosition[], dimKey: string | null): FigureRow => {
    put(row, 0, { value: label, numberFormat: labelFormat, bold: dimKey === null });
    const f = figureFormulas(tables, dimKey ? { cell: `$A$${row + 1}`, key: dimKey } : null);
    const out = {} as FigureRow;
    FIGURE_KEYS.forEach((k, i) => {
      out[k] = put(row, i + 1, { formula: f[k], numberFormat: k === "pctComplete" ? PERCENT_FORMAT : "0" });
    });
    return out;
  };

  let r = 0;
  put(r++, 0, { value: SUMMARY_TITLE, bold: true });
  put(r, 0, { value: SUMMARY_HEAD_LABELS.A2, bold: true });
  const asOf = put(r++, 1, { formula: `=${SETTING_NAMES.asOf}`, numberFormat: DATE_FORMAT });
  put(r, 0, { value: SUMMARY_HEAD_LABELS.A3, bold: true });
  const planRow = r++;
  r++;

  header(r++, "");
  const all = figureRow(r++, "All actions", TEXT_FORMAT, input.japTables, null);
  let objectives: FigureRow | null = null;
  const jbps = input.jbpTables ?? [];
  if (jbps.length > 0) {
    const row = r++;
    put(row, 0, { value: "Objectives", bold: true, numberFormat: TEXT_FORMAT });
    const rag = (t: TablePosition): string => columnRef(t, "rag");
    objectives = { Red: "", Amber: "", Green: "", Grey: "", overridden: "", total: "", pctComplete: "" };
    COLOURS.forEach((c, i) => {
      (objectives as FigureRow)[c] = put(row, i + 1, { formula: `=${sumOver(jbps, (t) => `COUNTIF(${rag(t)},"${c}")`)}`, numberFormat: "0" });
    });
    objectives.total = put(row, 6, { formula: `=${sumOver(jbps, (t) => `SUMPRODUCT(--(LEN(${rag(t)})>0))`)}`, numberFormat: "0" });
  }
  // Plan RAG: roll-up of the objectives' colours when there is a JBP, else of the actions'.
  const basis = objectives ?? all;
  const basisRow = Number(/\d+$/.exec(basis.Red)?.[0]) - 1;
  const planFormula = renderTemplate(`=${compileExpr(rollUpExpr(ref("red"), ref("amber"), ref("green")))}`, {
    table: { sheet: input.sheetName, headerRow: basisRow - 1, lastRow: basisRow, columns: { red: 1, amber: 2, green: 3 } },
    row: basisRow,
  });
  const planRag = put(planRow, 1, { formula: planFormula, bold: true });
  for (const c of COLOURS) cfs.push({ address: planRag, formula: `=${planRag}="${c}"`, rag: c });
  r++;

  const dimensions = {} as SummaryLayout["map"]["dimensions"];
  let chart: SummaryLayout["chart"] = null;
  const labelsOf: Record<SummaryDimension, { labels: CellValue[]; format: string }> = {
    objective: { labels: input.objectiveIds, format: TEXT_FORMAT },
    owner: { labels: input.ownerNames, format: TEXT_FORMAT },
    party: { labels: [...ActionParty.options], format: TEXT_FORMAT },
    priority: { labels: Array.from({ length: Math.max(0, input.maxPriorities) }, (_, i) => i + 1), format: "0" },
  };
  for (const dim of ["objective", "owner", "party", "priority"] as SummaryDimension[]) {
    const { labels, format } = labelsOf[dim];
    const headerRow = r;
    header(r++, DIMENSION_TITLES[dim]);
    dimensions[dim] = labels.map((label) => ({ label, row: figureRow(r++, label, format, input.japTables, DIMENSION_KEYS[dim]) }));
    if (labels.length > 0) {
      const first = headerRow + 1;
      const last = r - 1;
      COLOURS.slice(0, 3).forEach((c, i) => {
        cfs.push({ address: rangeA1(first, i + 1, last, i + 1), formula: `=${cellA1(first, i + 1)}>0`, rag: c });
      });
      if (!chart && (dim === "objective" || dim === "owner")) {
        chart = {
          source: `${rangeA1(headerRow, 0, last, 4)}`,
          title: dim === "objective" ? "Actions by objective and RAG" : "Actions by owner and RAG",
          seriesBy: "Columns",
        };
      }
    }
    r++;
  }

  // The overdue list of the current JAP table.
  // Headers unlike the JAP's (ID, Action, Owner, Due, Status), so no reader takes this block for a JAP table.
  const overdueCols = ["Sheet row", "Action ID", "Overdue action", "Action owner", "Was due", "Days overdue", "Current status"];
  const current = input.japTables[input.japTables.length - 1];
  put(r++, 0, { value: current ? `Overdue actions on ${current.sheet} (first ${OVERDUE_ROWS})` : "Overdue actions", bold: true });
  overdueCols.forEach((h, i) => put(r, i, { value: h, bold: true, fill: HEADER_FILL, numberFormat: TEXT_FORMAT }));
  r++;
  const overdueFirst = r;
  for (let k = 1; k <= OVERDUE_ROWS; k++, r++) {
    if (!current) break;
    const at = (key: string): string => columnRef(current, key);
    const due = at("due");
    const status = at("status");
    const open = OPEN_STATUSES.map((s) => `(TRIM(${status})="${s}")`).join("+");
    const rowCell = `$A${r + 1}`;
    put(r, 0, {
      formula: `=IFERROR(AGGREGATE(15,6,ROW(${due})/(ISNUMBER(${due})*(${due}<${SETTING_NAMES.asOf})*(LEN(${at("rag")})>0)*(${open})),${k}),"")`,
      numberFormat: "0",
    });
    const offset = `${rowCell}-${firstDataRow(current)}`;
    const text = (col: number, key: string): void => {
      put(r, col, { formula: `=IF(${rowCell}="","",INDEX(${at(key)},${offset})&"")`, numberFormat: "General" });
    };
    text(1, "id");
    text(2, "action");
    text(3, "owner");
    put(r, 4, { formula: `=IF(${rowCell}="","",INDEX(${due},${offset}))`, numberFormat: DATE_FORMAT });
    put(r, 5, { formula: `=IF(${rowCell}="","",${SETTING_NAMES.asOf}-INDEX(${due},${offset}))`, numberFormat: "0" });
    text(6, "status");
  }

  return {
    sheetName: input.sheetName,
    cells,
    conditionalFormats: cfs,
    chart,
    columnWidths: [{ col: 0, width: 170 }, ...[1, 2, 3, 4, 5, 6].map((col) => ({ col, width: col === 2 ? 200 : 75 })), { col: 7, width: 80 }],
    map: {
      asOf,
      planRag,
      all,
      objectives,
      dimensions,
      overdue: { firstRow: overdueFirst, rows: current ? OVERDUE_ROWS : 0, columns: overdueCols.map((_, i) => columnLetters(i)) },
    },
  };
}
