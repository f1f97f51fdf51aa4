/**
 * The Meeting pack's cells computed by the engine, with the semantics of packLayout.ts's formulas
 * (see there): what LibreOffice's recalculated pack must equal, and the cached values a file
 * carries. The colours come from computePlanRag, the one engine; the lists pick the same rows in
 * the same order as the AGGREGATE formulas.
 */
import { evaluate, excelTrim, num, toText } from "../expr";
import { cellA1, type CellValue, distributorKey, type JapPlan, type JbpPlan, jbpHeaderValues, OPEN_STATUSES, type PlanWorkbook, type Rag, type RagResult } from "../model";
import { computePlanRag, EMPTY_ROW, objectiveRowValues, rollUpExpr, settingsNameValues } from "../rag";
import { type ReviewLogRow } from "../cycle";
import { PACK_ROWS, type PackFigureName, type PackInput, type PackLayout, type PackListName } from "./packLayout";

/** The JAP a pack is about, its JBP (or none) and the Review Log rows. */
export interface PackSubject {
  jap: JapPlan;
  jbp: JbpPlan | null;
  log: readonly ReviewLogRow[];
}

export interface PackFigures {
  figures: Record<PackFigureName, CellValue>;
  /** Each list's rows, by field (the layout's columns), `row` the 1-based sheet row. */
  lists: Record<PackListName, Record<string, CellValue>[]>;
  /** Each list's "… and N more" line ("" when all fit). */
  more: Record<PackListName, CellValue>;
}

const text = (v: CellValue | undefined): string => {
  const t = toText(v ?? null);
  return typeof t === "string" ? t : "";
};
const key = (v: CellValue | undefined): string => excelTrim(text(v)).toLowerCase();
const OPEN = new Set(OPEN_STATUSES.map((s) => s.toLowerCase()));
const RAGS: readonly Rag[] = ["Red", "Amber", "Green", "Grey"];

interface Rated {
  raw: Record<string, CellValue>;
  result: RagResult;
  row: number;
}

/** The last review of the subject's distributor on or before `asOf`, or null. */
export function lastReviewDate(log: readonly ReviewLogRow[], distributor: string, asOf: number): number | null {
  const d = distributorKey(distributor);
  let last: number | null = null;
  for (const r of log) if (distributorKey(r.distributor) === d && r.date <= asOf && (last === null || r.date > last)) last = r.date;
  return last;
}

/** A list of `n` rows with a "more" line, as the layout shows it. */
const more = (total: number, shown: number, where: string): string => (total > shown ? `… and ${total - shown} more on ${where}` : "");

