/**
 * The RAG Summary computed by the engine: the value of every formula cell of the layout
 * (summaryLayout.ts), from a PlanWorkbook, with the semantics of its formulas (countifs.ts says how
 * a criterion matches). The files `jointplan new` writes carry these values as cached results, and
 * the LibreOffice proof holds each one equal to what the formula computes.
 */
import { compiled, evaluate, isTrue, ref, toText } from "../expr";
import { type CellValue, type PlanWorkbook, type Rag } from "../model";
import { actionOverdue, actionRowValues, computePlanRag, EMPTY_ROW, planReason, rollUpExpr, settingsNameValues, SUMMARY_FLAGS } from "../rag";
import { cellCriterion, isPlainText, notEmpty, notText, numberWithin, someText, textEquals } from "./countifs";
import {
  buildSummaryLayout,
  countsByFlag,
  DIMENSION_KEYS,
  figureColumns,
  GRID_FIGURES,
  type GridFigure,
  hasColumns,
  type LabelSource,
  OVERDUE_ROWS,
  type SummaryDimension,
  type SummaryInput,
  type SummaryLayout,
  type SummaryRow,
} from "./summaryLayout";
import { indexableRows, type SummaryTable } from "./summaryTables";
import { type TrendPoint, trendValues } from "./trendBlock";

export interface FigureValues {
  Red: number;
  Amber: number;
  Green: number;
  Grey: number;
  overridden: number;
  total: number;
  /** null where the sheet shows blank. */
  pctComplete: number | null;
}

export interface OverdueRow {
  /** 1-based position in its table (the working cell the list reads by). */
  position: number;
  id: string;
  action: string;
  owner: string;
  due: number;
  daysOverdue: number;
  status: string;
}

export interface SummaryFigures {
  asOf: number;
  planRag: Rag;
  /** "Red: objectives 1 Red, 2 Green", as the engine says it. */
  planReason: string;
  all: FigureValues;
  /** Counts of the objectives' colours, when there is a JBP. */
  objectives: Pick<FigureValues, "Red" | "Amber" | "Green" | "Grey" | "total"> | null;
  tables: { sheet: string; figures: FigureValues }[];
  /** The labels the sheet lists (blank rows left out), with their figures. */
  dimensions: Record<SummaryDimension, { label: string; figures: FigureValues }[]>;
  rest: Record<SummaryDimension, FigureValues>;
  overdue: OverdueRow[];
}

/** A JAP row as the summary's formulas see it: its cells and what its RAG cell shows. */
interface SheetRow {
  cells: Record<string, CellValue>;
  /** "" for a row the RAG formula leaves blank. */
  rag: string;
  /** 1-based position in the table. */
  position: number;
  /** The JAP's summary flags (rag/ragRules.ts SUMMARY_FLAGS), as its helper columns compute them. */
  overridden: boolean;
  counted: boolean;
  /** Overdue as the RAG's overdue gate decides it (rag/ragRules.ts actionOverdue). */
  overdue: boolean;
}

/** The summary flags' trees (rag/ragRules.ts SUMMARY_FLAGS) compiled once: what the JAP's helper columns compute. */
let flags: { overridden: ReturnType<typeof compiled>; counted: ReturnType<typeof compiled>; overdue: ReturnType<typeof compiled> } | null = null;

type Tally = Record<GridFigure, number>;
const emptyTally = (): Tally => ({ Red: 0, Amber: 0, Green: 0, Grey: 0, overridden: 0, pctSum: 0, pctCount: 0 });
const COLOURS = ["Red", "Amber", "Green", "Grey"] as const;
const text = (v: CellValue | undefined): string => {
  const t = toText(v ?? null);
  return typeof t === "string" ? t : "";
};

