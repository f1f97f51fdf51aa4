/**
 * Number formats by cell style (xl/styles.xml): each cell's `s` is an index into cellXfs, whose
 * numFmtId is one of Excel's built-in formats or a numFmt of the file. Tells date formats apart,
 * for 1904-system workbooks, whose date serials are moved to the 1900 system the core works in.
 */
import { attr } from "./xmlTokenizer";
import { xmlElements } from "./xmlPart";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zipArchive";

export const GENERAL = "General";

/**
 * Built-in formats with a code independent of the language (ECMA-376 Part 1, 18.8.30), as ExcelJS
 * names them; ids 27-36 and 50-58 are East Asian date formats whose code depends on the language.
 */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@",
};
const isLocalDateId = (id: number): boolean => (id >= 27 && id <= 36) || (id >= 50 && id <= 58);

/** A date or time format: y, m, d, h, s outside quoted text and [..] sections (ExcelJS's test). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export interface CellFormats {
  /** The format code of style index s ("General" for unknown indices). */
  code(s: number): string;
  isDate(s: number): boolean;
}

export const NO_FORMATS: CellFormats = { code: () => GENERAL, isDate: () => false };

export async function readCellFormats(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Promise<CellFormats> {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  let cellXfsDepth = -1;
  for (const e of await xmlElements(zip, entry, budget)) {
    if (inCellXfs && e.depth <= cellXfsDepth) inCellXfs = false;
    if (e.name === "numFmt") {
      const id = Number(attr(e.attrs, "numFmtId"));
      const code = attr(e.attrs, "formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (e.name === "cellXfs") {
      inCellXfs = true;
      cellXfsDepth = e.depth;
    } else if (inCellXfs && e.name === "xf" && e.depth === cellXfsDepth + 1) {
      xfIds.push(Number(attr(e.attrs, "numFmtId") ?? 0));
    }
  }
  const codes = xfIds.map((id) => custom.get(id) ?? BUILT_IN[id] ?? GENERAL);
  const dates = xfIds.map((id, i) => (custom.has(id) || BUILT_IN[id] !== undefined ? isDateFormat(codes[i]) && codes[i] !== GENERAL : isLocalDateId(id)));
  return { code: (s) => codes[s] ?? GENERAL, isDate: (s) => dates[s] ?? false };
}
