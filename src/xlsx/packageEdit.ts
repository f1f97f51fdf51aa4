/**
 * A package with some of its parts rewritten as text; every other part is copied as stored
 * (its compressed bytes and CRC), so editing the table parts of a 50,000-action plan does not
 * inflate and deflate its sheets.
 */
import { zipBytes, type ZipPart } from "./zipWriter";
import { ZipArchive, type InflateBudget } from "./zipArchive";

/** Parts edited here are parts this layer wrote or read back: none is near this size. */
const PART_BUDGET = 2 * 1024 * 1024 * 1024;

export async function editParts(bytes: Buffer, wants: (name: string) => boolean, edit: (xml: string, name: string) => string): Promise<Buffer> {
  const zip = ZipArchive.open(bytes);
  const budget: InflateBudget = { remaining: PART_BUDGET, exceeded: () => "the parts to edit expand to more than 2 GB" };
  const parts: ZipPart[] = [];
  for (const entry of zip.entries) {
    if (!wants(entry.name)) {
      parts.push({ name: entry.name, from: zip, entry });
      continue;
    }
    const xml = (await zip.bytesOf(entry, budget)).toString("utf8");
    const next = edit(xml, entry.name);
    parts.push(next === xml ? { name: entry.name, from: zip, entry } : { name: entry.name, data: Buffer.from(next, "utf8") });
  }
  return zipBytes(parts);
}