export function packFigures(plan: PlanWorkbook, subject: PackSubject, asOf: number, input: PackInput): PackFigures {
  const { jap, jbp } = subject;
  const rag = computePlanRag(plan, asOf);
  const names = settingsNameValues(plan.settings, asOf);
  const rated: Rated[] = [];
  rag.actions.forEach((result) => {
    if (result.sheet !== jap.position.sheet || result.reason === EMPTY_ROW) return;
    const a = jap.actions.find((x) => x.source.row === result.row);
    if (a) rated.push({ raw: { ...a.source.raw }, result, row: result.row + 1 });
  });
  rated.sort((x, y) => x.row - y.row);
  const objectives = jbp && jbp.position.columns.rag !== undefined ? rag.objectives.filter((o) => o.sheet === jbp.position.sheet && o.reason !== EMPTY_ROW) : null;
  const basis = objectives ?? rated.map((r) => r.result);
  const noun = objectives ? "objectives" : "actions";
  const counts: Record<Rag, number> = { Red: 0, Amber: 0, Green: 0, Grey: 0 };
  for (const r of basis) counts[r.rag]++;
  const planRag = evaluate(rollUpExpr(num(counts.Red), num(counts.Amber), num(counts.Green)), { row: {}, names }) as Rag;
  const average = plan.settings.rollUp === "Average score";
  const why =
    planRag === "Grey"
      ? `Grey: no ${noun} to judge yet`
      : `${planRag}: ${noun} ${counts.Red} Red, ${counts.Amber} Amber, ${counts.Green} Green${counts.Grey > 0 ? `, ${counts.Grey} Grey (not enough data)` : ""}${average ? " (average score)" : " (worst of)"}`;

  // Objectives: the JBP's rows with an ID, in sheet order.
  const objectiveRows: Record<string, CellValue>[] = [];
  let objectiveTotal = 0;
  if (jbp) {
    const byRow = new Map(rag.objectives.filter((o) => o.sheet === jbp.position.sheet).map((o) => [o.row, o]));
    const listed = jbp.objectives.filter((o) => excelTrim(text(o.source.raw.id ?? o.id)) !== "").sort((x, y) => x.source.row - y.source.row);
    objectiveTotal = listed.length;
    for (const o of listed.slice(0, PACK_ROWS.objectives)) {
      const id = text(o.source.raw.id ?? o.id);
      const result = byRow.get(o.source.row);
      const pct = objectiveRowValues(o, { Red: 0, Amber: 0, Green: 0, Grey: 0 }, names, jbpHeaderValues(jbp)).pctToTarget;
      const ofObjective = (c: Rag): number => rated.filter((r) => jap.position.columns.objectiveId !== undefined && text(r.raw.objectiveId).toLowerCase() === id.toLowerCase() && id !== "" && r.result.rag === c).length;
      objectiveRows.push({
        row: o.source.row + 1,
        id,
        objective: jbp.position.columns.objective !== undefined ? text(o.source.raw.objective ?? o.objective) : "",
        rag: result && result.reason !== EMPTY_ROW ? result.rag : "",
        pctToTarget: jbp.position.columns.pctToTarget !== undefined && typeof pct === "number" ? pct : "",
        red: ofObjective("Red"),
        amber: ofObjective("Amber"),
        green: ofObjective("Green"),
      });
    }
  }

  // Reasons: the JAP's reason column, else the written ones looked up by ID (first match, case ignored).
  const written = new Map<string, string>();
  for (const x of input.reasons) if (!written.has(x.id.toLowerCase())) written.set(x.id.toLowerCase(), x.reason);
  const reasonOf = (r: Rated): string => (input.jap.columns.ragReason !== undefined ? text(r.raw.ragReason) : (written.get(text(r.raw.id).toLowerCase()) ?? ""));
  const has = (k: string): boolean => input.jap.columns[k] !== undefined;
  const dueOf = (r: Rated): CellValue => (typeof r.raw.due === "number" ? r.raw.due : text(r.raw.due));
  const field = (r: Rated, k: string): string => (has(k) ? text(r.raw[k]) : "");

  const red = rated.filter((r) => r.result.rag === "Red");
  const amber = rated.filter((r) => r.result.rag === "Amber");
  const redAmberAll = [...red, ...amber];
  const redAmber = redAmberAll.slice(0, PACK_ROWS.redAmber).map((r) => ({
    row: r.row,
    id: field(r, "id"),
    action: field(r, "action"),
    owner: field(r, "owner"),
    due: dueOf(r),
    rag: r.result.rag,
    pctComplete: has("pctComplete") && typeof r.raw.pctComplete === "number" ? r.raw.pctComplete : "",
    reason: reasonOf(r),
  }));

  const overdueAll = rated.filter((r) => OPEN.has(key(r.raw.status)) && typeof r.raw.due === "number" && r.raw.due < asOf);
  const overdue = overdueAll.slice(0, PACK_ROWS.overdue).map((r) => ({
    row: r.row,
    id: field(r, "id"),
    action: field(r, "action"),
    owner: field(r, "owner"),
    due: r.raw.due,
    daysOverdue: asOf - (r.raw.due as number),
    status: field(r, "status"),
    nextStep: field(r, "nextStep"),
  }));

  const last = input.reviewLog ? lastReviewDate(subject.log, input.distributor, asOf) : null;
  const figures = {
    asOf,
    planRag,
    why,
    lastReview: last ?? "none recorded",
    redAmberTitle: `Red and Amber actions: ${redAmberAll.length}`,
    overdueTitle: `Overdue actions: ${overdueAll.length}`,
    changesTitle: "Since the last review",
  } as Record<PackFigureName, CellValue>;
  const dist = distributorKey(input.distributor);
  for (const c of RAGS) {
    figures[`then${c}`] = last === null ? "" : subject.log.filter((r) => distributorKey(r.distributor) === dist && r.date === last && r.rag === c).length;
    figures[`now${c}`] = rated.filter((r) => r.result.rag === c).length;
  }
  const changes = input.changes.slice(0, PACK_ROWS.changes).map((c) => ({ id: c.id, action: c.action, owner: c.owner, then: c.then ?? "", now: c.now ?? "", what: c.what }));
  return {
    figures,
    lists: { objectives: objectiveRows, redAmber, overdue, changes },
    more: {
      objectives: jbp ? more(objectiveTotal, PACK_ROWS.objectives, jbp.position.sheet) : "",
      redAmber: more(redAmberAll.length, PACK_ROWS.redAmber, "the JAP"),
      overdue: more(overdueAll.length, PACK_ROWS.overdue, "the JAP"),
      changes: "",
    },
  };
}

/**
 * What every formula cell of the pack shows, by address, from the engine's figures: the values a
 * file caches (so a previewer shows the pack) and what a test compares LibreOffice's cells with.
 * A list row with nothing to show is "" in every cell, its helper too.
 */
export function packValues(layout: PackLayout, f: PackFigures): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [name, address] of Object.entries(layout.map.figures)) out[address] = f.figures[name as PackFigureName];
  for (const name of Object.keys(layout.map.lists) as PackListName[]) {
    const list = layout.map.lists[name];
    for (let k = 0; k < list.rows; k++) {
      const values = f.lists[name][k];
      for (const [field, col] of Object.entries(list.columns)) out[cellA1(list.firstRow + k, col)] = values?.[field] ?? "";
    }
    if (list.more) out[list.more] = f.more[name];
  }
  // Only formula cells: the written ones hold their values already.
  const formulas = new Set(layout.cells.filter((c) => c.formula !== undefined).map((c) => c.address));
  for (const a of Object.keys(out)) if (!formulas.has(a)) delete out[a];
  return out;
}