/** One table's working figures, for the rows a criterion on column `key` takes (all rows without one). */
function tally(t: SummaryTable, rows: readonly SheetRow[], match: { key: string; test: (c: CellValue | undefined) => boolean } | null): Tally {
  const out = emptyTally();
  const can = (f: GridFigure): boolean => hasColumns(t, match ? [...figureColumns(t, f), match.key] : figureColumns(t, f));
  const counts = can("Red");
  const overrides = can("overridden");
  const pct = can("pctSum");
  // A table with the summary flags is counted by them, an older one by its cells (summaryLayout.ts figureFormula).
  const overriddenByFlag = countsByFlag(t, "overridden");
  const pctByFlag = countsByFlag(t, "pctSum");
  for (const r of rows) {
    if (match && !match.test(r.cells[match.key])) continue;
    if (counts && (COLOURS as readonly string[]).includes(r.rag)) out[r.rag as Rag]++;
    if (overrides && (overriddenByFlag ? r.overridden : notEmpty(r.cells.overrideReason) && COLOURS.some((c) => textEquals(r.cells.ragOverride, c) && r.rag === c))) out.overridden++;
    if (pct && (pctByFlag ? r.counted : someText(r.rag) && notText(r.cells.status, "Cancelled") && numberWithin(r.cells.pctComplete, 0, 1))) {
      out.pctSum += r.cells.pctComplete as number;
      out.pctCount++;
    }
  }
  return out;
}

const add = (a: Tally, b: Tally): Tally => {
  const out = emptyTally();
  for (const f of GRID_FIGURES) out[f] = a[f] + b[f];
  return out;
};

function visible(t: Tally): FigureValues {
  return { Red: t.Red, Amber: t.Amber, Green: t.Green, Grey: t.Grey, overridden: t.overridden, total: t.Red + t.Amber + t.Green + t.Grey, pctComplete: t.pctCount === 0 ? null : t.pctSum / t.pctCount };
}

/**
 * Every formula cell of `layout` as the engine computes it, by A1 address. `trend`: the plan's
 * points from the Review Log (the cycle room's planTrend), for the trend block.
 */
export function summaryValues(plan: PlanWorkbook, asOf: number, layout: SummaryLayout, trend: readonly TrendPoint[] = []): Map<string, CellValue> {
  return compute(plan, asOf, layout, trend).values;
}

/** The summary's figures for `input`, as the sheet built from it shows them. */
export function summaryFigures(plan: PlanWorkbook, asOf: number, input: SummaryInput, trend: readonly TrendPoint[] = []): SummaryFigures {
  return compute(plan, asOf, buildSummaryLayout(input), trend).figures;
}

