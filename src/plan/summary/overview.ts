/**
 * The plan at a glance, from one check: what the task pane's overview and the ribbon's messages
 * show. Pure; computed from a CheckResult, never from the sheet.
 */
import { type Action, cellA1, type CheckResult, currentJaps, isOpenStatus, type JapPlan, type Rag, type RagResult } from "../model";

export interface ActionRef {
  sheet: string;
  /** The action's ID cell (or its row's first cell when the ID column is missing). */
  cell: string;
  id: string;
  action: string;
  owner: string;
  due: number | null;
  rag: Rag;
  reason: string;
}

export interface Overview {
  hasPlan: boolean;
  asOf: number;
  plan: { rag: Rag; reason: string };
  counts: Record<Rag, number>;
  overridden: number;
  /** Mean % complete (0..1) of the actions that count (not cancelled, with a 0..1 value). */
  pctComplete: number | null;
  actions: number;
  overdue: ActionRef[];
  stale: ActionRef[];
  actionRags: ActionRef[];
}

const closed = (a: Action): boolean => !isOpenStatus(a.status);

function refOf(jap: JapPlan, a: Action, rag: RagResult | undefined): ActionRef {
  const col = jap.position.columns.id ?? Math.min(...Object.values(jap.position.columns));
  return {
    sheet: a.source.sheet,
    cell: cellA1(a.source.row, col),
    id: a.id,
    action: a.action,
    owner: a.owner,
    due: a.due,
    rag: rag?.rag ?? "Grey",
    reason: rag?.reason ?? "",
  };
}

export function emptyOverview(asOf: number): Overview {
  return {
    hasPlan: false,
    asOf,
    plan: { rag: "Grey", reason: "No plan in this workbook yet" },
    counts: { Red: 0, Amber: 0, Green: 0, Grey: 0 },
    overridden: 0,
    pctComplete: null,
    actions: 0,
    overdue: [],
    stale: [],
    actionRags: [],
  };
}

export function overviewOf(result: CheckResult): Overview {
  const { plan, rag, asOf } = result;
  const out = emptyOverview(asOf);
  out.hasPlan = plan.jbps.length + plan.japs.length > 0;
  if (!out.hasPlan) return out;
  out.plan = rag.plan;
  const ragByRow = new Map(rag.actions.map((r) => [`${r.sheet}\u0000${r.row}`, r]));
  const staleDays = plan.settings.staleDays;
  let pctSum = 0;
  let pctCount = 0;
  // The current JAPs only: a distributor's earlier months are history, not counted again.
  for (const jap of currentJaps(plan)) {
    for (const a of jap.actions) {
      const r = ragByRow.get(`${a.source.sheet}\u0000${a.source.row}`);
      const ref = refOf(jap, a, r);
      out.actions++;
      out.counts[ref.rag]++;
      if (r?.overridden) out.overridden++;
      out.actionRags.push(ref);
      if (a.status !== "Cancelled" && a.pctComplete !== null && a.pctComplete >= 0 && a.pctComplete <= 1) {
        pctSum += a.pctComplete;
        pctCount++;
      }
      if (closed(a)) continue;
      if (a.due !== null && a.due < asOf) out.overdue.push(ref);
      if (a.lastUpdate !== null && asOf - a.lastUpdate > staleDays) out.stale.push(ref);
    }
  }
  out.pctComplete = pctCount === 0 ? null : pctSum / pctCount;
  out.overdue.sort((x, y) => (x.due ?? 0) - (y.due ?? 0));
  return out;
}
