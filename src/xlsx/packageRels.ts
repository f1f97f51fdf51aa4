/**
 * Relationships of an Open Packaging Conventions package (ECMA-376 Part 2): which part is the
 * workbook, which parts are its sheets, shared strings and styles. Targets are resolved against
 * the source part's folder, as the conventions say, so files whose parts are not where Excel puts
 * them (other writers, Strict OOXML) are read too.
 */
import { attr } from "./xmlTokenizer";
import { xmlElements } from "./xmlPart";
import type { InflateBudget, ZipArchive } from "./zipArchive";

export interface Relationship {
  id: string;
  /** The relationship type's last segment: "worksheet", "sharedStrings", "officeDocument"… (transitional and Strict alike). */
  kind: string;
  /** The target part's name, resolved, without a leading "/" (external targets are left out). */
  target: string;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative target resolved against the folder of `source` ("xl/workbook.xml" + "worksheets/a.xml"). */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target that is not valid percent-encoding is taken as written.
  }
  const segments = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of decoded.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  return segments.join("/");
}

/** The relationships of a part ("" for the package's own); none when it has no .rels part. */
export async function readRelationships(zip: ZipArchive, part: string, budget: InflateBudget): Promise<Relationship[]> {
  const entry = zip.entry(relsPartOf(part));
  if (!entry) return [];
  const out: Relationship[] = [];
  for (const e of await xmlElements(zip, entry, budget)) {
    if (e.name !== "Relationship" || attr(e.attrs, "TargetMode") === "External") continue;
    const id = attr(e.attrs, "Id");
    const type = attr(e.attrs, "Type");
    const target = attr(e.attrs, "Target");
    if (id === undefined || type === undefined || target === undefined) continue;
    out.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), target: resolveTarget(part, target) });
  }
  return out;
}