function compute(plan: PlanWorkbook, asOf: number, layout: SummaryLayout, trend: readonly TrendPoint[]): { values: Map<string, CellValue>; figures: SummaryFigures } {
  const input = layout.input;
  const rag = computePlanRag(plan, asOf);
  const ragAt = new Map<string, string>();
  for (const r of [...rag.actions, ...rag.objectives]) ragAt.set(`${r.sheet}\u0000${r.row}`, r.reason === EMPTY_ROW ? "" : r.rag);
  const names = settingsNameValues(plan.settings, asOf);
  flags ??= { overridden: compiled(SUMMARY_FLAGS.overridden.expr), counted: compiled(SUMMARY_FLAGS.counted.expr), overdue: compiled(actionOverdue) };
  const flag = flags;
  const same = (t: SummaryTable) => (p: { position: { sheet: string; headerRow: number } }) => p.position.sheet === t.sheet && p.position.headerRow === t.headerRow;

  const sheetRows: SheetRow[][] = input.japTables.map((t) => {
    const jap = plan.japs.find(same(t));
    const rows = indexableRows(t);
    return (jap?.actions ?? [])
      .map((a) => {
        const cells = actionRowValues(a);
        const env = { row: cells, names };
        return {
          cells,
          rag: ragAt.get(`${a.source.sheet}\u0000${a.source.row}`) ?? "",
          position: a.source.row - t.headerRow,
          overridden: isTrue(flag.overridden(env)),
          counted: isTrue(flag.counted(env)),
          overdue: isTrue(flag.overdue(env)),
        };
      })
      .filter((r) => r.position >= 1 && r.position <= rows);
  });
  const values = new Map<string, CellValue>();
  const set = (address: string | undefined, v: CellValue): void => {
    if (address) values.set(address, v);
  };

  /** A JBP's or the Roster's cell of column `key` in the k-th data row, as INDEX(…)&"" gives it ("" past the end). */
  const jbpCell = (jbp: number, key: string, k: number): string => {
    const t = (input.jbpTables ?? [])[jbp];
    if (t.columns[key] === undefined || k > indexableRows(t)) return "";
    const o = plan.jbps.find(same(t))?.objectives.find((x) => x.source.row === t.headerRow + k);
    return o ? text((o.source.raw as Record<string, CellValue> | undefined)?.[key] ?? (o as unknown as Record<string, CellValue>)[key]) : "";
  };
  const rosterCell = (k: number): string => {
    const t = input.rosterTable;
    if (!t || t.columns.name === undefined || k > indexableRows(t) || !plan.roster || plan.roster.position.sheet !== t.sheet) return "";
    const row = t.headerRow + k;
    const r = plan.roster.rows.find((x) => x.source.row === row) ?? plan.roster.incomplete?.find((x) => x.source.row === row);
    return r ? text(r.source.raw?.name ?? r.name) : "";
  };
  const keyOf = (label: LabelSource): CellValue => ("value" in label ? label.value : "jbp" in label ? jbpCell(label.jbp, "id", label.k) : rosterCell(label.roster));
  const isBlankKey = (k: CellValue): boolean => k === null || k === "";

  const tallies = new Map<SummaryRow, Tally>();
  // Each table's rows by the lower-cased text of one column, built once per column the blocks group by.
  const indexes = new Map<string, Map<string, SheetRow[]>>();
  const textIndex = (ti: number, column: string): Map<string, SheetRow[]> => {
    const id = `${ti}\u0000${column}`;
    let index = indexes.get(id);
    if (!index) {
      index = new Map();
      for (const r of sheetRows[ti]) {
        const v = r.cells[column];
        if (typeof v !== "string") continue;
        const k = v.toLowerCase();
        const list = index.get(k);
        if (list) list.push(r);
        else index.set(k, [r]);
      }
      indexes.set(id, index);
    }
    return index;
  };
  const writeGrid = (row: SummaryRow, perTable: Tally[]): void => {
    row.grid?.forEach((cells, fi) => cells.forEach((address, ti) => set(address, perTable[ti]?.[GRID_FIGURES[fi]] ?? 0)));
  };
  const writeFigures = (row: SummaryRow, t: Tally, blank = false): void => {
    const v = visible(t);
    for (const f of ["Red", "Amber", "Green", "Grey", "overridden", "total"] as const) set(row.figures[f], blank ? "" : v[f]);
    set(row.figures.pctComplete, blank ? "" : (v.pctComplete ?? ""));
    set(row.pctSum, t.pctSum);
    set(row.pctCount, t.pctCount);
  };

  const figures: SummaryFigures = {
    asOf,
    planRag: "Grey",
    planReason: "",
    all: visible(emptyTally()),
    objectives: null,
    tables: [],
    dimensions: { objective: [], owner: [], party: [], priority: [] },
    rest: {} as SummaryFigures["rest"],
    overdue: [],
  };
  let all = emptyTally();
  const blockSums: Record<SummaryDimension, Tally> = { objective: emptyTally(), owner: emptyTally(), party: emptyTally(), priority: emptyTally() };
  // Rows in sheet order would do too; by kind keeps the sums simple: tables, all, then the blocks.
  const rows = layout.map.rows;
  for (const row of rows.filter((x) => x.source.kind === "table")) {
    const ti = (row.source as { table: number }).table;
    const t = tally(input.japTables[ti], sheetRows[ti], null);
    tallies.set(row, t);
    writeFigures(row, t);
    all = add(all, t);
    figures.tables.push({ sheet: input.japTables[ti].sheet, figures: visible(t) });
  }
  for (const row of rows) {
    const s = row.source;
    if (s.kind === "all") {
      writeFigures(row, all);
      figures.all = visible(all);
    } else if (s.kind === "objectives") {
      const jbps = input.jbpTables ?? [];
      const perTable = jbps.map((t) => {
        const c = emptyTally();
        if (t.columns.rag === undefined) return c;
        for (const o of plan.jbps.find(same(t))?.objectives ?? []) {
          const pos = o.source.row - t.headerRow;
          const v = ragAt.get(`${o.source.sheet}\u0000${o.source.row}`) ?? "";
          if (pos >= 1 && pos <= indexableRows(t) && (COLOURS as readonly string[]).includes(v)) c[v as Rag]++;
        }
        return c;
      });
      row.grid?.forEach((cells, fi) => cells.forEach((address, ti) => set(address, perTable[ti]?.[GRID_FIGURES[fi]] ?? 0)));
      const sum = perTable.reduce(add, emptyTally());
      for (const c of COLOURS) set(row.figures[c], sum[c]);
      set(row.figures.total, sum.Red + sum.Amber + sum.Green + sum.Grey);
      figures.objectives = { Red: sum.Red, Amber: sum.Amber, Green: sum.Green, Grey: sum.Grey, total: sum.Red + sum.Amber + sum.Green + sum.Grey };
    } else if (s.kind === "label") {
      const key = keyOf(s.label);
      if (!("value" in s.label)) set(row.key, key);
      if ("jbp" in s.label) {
        const name = jbpCell(s.label.jbp, "objective", s.label.k);
        set(row.name, name);
        set(row.label, isBlankKey(key) ? "" : `${text(key)}${name === "" ? "" : ` – ${name}`}`);
        const t = (input.jbpTables ?? [])[s.label.jbp];
        const at = t.headerRow + s.label.k;
        set(row.ownRag, isBlankKey(key) || t.columns.rag === undefined || s.label.k > indexableRows(t) ? "" : (ragAt.get(`${t.sheet}\u0000${at}`) ?? ""));
      } else if ("roster" in s.label) set(row.label, key);
      const blank = isBlankKey(key);
      const test = blank ? null : cellCriterion(key);
      const column = DIMENSION_KEYS[s.dim];
      // A plain text label only takes rows whose cell is that text (case ignored): look them up, not scan.
      const plain = typeof key === "string" && isPlainText(key) ? key.toLowerCase() : null;
      const perTable = input.japTables.map((t, ti) => (test ? tally(t, plain === null ? sheetRows[ti] : (textIndex(ti, column).get(plain) ?? []), { key: column, test }) : emptyTally()));
      writeGrid(row, perTable);
      const sum = perTable.reduce(add, emptyTally());
      writeFigures(row, sum, blank);
      blockSums[s.dim] = add(blockSums[s.dim], sum);
      if (!blank) figures.dimensions[s.dim].push({ label: text(key), figures: visible(sum) });
    } else if (s.kind === "rest") {
      const rest = emptyTally();
      for (const f of GRID_FIGURES) rest[f] = all[f] - blockSums[s.dim][f];
      writeFigures(row, rest);
      figures.rest[s.dim] = visible(rest);
    }
  }

  // The plan RAG: the roll-up formula itself, evaluated over the row it reads.
  const basis = figures.objectives ?? figures.all;
  figures.planRag = evaluate(rollUpExpr(ref("red"), ref("amber"), ref("green")), { row: { red: basis.Red, amber: basis.Amber, green: basis.Green }, names }) as Rag;
  set(layout.map.planRag, figures.planRag);
  const basisCounts = { Red: basis.Red, Amber: basis.Amber, Green: basis.Green, Grey: basis.Grey };
  figures.planReason = planReason(plan.settings.rollUp, figures.planRag, basisCounts, figures.objectives ? "objectives" : "actions");
  set(layout.map.planReason, figures.planReason);
  set(layout.map.asOf, asOf);

  // The overdue list of the current table, by position.
  const od = layout.map.overdue;
  const current = input.japTables.length - 1;
  if (current >= 0 && od.rows > 0) {
    const t = input.japTables[current];
    const list = sheetRows[current]
      .filter((r) => r.overdue && r.rag !== "")
      .sort((a, b) => a.position - b.position)
      .slice(0, OVERDUE_ROWS);
    const cell = (r: SheetRow, key: string): string => (t.columns[key] === undefined ? "" : text(r.cells[key]));
    figures.overdue = list.map((r) => ({ position: r.position, id: cell(r, "id"), action: cell(r, "action"), owner: cell(r, "owner"), due: r.cells.due as number, daysOverdue: asOf - (r.cells.due as number), status: cell(r, "status") }));
    for (let i = 0; i < od.rows; i++) {
      const row = od.firstRow + i;
      const o = figures.overdue[i];
      const at = (col: number): string => `${od.columns[col]}${row + 1}`;
      set(od.index[i], o ? o.position : "");
      set(at(0), o ? (o.id === "" ? o.action : `${o.id} – ${o.action}`) : "");
      set(at(1), o ? o.owner : "");
      set(at(2), o ? o.due : "");
      set(at(3), o ? o.daysOverdue : "");
      set(at(4), o ? o.status : "");
    }
  }
  if (layout.map.trend) trendValues(layout.map.trend, trend, set);
  // Every formula cell has its value: the ones left are the constant "" and 0 formulas (a column missing).
  for (const c of layout.cells) if (c.formula !== undefined && !values.has(c.address)) values.set(c.address, c.formula === "=0" ? 0 : c.formula === `=""` ? "" : null);
  return { values, figures };
}
