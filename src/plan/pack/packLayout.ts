/**
 * The Meeting pack sheet as data (issue 14): one page per distributor's current JAP, for the monthly
 * review meeting. Every figure and list is a formula over the plan tables (INDEX, AGGREGATE,
 * COUNTIF(S), SUMPRODUCT: Excel 2019 functions, bounded lists), so the pack stays true for
 * co-authors without the add-in; packFigures.ts computes the same cells with the engine, and tests
 * hold the two equal in LibreOffice.
 *
 * Printed columns A..G; column I holds each list row's sheet row (the formulas' helper, outside the
 * print area, grey); columns K..L hold what the add-in writes as values (the reasons, when the JAP
 * has no reason column), said so on the sheet.
 *
 * Sections: the plan's RAG and why; the objectives (name, own RAG, KPI attainment, their actions'
 * colours on this JAP); the Red and Amber actions (Red first, by sheet row); the overdue actions;
 * what changed since the last review (counts by formula from the Review Log, the changed actions as
 * written values); decisions and next steps to fill in.
 *
 * Header texts differ from every plan layout's, so no reader takes a list for a plan table.
 */
import { cellA1, type CellValue, columnLetters, firstDataRow, isoFromSerial, type Rag, rangeA1, SETTING_NAMES, type TablePosition } from "../model";
import { columnRef, compileExpr, ref } from "../expr";
import { DATE_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from "../layouts";
import { OVERDUE_GATE, overdueRowsTest, rollUpExpr } from "../rag";
import { PACK_HEAD_LABELS, PACK_TITLE } from "./packMark";

/** The most rows each list shows (the page must stay one page); the rest is counted in a "more" line. */
export const PACK_ROWS = { objectives: 6, redAmber: 8, overdue: 5, changes: 5, decisions: 4 } as const;
/** The printed columns (A..G). */
export const PACK_COLUMNS = 7;
/** Column of the lists' helper (the sheet row each list row shows), outside the print area. */
export const HELPER_COL = 8;
/** Columns of the written reasons (ID, reason), when the JAP has no reason column. */
export const REASON_ID_COL = 10;
export const REASON_TEXT_COL = 11;

/** One action whose review-to-review change the pack lists (written by the add-in or the command line). */
export interface PackChange {
  id: string;
  action: string;
  owner: string;
  then: Rag | null;
  now: Rag | null;
  what: string;
}

export interface PackInput {
  sheetName: string;
  /** The current JAP's table (with spare rows below, so rows typed later count). */
  jap: TablePosition;
  /** Its JBP's table, or null (the plan RAG then rolls up the actions). */
  jbp: TablePosition | null;
  /** The Review Log's table, or null when the workbook has none. */
  reviewLog: TablePosition | null;
  distributor: string;
  /** "March 2026", or "" when the JAP has no month. */
  monthTitle: string;
  /** The reasons the engine gives, by action ID, written when the JAP has no reason column. */
  reasons: { id: string; reason: string }[];
  /** What changed since the last review, as the engine sees it (written values). */
  changes: PackChange[];
  /** The day the written values were worked out (the as-of date then). */
  writtenOn: number;
}

export interface PackCell {
  address: string;
  value?: CellValue;
  /** Starts with "=". */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fill?: string;
  fontColor?: string;
  horizontalAlignment?: "Left" | "Center" | "Right";
}

/** A list on the pack: its first row, how many rows, and the column of each field. */
export interface PackListMap {
  firstRow: number;
  rows: number;
  columns: Record<string, number>;
  /** The "… and N more" line under the list, when it has one. */
  more: string | null;
}

export type PackListName = "objectives" | "redAmber" | "overdue" | "changes";
export type PackFigureName = "asOf" | "planRag" | "why" | "lastReview" | "redAmberTitle" | "overdueTitle" | "changesTitle" | `then${Rag}` | `now${Rag}`;

export interface PackLayout {
  sheetName: string;
  cells: PackCell[];
  /** RAG colours by conditional format: cells that hold a RAG word, count cells when above 0. */
  conditionalFormats: { address: string; formula: string; rag: Rag }[];
  columnWidths: { col: number; width: number }[];
  /** Where each figure and list stands, for the engine's values (packValues) and for "Go to". */
  map: { figures: Record<PackFigureName, string>; lists: Record<PackListName, PackListMap>; decisions: { firstRow: number; rows: number } };
  /** The JAP sheet the pack is about. */
  japSheet: string;
  /** Whether the reasons come from the JAP's reason column (else from the written ones). */
  reasonsByFormula: boolean;
}

export const HEADER_FILL = "#DDEBF7";
const SECTION_FONT = 12;
const HELPER_FONT = "#A6A6A6";
const FILL_IN = "#F7F9FC";
const RAGS: readonly Rag[] = ["Red", "Amber", "Green", "Grey"];
export const OBJECTIVE_HEADERS = ["Objective ID", "Objective name", "Objective RAG", "KPI vs YTD", "Red", "Amber", "Green"];
export const RED_AMBER_HEADERS = ["Ref", "Red or Amber action", "Who", "Due by", "Colour", "Done", "Why this colour"];
export const OVERDUE_HEADERS = ["Ref", "Overdue action", "Who", "Was due", "Days late", "Where it stands", "Next step agreed"];
export const CHANGES_HEADERS = ["Ref", "Changed action", "Who", "Then", "Now", "", "What changed"];
export const DECISIONS_HEADERS = ["No.", "Decision or next step", "Who", "By when", "", "", "Notes"];

const has = (t: TablePosition | null, key: string): t is TablePosition => t !== null && t.columns[key] !== undefined;

export function buildPackLayout(input: PackInput): PackLayout {
  const cells: PackCell[] = [];
  const cfs: PackLayout["conditionalFormats"] = [];
  const put = (row: number, col: number, cell: Omit<PackCell, "address">): string => {
    const address = cellA1(row, col);
    cells.push({ address, ...cell });
    return address;
  };
  const abs = (row: number, col: number): string => `$${columnLetters(col)}$${row + 1}`;
  const header = (row: number, texts: string[]): void => {
    texts.forEach((h, i) => put(row, i, { value: h, bold: true, fill: HEADER_FILL, numberFormat: TEXT_FORMAT }));
  };
  const section = (row: number, formula: string | null, text: string): string =>
    put(row, 0, formula ? { formula, bold: true, fontSize: SECTION_FONT } : { value: text, bold: true, fontSize: SECTION_FONT, numberFormat: TEXT_FORMAT });
  const colourCells = (address: string, top: string): void => {
    for (const c of RAGS) cfs.push({ address, formula: `=${top}="${c}"`, rag: c });
  };

  const { jap, jbp } = input;
  const rag = columnRef(jap, "rag");
  const asOf = SETTING_NAMES.asOf;
  let r = 0;
  put(r++, 0, { value: [PACK_TITLE, input.distributor, input.monthTitle].filter((s) => s !== "").join(" · "), bold: true, fontSize: 16, numberFormat: TEXT_FORMAT });
  put(r, 0, { value: PACK_HEAD_LABELS.A2, bold: true, numberFormat: TEXT_FORMAT });
  const asOfCell = put(r, 1, { formula: `=${asOf}`, numberFormat: DATE_FORMAT, horizontalAlignment: "Left" });
  put(r, 2, { value: "Distributor", bold: true, numberFormat: TEXT_FORMAT });
  const distributorCell = put(r, 3, { value: input.distributor, numberFormat: TEXT_FORMAT });
  put(r, 5, { value: "JAP sheet", bold: true, numberFormat: TEXT_FORMAT });
  put(r++, 6, { value: jap.sheet, numberFormat: TEXT_FORMAT });

  // The plan's RAG: the roll-up of its JBP's objectives (as the RAG Summary), else of this JAP's actions.
  put(r, 0, { value: PACK_HEAD_LABELS.A3, bold: true, numberFormat: TEXT_FORMAT });
  const basis = jbp && has(jbp, "rag") ? columnRef(jbp, "rag") : rag;
  const noun = jbp && has(jbp, "rag") ? "objectives" : "actions";
  const count = (c: Rag): string => `COUNTIF(${basis},"${c}")`;
  const rollUp = compileExpr(rollUpExpr(ref("red"), ref("amber"), ref("green")))
    .replace(/\{red\}/g, count("Red"))
    .replace(/\{amber\}/g, count("Amber"))
    .replace(/\{green\}/g, count("Green"));
  const planRag = put(r, 1, { formula: `=${rollUp}`, bold: true, horizontalAlignment: "Center" });
  colourCells(planRag, planRag);
  // Why, in words read aloud: the colour, then the counts it follows from.
  const planRef = `$B$${r + 1}`;
  const why = put(r++, 2, {
    formula:
      `=IF(${planRef}="Grey","Grey: no ${noun} to judge yet",${planRef}&": ${noun} "&${count("Red")}&" Red, "&${count("Amber")}&" Amber, "&${count("Green")}&" Green"` +
      `&IF(${count("Grey")}>0,", "&${count("Grey")}&" Grey (not enough data)","")&IF(TRIM(${SETTING_NAMES.rollUp})="Average score"," (average score)"," (worst of)"))`,
  });
  r++;

  // The objectives of the JBP, in sheet order.
  const objectives: PackListMap = { firstRow: 0, rows: 0, columns: {}, more: null };
  if (jbp && has(jbp, "id")) {
    section(r++, null, "Objectives");
    header(r++, OBJECTIVE_HEADERS);
    const ids = columnRef(jbp, "id");
    const first = firstDataRow(jbp) + 1;
    objectives.firstRow = r;
    objectives.rows = PACK_ROWS.objectives;
    objectives.columns = { row: HELPER_COL, id: 0, objective: 1, rag: 2, pctToTarget: 3, red: 4, amber: 5, green: 6 };
    for (let k = 1; k <= PACK_ROWS.objectives; k++, r++) {
      const at = `$${columnLetters(HELPER_COL)}${r + 1}`;
      put(r, HELPER_COL, { formula: `=IFERROR(AGGREGATE(15,6,ROW(${ids})/(LEN(TRIM(${ids}))>0),${k}),"")`, numberFormat: "0", fontColor: HELPER_FONT });
      const index = (key: string): string => `INDEX(${columnRef(jbp, key)},${at}-${first}+1)`;
      const text = (key: string): string => (has(jbp, key) ? `=IF(${at}="","",${index(key)}&"")` : `=""`);
      put(r, 0, { formula: text("id") });
      put(r, 1, { formula: text("objective") });
      put(r, 2, { formula: text("rag"), horizontalAlignment: "Center" });
      put(r, 3, { formula: has(jbp, "pctToTarget") ? `=IF(${at}="","",IF(ISNUMBER(${index("pctToTarget")}),${index("pctToTarget")},""))` : `=""`, numberFormat: PERCENT_FORMAT, horizontalAlignment: "Center" });
      const idCell = `$A${r + 1}`;
      (["Red", "Amber", "Green"] as const).forEach((c, i) => {
        const counted = has(jap, "objectiveId") ? `COUNTIFS(${columnRef(jap, "objectiveId")},${idCell},${rag},"${c}")` : "0";
        put(r, 4 + i, { formula: `=IF(${at}="","",${counted})`, numberFormat: "0", horizontalAlignment: "Center" });
      });
    }
    const n = `SUMPRODUCT(--(LEN(TRIM(${ids}))>0))`;
    objectives.more = put(r++, 1, { formula: `=IF(${n}>${PACK_ROWS.objectives},"… and "&(${n}-${PACK_ROWS.objectives})&" more on ${jbp.sheet.replace(/"/g, '""')}","")`, italic: true });
    const top = objectives.firstRow;
    colourCells(rangeA1(top, 2, top + PACK_ROWS.objectives - 1, 2), cellA1(top, 2));
    (["Red", "Amber", "Green"] as const).forEach((c, i) => {
      cfs.push({ address: rangeA1(top, 4 + i, top + PACK_ROWS.objectives - 1, 4 + i), formula: `=AND(ISNUMBER(${cellA1(top, 4 + i)}),${cellA1(top, 4 + i)}>0)`, rag: c });
    });
    r++;
  }

  // A list of this JAP's rows: the helper's sort key picks the k-th row; each field by INDEX.
  const jFirst = firstDataRow(jap) + 1;
  const japText = (at: string, key: string): string => (has(jap, key) ? `=IF(${at}="","",INDEX(${columnRef(jap, key)},${at}-${jFirst}+1)&"")` : `=""`);
  const japDue = (at: string): string => {
    const due = `INDEX(${columnRef(jap, "due")},${at}-${jFirst}+1)`;
    return `=IF(${at}="","",IF(ISNUMBER(${due}),${due},${due}&""))`;
  };
  const reasonsFirst = 3;
  const reasonsLast = reasonsFirst + Math.max(input.reasons.length, 1) - 1;
  const reasonsByFormula = has(jap, "ragReason");
  // The first written reason whose ID equals the action's (= ignores case; no wildcards, unlike MATCH).
  const reasonIds = `${abs(reasonsFirst, REASON_ID_COL)}:${abs(reasonsLast, REASON_ID_COL)}`;
  const reasonTexts = `${abs(reasonsFirst, REASON_TEXT_COL)}:${abs(reasonsLast, REASON_TEXT_COL)}`;
  const reasonOf = (at: string, idCell: string): string =>
    reasonsByFormula
      ? japText(at, "ragReason")
      : `=IF(${at}="","",IFERROR(INDEX(${reasonTexts},AGGREGATE(15,6,(ROW(${reasonIds})-${reasonsFirst})/(${reasonIds}=${idCell}),1))&"",""))`;

  // Red and Amber actions: Red first, then Amber, each by sheet row.
  const redAmberCount = `(COUNTIF(${rag},"Red")+COUNTIF(${rag},"Amber"))`;
  const redAmberTitle = section(r++, `="Red and Amber actions: "&${redAmberCount}`, "");
  header(r++, RED_AMBER_HEADERS);
  const redAmber: PackListMap = { firstRow: r, rows: PACK_ROWS.redAmber, columns: { row: HELPER_COL, id: 0, action: 1, owner: 2, due: 3, rag: 4, pctComplete: 5, reason: 6 }, more: null };
  for (let k = 1; k <= PACK_ROWS.redAmber; k++, r++) {
    const at = `$${columnLetters(HELPER_COL)}${r + 1}`;
    put(r, HELPER_COL, {
      formula: `=IFERROR(IF(${k}<=COUNTIF(${rag},"Red"),AGGREGATE(15,6,ROW(${rag})/(${rag}="Red"),${k}),AGGREGATE(15,6,ROW(${rag})/(${rag}="Amber"),${k}-COUNTIF(${rag},"Red"))),"")`,
      numberFormat: "0",
      fontColor: HELPER_FONT,
    });
    put(r, 0, { formula: japText(at, "id") });
    put(r, 1, { formula: japText(at, "action") });
    put(r, 2, { formula: japText(at, "owner") });
    put(r, 3, { formula: japDue(at), numberFormat: DATE_FORMAT, horizontalAlignment: "Center" });
    put(r, 4, { formula: japText(at, "rag"), horizontalAlignment: "Center" });
    const pct = `INDEX(${columnRef(jap, "pctComplete")},${at}-${jFirst}+1)`;
    put(r, 5, { formula: has(jap, "pctComplete") ? `=IF(${at}="","",IF(ISNUMBER(${pct}),${pct},""))` : `=""`, numberFormat: PERCENT_FORMAT, horizontalAlignment: "Center" });
    put(r, 6, { formula: reasonOf(at, `$A${r + 1}`) });
  }
  redAmber.more = put(r++, 1, { formula: `=IF(${redAmberCount}>${PACK_ROWS.redAmber},"… and "&(${redAmberCount}-${PACK_ROWS.redAmber})&" more on the JAP","")`, italic: true });
  colourCells(rangeA1(redAmber.firstRow, 4, redAmber.firstRow + PACK_ROWS.redAmber - 1, 4), cellA1(redAmber.firstRow, 4));
  r++;

  // Overdue as the RAG's overdue gate decides it (open, a real due date before the as-of date), by
  // sheet row: one numeric test of the JAP's gate column, else the same test by its cells.
  const due = columnRef(jap, "due");
  const byGate = has(jap, "calcGate");
  const overdueWhere = overdueRowsTest((key) => columnRef(jap, key), byGate);
  const overdueCount = byGate ? `COUNTIF(${columnRef(jap, "calcGate")},${OVERDUE_GATE})` : `SUMPRODUCT(${overdueWhere})`;
  const overdueTitle = section(r++, `="Overdue actions: "&${overdueCount}`, "");
  header(r++, OVERDUE_HEADERS);
  const overdue: PackListMap = { firstRow: r, rows: PACK_ROWS.overdue, columns: { row: HELPER_COL, id: 0, action: 1, owner: 2, due: 3, daysOverdue: 4, status: 5, nextStep: 6 }, more: null };
  for (let k = 1; k <= PACK_ROWS.overdue; k++, r++) {
    const at = `$${columnLetters(HELPER_COL)}${r + 1}`;
    put(r, HELPER_COL, { formula: `=IFERROR(AGGREGATE(15,6,ROW(${due})/(${overdueWhere}),${k}),"")`, numberFormat: "0", fontColor: HELPER_FONT });
    put(r, 0, { formula: japText(at, "id") });
    put(r, 1, { formula: japText(at, "action") });
    put(r, 2, { formula: japText(at, "owner") });
    put(r, 3, { formula: japDue(at), numberFormat: DATE_FORMAT, horizontalAlignment: "Center" });
    put(r, 4, { formula: `=IF(${at}="","",${asOf}-INDEX(${due},${at}-${jFirst}+1))`, numberFormat: "0", horizontalAlignment: "Center" });
    put(r, 5, { formula: japText(at, "status") });
    put(r, 6, { formula: japText(at, "nextStep") });
  }
  overdue.more = put(r++, 1, { formula: `=IF(${overdueCount}>${PACK_ROWS.overdue},"… and "&(${overdueCount}-${PACK_ROWS.overdue})&" more on the JAP","")`, italic: true });
  r++;

  // Since the last review: its date and the colours then (Review Log) and now (this JAP), by formula.
  const log = input.reviewLog;
  const logOk = log !== null && has(log, "date") && has(log, "distributor") && has(log, "rag");
  const dist = abs(Number(/\d+$/.exec(distributorCell)![0]) - 1, 3);
  const logMatch = logOk ? `(TRIM(${columnRef(log, "distributor")})=TRIM(${dist}))*ISNUMBER(${columnRef(log, "date")})*(${columnRef(log, "date")}<=${asOf})` : "";
  const changesTitle = section(r++, null, "Since the last review");
  put(r, 0, { value: "Last review", bold: true, numberFormat: TEXT_FORMAT });
  const lastReview = put(r, 1, {
    formula: logOk ? `=IFERROR(AGGREGATE(14,6,${columnRef(log, "date")}/(${logMatch}),1),"none recorded")` : `="none recorded"`,
    numberFormat: DATE_FORMAT,
    horizontalAlignment: "Left",
  });
  const lastRef = `$B$${r + 1}`;
  RAGS.forEach((c, i) => put(r, 2 + i, { value: c, bold: true, numberFormat: TEXT_FORMAT, horizontalAlignment: "Center" }));
  r++;
  const counts = {} as Record<`then${Rag}` | `now${Rag}`, string>;
  put(r, 1, { value: "then", italic: true, numberFormat: TEXT_FORMAT, horizontalAlignment: "Right" });
  RAGS.forEach((c, i) => {
    const then = logOk ? `IF(ISNUMBER(${lastRef}),SUMPRODUCT(${logMatch}*(${columnRef(log, "date")}=${lastRef})*(TRIM(${columnRef(log, "rag")})="${c}")),"")` : `""`;
    counts[`then${c}`] = put(r, 2 + i, { formula: `=${then}`, numberFormat: "0", horizontalAlignment: "Center" });
  });
  r++;
  put(r, 1, { value: "now", italic: true, numberFormat: TEXT_FORMAT, horizontalAlignment: "Right" });
  RAGS.forEach((c, i) => {
    counts[`now${c}`] = put(r, 2 + i, { formula: `=COUNTIF(${rag},"${c}")`, numberFormat: "0", horizontalAlignment: "Center" });
  });
  r++;
  header(r++, CHANGES_HEADERS);
  const changes: PackListMap = { firstRow: r, rows: PACK_ROWS.changes, columns: { id: 0, action: 1, owner: 2, then: 3, now: 4, what: 6 }, more: null };
  for (let k = 0; k < PACK_ROWS.changes; k++, r++) {
    const c = input.changes[k];
    const v = (x: CellValue): Omit<PackCell, "address"> => ({ value: x, numberFormat: TEXT_FORMAT });
    put(r, 0, v(c?.id ?? null));
    put(r, 1, v(c?.action ?? null));
    put(r, 2, v(c?.owner ?? null));
    put(r, 3, { ...v(c?.then ?? null), horizontalAlignment: "Center" });
    put(r, 4, { ...v(c?.now ?? null), horizontalAlignment: "Center" });
    put(r, 6, v(c?.what ?? null));
  }
  colourCells(rangeA1(changes.firstRow, 3, changes.firstRow + PACK_ROWS.changes - 1, 4), cellA1(changes.firstRow, 3));
  const extra = input.changes.length - PACK_ROWS.changes;
  const writtenOn = isoFromSerial(input.writtenOn);
  put(r++, 1, {
    value: `${extra > 0 ? `… and ${extra} more. ` : input.changes.length === 0 ? "No change to list. " : ""}Listed by JointPlan as of ${writtenOn}: Meeting pack (add-in) or jointplan review refreshes it.`,
    italic: true,
    numberFormat: TEXT_FORMAT,
  });
  r++;

  // Decisions and next steps: for the meeting to fill in (text cells, so "=…" typed stays text).
  section(r++, null, "Decisions and next steps");
  header(r++, DECISIONS_HEADERS);
  const decisions = { firstRow: r, rows: PACK_ROWS.decisions };
  for (let k = 1; k <= PACK_ROWS.decisions; k++, r++) {
    put(r, 0, { value: k, numberFormat: "0", horizontalAlignment: "Center" });
    for (let c = 1; c < PACK_COLUMNS; c++) put(r, c, { value: null, numberFormat: c === 3 ? DATE_FORMAT : TEXT_FORMAT, fill: FILL_IN });
  }

  // The helper's header, and the written reasons (when the JAP has no reason column).
  put(0, HELPER_COL, { value: PACK_HEAD_LABELS.I1, italic: true, fontColor: HELPER_FONT, numberFormat: TEXT_FORMAT });
  if (!reasonsByFormula) {
    put(0, REASON_ID_COL, { value: `Why each action has its colour, as JointPlan worked it out on ${writtenOn} (the JAP has no reason column): Meeting pack refreshes it`, italic: true, fontColor: HELPER_FONT, numberFormat: TEXT_FORMAT });
    put(reasonsFirst - 1, REASON_ID_COL, { value: "Action", bold: true, fontColor: HELPER_FONT, numberFormat: TEXT_FORMAT });
    put(reasonsFirst - 1, REASON_TEXT_COL, { value: "Reason", bold: true, fontColor: HELPER_FONT, numberFormat: TEXT_FORMAT });
    input.reasons.forEach((x, i) => {
      put(reasonsFirst + i, REASON_ID_COL, { value: x.id, numberFormat: TEXT_FORMAT, fontColor: HELPER_FONT });
      put(reasonsFirst + i, REASON_TEXT_COL, { value: x.reason, numberFormat: TEXT_FORMAT, fontColor: HELPER_FONT });
    });
  }

  return {
    sheetName: input.sheetName,
    cells,
    conditionalFormats: cfs,
    columnWidths: [
      { col: 0, width: 90 },
      { col: 1, width: 260 },
      { col: 2, width: 110 },
      { col: 3, width: 80 },
      { col: 4, width: 62 },
      { col: 5, width: 90 },
      { col: 6, width: 300 },
      { col: 7, width: 20 },
      { col: HELPER_COL, width: 60 },
      { col: REASON_ID_COL, width: 70 },
      { col: REASON_TEXT_COL, width: 300 },
    ],
    map: {
      figures: { asOf: asOfCell, planRag, why, lastReview, redAmberTitle, overdueTitle, changesTitle, ...counts },
      lists: { objectives, redAmber, overdue, changes },
      decisions,
    },
    japSheet: jap.sheet,
    reasonsByFormula,
  };
}
