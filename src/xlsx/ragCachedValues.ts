/**
 * Cached values for every formula cell of the plan tables `jointplan new` writes (the JAP's RAG and
 * helper columns, the JBP's KPI, action-count and RAG columns), from the engine: each column's
 * tree (rag/ragFormula.ts columnTrees, the trees its formula is compiled from) evaluated for each
 * row by the engine's evaluator, the columns in the order a sheet computes them. The trees and the
 * formulas are held equal by the property tests and the LibreOffice tests, so a file opened in
 * Protected View or a previewer shows what Excel will compute. The RAG Summary's cells are the
 * summary's to fill; they carry no cached value here.
 */
import { jbpHeaderValues, type SheetGrid } from "../plan/model";
import { JAP_ALIAS, settingsNameValues, tableFormulaValues, type TableRow } from "../plan/rag";
import { checkWorkbook } from "../plan/rules";
import type { SheetSpec } from "../plan/sheets";
import { specGrid } from "../plan/sheets";
import type { CachedValues } from "./writeXlsx";

/**
 * `context`: the grids of the workbook the specs are added to (its Settings judge the new sheets'
 * rows as the workbook will).
 */
export function ragCachedValues(specs: readonly SheetSpec[], today: number, context: readonly SheetGrid[] = []): CachedValues {
  const grids = specs.map(specGrid);
  // The settings and as-of date the formulas read (JP_ names), as the reader finds them.
  const { asOf, plan } = checkWorkbook([...context, ...grids], { today });
  const names = settingsNameValues(plan.settings, asOf);
  const out: CachedValues = {};
  const japRows: TableRow[] = [];
  // JAPs first: the JBP's action counts read their RAG column.
  for (const kind of ["jap", "jbp"] as const) {
    specs.forEach((spec, i) => {
      const t = spec.tables[0]?.position;
      if (spec.kind !== kind || !t) return;
      const sheet = (out[spec.sheetName] ??= {});
      // The JBP's header cells (Period start, Year) as the reader found them on the sheet.
      const jbp = kind === "jbp" ? plan.jbps.find((j) => j.position.sheet === spec.sheetName && j.position.headerRow === t.headerRow) : undefined;
      const header = jbp ? jbpHeaderValues(jbp) : {};
      const rows = tableFormulaValues(kind, t, (row, col) => grids[i].values[row]?.[col] ?? null, { names, tables: { [JAP_ALIAS]: japRows }, header }, (address, v) => (sheet[address] = v));
      if (kind === "jap") japRows.push(...rows);
    });
  }
  return out;
}
