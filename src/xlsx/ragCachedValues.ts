/**
 * Cached values for the RAG columns of the plans `jointplan new` writes, from the engine: the
 * colour the engine gives each action and objective, and "" (what the formula shows) on the
 * table's other rows. The engine and the RAG formula are held equal by the LibreOffice tests, so
 * a file opened in Protected View or a previewer shows the colours Excel will compute.
 * planCachedValues.ts adds the JBP's counts and the RAG Summary.
 */
import { cellA1, firstDataRow } from "../plan/model";
import { checkWorkbook } from "../plan/rules";
import type { CellValue, SheetGrid } from "../plan/model";
import type { SheetSpec } from "../plan/sheets";
import { specGrid } from "../plan/sheets";
import type { CachedValues } from "./writeXlsx";

/**
 * `context`: the grids of the workbook the specs are added to (its Settings, roster and JBPs judge
 * the new sheets' actions as the workbook will).
 */
export function ragCachedValues(specs: readonly SheetSpec[], today: number, context: readonly SheetGrid[] = []): CachedValues {
  const { rag } = checkWorkbook([...context, ...specs.map(specGrid)], { today });
  const byCell = new Map<string, CellValue>();
  for (const r of [...rag.actions, ...rag.objectives]) byCell.set(`${r.sheet}!${r.row}`, r.rag);
  const out: CachedValues = {};
  for (const spec of specs) {
    for (const t of spec.tables) {
      const col = t.position.columns.rag;
      if (col === undefined || (spec.kind !== "jap" && spec.kind !== "jbp")) continue;
      const sheet = (out[spec.sheetName] ??= {});
      for (let row = firstDataRow(t.position); row <= t.position.lastRow; row++) sheet[cellA1(row, col)] = byCell.get(`${spec.sheetName}!${row}`) ?? "";
    }
  }
  return out;
}

