/**
 * The small legend above a plan table (issue 11 item 5): what the live marks and the RAG colours
 * mean, for a co-author who opens the workbook without the add-in. It stands right of the header
 * block (labels in column A, values in B), in the rows above the table, and is written with the
 * fills the marks and the RAG formats use, so it shows exactly the colours it explains.
 */
import { cellA1, type CellValue, type Rag, rangeA1 } from "../model";
import { ISSUE_FILL, LIVE_FILL } from "../layouts";
import type { SpecBlock, SpecStyle } from "./sheetSpec";

/** 0-based sheet column of the legend: one column right of the header block's values. */
export const LEGEND_COL = 3;
export const LEGEND_TITLE = "What the colours mean";

export function legendSpec(rag: Record<Rag, { fill: string; fontColor: string }>): { blocks: SpecBlock[]; styles: SpecStyle[] } {
  const rows: { text: string; fill?: { fill: string; fontColor?: string } }[] = [
    { text: LEGEND_TITLE },
    { text: "Marked: the cell breaks a rule (empty, not on a list, not a date …)", fill: LIVE_FILL },
    { text: "Marked: the last Check plan found a problem here (the Issues column says what)", fill: ISSUE_FILL },
  ];
  const blocks: SpecBlock[] = [{ address: rangeA1(1, LEGEND_COL, rows.length, LEGEND_COL), values: rows.map((r) => [r.text] as CellValue[]) }];
  const styles: SpecStyle[] = [{ address: cellA1(1, LEGEND_COL), bold: true }];
  rows.forEach((r, i) => {
    if (r.fill) styles.push({ address: cellA1(1 + i, LEGEND_COL), fill: r.fill.fill, ...(r.fill.fontColor ? { fontColor: r.fill.fontColor } : {}) });
  });
  // The RAG colours, one cell each, on the row below.
  const colours = Object.keys(rag) as Rag[];
  const ragRow = rows.length + 1;
  blocks.push({ address: rangeA1(ragRow, LEGEND_COL, ragRow, LEGEND_COL + colours.length - 1), values: [colours.map((c) => `RAG ${c}`)] });
  colours.forEach((c, i) => styles.push({ address: cellA1(ragRow, LEGEND_COL + i), fill: rag[c].fill, fontColor: rag[c].fontColor }));
  return { blocks, styles };
}
