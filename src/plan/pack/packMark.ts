/**
 * Which sheets are the add-in's own Meeting packs: a rebuild replaces them, and nothing reads them as
 * plan. A pack starts with its title in A1 ("Meeting pack · …"), "As of" in A2, "Plan RAG" in A3 and
 * the helper's "Sheet row" in I1; its JAP sheet's name stands in G2.
 */
import type { CellValue } from "../model";

export const PACK_TITLE = "Meeting pack";
export const PACK_SHEET_NAME = "Meeting pack";
export const PACK_HEAD_LABELS = { A2: "As of", A3: "Plan RAG", I1: "Sheet row" } as const;

/** A sheet's first cells, as the question needs them. */
export type PackHead = (address: "A1" | "A2" | "A3" | "I1" | "G2") => CellValue | undefined;

/** Whether a sheet is a Meeting pack written by JointPlan (by its first cells). */
export function isPackSheet(cell: PackHead): boolean {
  const title = cell("A1");
  return typeof title === "string" && title.startsWith(PACK_TITLE) && cell("A2") === PACK_HEAD_LABELS.A2 && cell("A3") === PACK_HEAD_LABELS.A3 && cell("I1") === PACK_HEAD_LABELS.I1;
}

/** The JAP sheet a pack is about (its G2), or null. */
export function packJapSheet(cell: PackHead): string | null {
  const v = cell("G2");
  return typeof v === "string" && v !== "" ? v : null;
}

/**
 * The pack's sheet name for a JAP: "Meeting pack" when the workbook has one current JAP, else
 * "Pack " and the JAP's sheet name, cut to Excel's 31 characters.
 */
export function packSheetName(japSheet: string, single: boolean): string {
  return single ? PACK_SHEET_NAME : `Pack ${japSheet}`.slice(0, 31);
}
