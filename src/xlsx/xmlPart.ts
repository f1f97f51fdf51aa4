/**
 * One XML part of a package streamed through the tokenizer: inflated, decoded (UTF-8, or UTF-16
 * when the part starts with its byte-order mark, as OPC allows) and tokenized piece by piece.
 */
import { StringDecoder } from "string_decoder";
import { XmlTokenizer, type XmlHandler } from "./xmlTokenizer";
import type { InflateBudget, ZipArchive, ZipEntry } from "./zipArchive";

export async function parseXmlPart(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, handler: XmlHandler): Promise<void> {
  const tokenizer = new XmlTokenizer(handler, entry.name);
  let decoder: StringDecoder | null = null;
  for await (const chunk of zip.chunks(entry, budget)) {
    if (!decoder) {
      const utf16 = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
      decoder = new StringDecoder(utf16 ? "utf16le" : "utf8");
    }
    tokenizer.write(decoder.write(chunk));
  }
  if (decoder) tokenizer.write(decoder.end());
  tokenizer.end();
}

/** The elements of a small part, as a list of (name, attributes) in document order. */
export async function xmlElements(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Promise<{ name: string; attrs: string; depth: number }[]> {
  const out: { name: string; attrs: string; depth: number }[] = [];
  let depth = 0;
  await parseXmlPart(zip, entry, budget, {
    open: (name, attrs) => void out.push({ name, attrs, depth: depth++ }),
    close: () => void depth--,
    text: () => undefined,
  });
  return out;
}
