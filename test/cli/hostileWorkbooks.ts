/**
 * Fixtures made by a script: the sample plan written by the same writer as `jointplan new`, with
 * hostile text in the cells the listings print (IDs, owners, roster names, override reasons).
 *
 * Control characters are stored as Excel stores them, as `_x001B_` escapes in the sheet's XML:
 * ExcelJS writes the literal text `_x001B_` unchanged and every reader (Excel, ExcelJS, ours)
 * decodes it to the character. C1 controls and bidi overrides are legal XML characters and are
 * written as they are.
 */
import ExcelJS from "exceljs";
import { rewriteWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { cellA1 } from "../../src/plan/model";
import { columnIndex, JAP, tableHeaderRow } from "../../src/plan/layouts";
import type { Row } from "../../src/plan/sheets";
import { newWorkbookSpecs } from "../../src/plan/workbook";
import { serialFromIso } from "../../src/plan/model";
import { writeXlsx } from "../../src/xlsx/writeXlsx";

/** What a terminal obeys: ESC sequences (clear screen, window title), BEL, CR, C1 CSI, bidi override. */
export const HOSTILE = {
  /** Clears the screen and homes the cursor, then retitles the window. */
  clearAndTitle: { stored: "_x001B_[2J_x001B_[H_x001B_]0;pwned_x0007_A-01", read: "\u001b[2J\u001b[H\u001b]0;pwned\u0007A-01" },
  /** Returns to the line start, erases it and writes a fake verdict. */
  fakeAllClear: { stored: "Budget approved_x000D__x001B_[2KAll clear: no findings", read: "Budget approved\r\u001b[2KAll clear: no findings" },
  /** The 8-bit CSI (U+009B): erase display, for terminals that obey C1 controls. */
  c1: { stored: "A-02\u009b2J", read: "A-02\u009b2J" },
  /** A right-to-left override, which makes what follows read backwards. */
  bidi: { stored: "Ana Silva\u202eavliS anA", read: "Ana Silva\u202eavliS anA" },
  /** A line break and a tab inside a cell (Alt+Enter in Excel): harmless, but they break a listing's lines. */
  lineBreak: { stored: "Carlos\n\tRojas", read: "Carlos\n\tRojas" },
} as const;

export const HOSTILE_AS_OF = "2026-03-18";

/** A-11 is the sample's eleventh action (the tenth repeats A-09), and the table starts right below its header row. */
export const DUE_OF_A11 = cellA1(tableHeaderRow(JAP) + 11, columnIndex(JAP, "due"));

/** The sample plan with the hostile texts above in its IDs, an owner, a roster name and an override reason. */
export async function hostileSampleBytes(): Promise<Buffer> {
  const input = newWorkbookInput({ sample: true, force: false, asOf: serialFromIso(HOSTILE_AS_OF)! }, serialFromIso(HOSTILE_AS_OF)!);
  const actions = input.jap.actions.map((a) => ({ ...a })) as Row[];
  actions[0].id = HOSTILE.clearAndTitle.stored;
  actions[1].id = HOSTILE.c1.stored;
  // An override with a reason: the reason is what `rag` prints for the action.
  Object.assign(actions[2], { ragOverride: "Green", overrideReason: HOSTILE.fakeAllClear.stored });
  actions[3].owner = HOSTILE.bidi.stored;
  actions[4].owner = HOSTILE.lineBreak.stored;
  const roster = input.roster.map((r) => ({ ...r }));
  // A roster name that is nearly an owner's, so its spelling reaches a "did you mean" and a repair label.
  roster.push({ name: "Carlos Rojas\u009b", party: "Distributor", role: "", email: "", active: true });
  const { bytes } = await writeXlsx(newWorkbookSpecs({ ...input, roster, jap: { ...input.jap, actions } }));
  return bytes;
}

/** The sample's owners as people paste them, each still a Roster name; by action ID. */
export const TYPED_OWNERS: Record<string, { owner: string; says: string }> = {
  "A-03": { owner: "Ana Silva\u200b", says: "has an invisible character (U+200B ZERO WIDTH SPACE) at the end" },
  "A-05": { owner: "Jorge\u00a0Paredes", says: "has a non-breaking space (U+00A0 NO-BREAK SPACE) after 'Jorge'" },
  "A-06": { owner: "Tomás Herrera".normalize("NFD"), says: "has its accents stored as separate marks (Unicode NFD" },
  "A-08": { owner: "\u200fSofía Castro", says: "has an invisible character (U+200F RIGHT-TO-LEFT MARK) at the start" },
  "A-07": { owner: "ILKER YILDIZ", says: "is written differently on the Roster: 'İlker Yıldız'" },
};

/**
 * The sample with the owners above (and İlker Yıldız, a Distributor, on the Roster), and A-11's Due
 * a formula whose cached result is #N/A in its date-formatted cell, as Excel saves `=NA()`.
 */
export async function typedNamesBytes(): Promise<Buffer> {
  const input = newWorkbookInput({ sample: true, force: false, asOf: serialFromIso(HOSTILE_AS_OF)! }, serialFromIso(HOSTILE_AS_OF)!);
  const actions = input.jap.actions.map((a) => ({ ...a, ...(TYPED_OWNERS[String(a.id)] ? { owner: TYPED_OWNERS[String(a.id)].owner } : {}) })) as Row[];
  const roster = [...input.roster, { name: "İlker Yıldız", party: "Distributor" as const, role: "Key accounts", email: "", active: true }];
  const { bytes } = await writeXlsx(newWorkbookSpecs({ ...input, roster, jap: { ...input.jap, actions } }));
  // Through the lossless rewrite: ExcelJS alone cannot read the calculated columns we write.
  return rewriteWorkbook(Buffer.from(bytes), (wb) => {
    const cell = wb.getWorksheet("JAP")!.getCell(DUE_OF_A11);
    cell.value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
  });
}
