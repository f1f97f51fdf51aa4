/**
 * The shared string table (xl/sharedStrings.xml): every text a sheet refers to by index. Rich
 * text is its runs' text joined; phonetic guides (rPh) are not part of the text, as in Excel.
 * `_xHHHH_` escapes (OOXML's way to store control characters) are decoded, as ExcelJS did.
 */
import { PackageError } from "./packageError";
import { decodeXml } from "./xmlTokenizer";
import { parseXmlPart } from "./xmlPart";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zipArchive";

/** A text longer than this in the file is no cell text: Excel's cell limit is 32,767 characters. */
export const MAX_RAW_TEXT = 1 << 20;

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** Decodes entities and OOXML's `_xHHHH_` escapes of a <t> element's raw text. */
export function decodeText(raw: string): string {
  const text = decodeXml(raw);
  return text.indexOf("_x") < 0 ? text : text.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the text of <t> elements inside an <si> or an inline <is>, leaving out <rPh> runs.
 * Used by the shared string table and by inline strings in sheets.
 */
export class StringItemText {
  private parts: string[] = [];
  private size = 0;
  private inT = false;
  private phonetic = 0;

  constructor(private readonly part: string) {}

  open(name: string): void {
    if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.phonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === "rPh") this.phonetic--;
    else if (name === "t") this.inT = false;
  }

  text(raw: string, cdata: boolean): void {
    if (!this.inT) return;
    this.size += raw.length;
    if (this.size > MAX_RAW_TEXT) throw new PackageError(`${this.part} holds a text of more than ${MAX_RAW_TEXT.toLocaleString("en")} characters, far beyond Excel's 32,767 a cell`);
    this.parts.push(cdata ? raw.replace(/&/g, "&amp;").replace(/</g, "&lt;") : raw);
  }

  /** The item's text, and a fresh start for the next one. */
  take(): string {
    const text = decodeText(this.parts.length === 1 ? this.parts[0] : this.parts.join(""));
    this.parts = [];
    this.size = 0;
    this.inT = false;
    this.phonetic = 0;
    return text;
  }
}

export async function readSharedStrings(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Promise<string[]> {
  const strings: string[] = [];
  const item = new StringItemText(entry.name);
  let inItem = false;
  await parseXmlPart(zip, entry, budget, {
    open: (name) => {
      if (name === "si") inItem = true;
      else if (inItem) item.open(name);
    },
    close: (name) => {
      if (name === "si") {
        strings.push(item.take());
        inItem = false;
      } else if (inItem) item.close(name);
    },
    text: (raw, cdata) => {
      if (inItem) item.text(raw, cdata);
    },
  });
  return strings;
}
