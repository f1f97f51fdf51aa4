/**
 * The RAG Summary's figures computed by the engine from a PlanWorkbook, with the semantics of
 * summaryLayout.ts's formulas (see there), so tests can hold formulas and engine equal.
 */
import { excelTrim, toText } from "../expr";
import { ActionParty, type CellValue, OPEN_STATUSES, type PlanWorkbook, type Rag } from "../model";
import { actionRowValues, computePlanRag, EMPTY_ROW } from "../rag";
import { DIMENSION_KEYS, OVERDUE_ROWS, type SummaryDimension } from "./summaryLayout";

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
  /** 1-based sheet row. */
  sheetRow: number;
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
  all: FigureValues;
  /** Counts of the objectives' colours, when there is a JBP. */
  objectives: Pick<FigureValues, "Red" | "Amber" | "Green" | "Grey" | "total"> | null;
  dimensions: Record<SummaryDimension, { label: CellValue; figures: FigureValues }[]>;
  overdue: OverdueRow[];
}

export interface SummaryLabels {
  objectiveIds?: string[];
  ownerNames?: string[];
  maxPriorities?: number;
}

interface Counted {
  cells: Record<string, CellValue>;
  rag: Rag;
  overridden: boolean;
  sheetRow: number;
}

const key = (v: CellValue | undefined): string => {
  const t = toText(v ?? null);
  return typeof t === "string" ? excelTrim(t).toLowerCase() : "";
};

function figures(rows: Counted[]): FigureValues {
  const f: FigureValues = { Red: 0, Amber: 0, Green: 0, Grey: 0, overridden: 0, total: 0, pctComplete: null };
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    f[r.rag]++;
    f.total++;
    if (r.overridden) f.overridden++;
    const p = r.cells.pctComplete;
    if (key(r.cells.status) !== "cancelled" && typeof p === "number" && p >= 0 && p <= 1) {
      sum += p;
      n++;
    }
  }
  f.pctComplete = n === 0 ? null : sum / n;
  return f;
}

const OPEN = new Set(OPEN_STATUSES.map((s) => s.toLowerCase()));

export function summaryFigures(plan: PlanWorkbook, asOf: number, labels: SummaryLabels = {}): SummaryFigures {
  const settings = plan.settings;
  const planRag = computePlanRag(plan, asOf);
  // computePlanRag lists the actions table by table, in order.
  let i = 0;
  const perTable: Counted[][] = plan.japs.map((jap) => {
    const out: Counted[] = [];
    for (const a of jap.actions) {
      const r = planRag.actions[i++];
      if (r.reason !== EMPTY_ROW) out.push({ cells: actionRowValues(a), rag: r.rag, overridden: r.overridden, sheetRow: a.source.row + 1 });
    }
    return out;
  });
  const counted = perTable.flat();

  const objectiveIds = labels.objectiveIds ?? plan.jbps.flatMap((j) => j.objectives.map((o) => o.id)).filter((id) => id.trim() !== "");
  const ownerNames = labels.ownerNames ?? plan.roster?.rows.map((r) => r.name) ?? [];
  const maxPriorities = labels.maxPriorities ?? settings.maxPriorities;
  const labelsOf: Record<SummaryDimension, CellValue[]> = {
    objective: objectiveIds,
    owner: ownerNames,
    party: [...ActionParty.options],
    priority: Array.from({ length: Math.max(0, maxPriorities) }, (_, i) => i + 1),
  };
  const dimensions = {} as SummaryFigures["dimensions"];
  for (const dim of Object.keys(labelsOf) as SummaryDimension[]) {
    const col = DIMENSION_KEYS[dim];
    const groups = new Map<string, Counted[]>();
    for (const r of counted) {
      const k = key(r.cells[col]);
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    dimensions[dim] = labelsOf[dim].map((label) => ({ label, figures: figures(groups.get(key(label)) ?? []) }));
  }

  let objectives: SummaryFigures["objectives"] = null;
  if (plan.jbps.length > 0) {
    const rags = planRag.objectives.filter((o) => o.reason !== EMPTY_ROW).map((o) => o.rag);
    objectives = { Red: 0, Amber: 0, Green: 0, Grey: 0, total: rags.length };
    for (const r of rags) objectives[r]++;
  }

  const current = perTable[perTable.length - 1] ?? [];
  const overdue = current
    .filter((r) => OPEN.has(key(r.cells.status)) && typeof r.cells.due === "number" && r.cells.due < asOf)
    .sort((a, b) => a.sheetRow - b.sheetRow)
    .slice(0, OVERDUE_ROWS)
    .map((r) => {
      const text = (k: string): string => {
        const t = toText(r.cells[k] ?? null);
        return typeof t === "string" ? t : "";
      };
      const due = r.cells.due as number;
      return { sheetRow: r.sheetRow, id: text("id"), action: text("action"), owner: text("owner"), due, daysOverdue: asOf - due, status: text("status") };
    });

  return { asOf, planRag: planRag.plan.rag, all: figures(counted), objectives, dimensions, overdue };
}
