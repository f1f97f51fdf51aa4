/**
 * Cached values for the formula cells of the plans `jointplan new` writes, from the engine, so that
 * Protected View, mail previews and mobile viewers show what Excel will compute: the RAG columns
 * (ragCachedValues.ts), the JBP's action counts, and every formula cell of the RAG Summary, working
 * cells included (summaryValues, the engine's side of the summary's formulas). The LibreOffice tests
 * hold each one equal to what the formula computes. A summary cell gets a value only where the
 * spec's formula is the one the engine's layout describes, so a value never sits under another
 * formula.
 */
import { cellA1, type CellValue, firstDataRow, parseRangeA1 } from "../plan/model";
import { planTrend, readReviewLog } from "../plan/cycle";
import { checkWorkbook } from "../plan/rules";
import { type SheetSpec, specGrid, tableListing } from "../plan/sheets";
import { buildSummaryLayout, summaryInput, summaryValues } from "../plan/summary";
import { ragCachedValues } from "./ragCachedValues";
import type { CachedValues } from "./writeXlsx";

/** Every formula of a spec by A1 address. */
function formulasOf(spec: SheetSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of spec.blocks) {
    const r = parseRangeA1(b.address);
    if (!r || !b.formulas) continue;
    for (let row = r.row; row <= r.lastRow; row++) for (let col = r.col; col <= r.lastCol; col++) out.set(cellA1(row, col), b.formulas[row - r.row][col - r.col]);
  }
  return out;
}

const COUNT_COLUMNS = { actionsRed: "Red", actionsAmber: "Amber", actionsGreen: "Green" } as const;

export function planCachedValues(specs: readonly SheetSpec[], today: number): CachedValues {
  const out = ragCachedValues(specs, today);
  const { plan, rag, asOf } = checkWorkbook(specs.map(specGrid), { today });
  const sheet = (name: string): Record<string, CellValue> => (out[name] ??= {});

  // The JBP's action counts: each objective's actions of that colour in every JAP table (COUNTIFS by ID, case ignored).
  const actions = plan.japs.flatMap((j) => j.actions);
  const actionRags = rag.actions.map((r, i) => ({ key: actions[i]?.objectiveId.toLowerCase() ?? "", rag: r.rag }));
  for (const jbp of plan.jbps) {
    const spec = specs.find((s) => s.sheetName === jbp.position.sheet);
    if (!spec) continue;
    const formulas = formulasOf(spec);
    // Every data row of the table as written (blank template rows count 0), not only the rows read.
    const table = spec.tables.find((t) => t.position.headerRow === jbp.position.headerRow)?.position ?? jbp.position;
    for (let row = firstDataRow(table); row <= table.lastRow; row++) {
      const o = jbp.objectives.find((x) => x.source.row === row);
      const id = o && o.id.trim() !== "" ? o.id.toLowerCase() : null;
      for (const [key, colour] of Object.entries(COUNT_COLUMNS)) {
        const col = jbp.position.columns[key];
        if (col === undefined || !formulas.has(cellA1(row, col))) continue;
        sheet(spec.sheetName)[cellA1(row, col)] = id === null ? 0 : actionRags.filter((a) => a.key === id && a.rag === colour).length;
      }
    }
  }

  // The RAG Summary: the layout the spec was built from, over the plan as the file holds it.
  const summary = specs.find((s) => s.kind === "summary");
  if (summary) {
    const log = readReviewLog(specs.map(specGrid));
    const layout = buildSummaryLayout(summaryInput(plan, summary.sheetName, specs.flatMap(tableListing), { reviewLog: log.position }));
    const values = summaryValues(plan, asOf, layout, planTrend(log.rows));
    const written = formulasOf(summary);
    for (const c of layout.cells) {
      const v = values.get(c.address);
      if (c.formula !== undefined && written.get(c.address) === c.formula && v !== undefined && v !== null) sheet(summary.sheetName)[c.address] = v;
    }
  }
  return out;
}
