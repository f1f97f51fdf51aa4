/**
 * An inventory of an .xlsx package for rewriteLosses.ts: every part with its content type, and
 * the few things inside parts whose loss depends on what they hold (sheet extensions, shapes in
 * drawings, form controls in VML, custom properties). Parts are streamed as the reader does.
 */
import * as path from "path";
import { fileKind, unreadableReason } from "./fileKind";
import { PackageError } from "./packageError";
import { megabytes, READ_LIMITS } from "./readLimits";
import { readFileBytes, WorkbookReadError } from "./readXlsx";
import { ownCharts } from "./ownCharts";
import { lossesOf, type LostPart, type PackageInventory } from "./rewriteLosses";
import { attr } from "./xmlTokenizer";
import { parseXmlPart, xmlElements } from "./xmlPart";
import { ZipArchive, type InflateBudget, type ZipEntry } from "./zipArchive";

const WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CONDITIONAL_FORMATS = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
/** Drawing objects ExcelJS does not keep (pictures it keeps; graphic frames are charts, listed by their parts). */
const SHAPES = new Set(["sp", "grpSp", "cxnSp", "contentPart"]);

/** A lookup of each part's content type: its Override, else the Default of its extension. */
export async function contentTypes(zip: ZipArchive, budget: InflateBudget): Promise<(name: string) => string | null> {
  const entry = zip.entry("[Content_Types].xml");
  if (!entry) throw new PackageError("there is no [Content_Types].xml part");
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const e of await xmlElements(zip, entry, budget)) {
    const type = attr(e.attrs, "ContentType");
    if (type === undefined) continue;
    if (e.name === "Default") defaults.set((attr(e.attrs, "Extension") ?? "").toLowerCase(), type);
    else if (e.name === "Override") overrides.set((attr(e.attrs, "PartName") ?? "").replace(/^\//, "").toLowerCase(), type);
  }
  return (name) => overrides.get(name.toLowerCase()) ?? defaults.get(name.slice(name.lastIndexOf(".") + 1).toLowerCase()) ?? null;
}

async function sheetExtensions(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): Promise<PackageInventory["sheetExtensions"]> {
  const out: PackageInventory["sheetExtensions"] = [];
  const stack: string[] = [];
  let current: { part: string; uri: string; ruleTypes?: string[] } | null = null;
  await parseXmlPart(zip, entry, budget, {
    open(name, attrs) {
      // worksheet > extLst > ext: the sheet's own extensions (cells never hold an extLst).
      if (name === "ext" && stack.length === 2 && stack[1] === "extLst") {
        current = { part: entry.name, uri: attr(attrs, "uri") ?? "" };
        if (current.uri === CONDITIONAL_FORMATS) current.ruleTypes = [];
        out.push(current);
      } else if (current?.ruleTypes && name === "cfRule") current.ruleTypes.push(attr(attrs, "type") ?? "");
      stack.push(name);
    },
    close(name) {
      stack.pop();
      if (name === "ext" && stack.length === 2) current = null;
    },
    text: () => undefined,
  });
  return out;
}

async function countElements(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, counts: (name: string, attrs: string, depth: number) => boolean): Promise<number> {
  let n = 0;
  for (const e of await xmlElements(zip, entry, budget)) if (counts(e.name, e.attrs, e.depth)) n++;
  return n;
}

export async function packageInventory(zip: ZipArchive, budget: InflateBudget): Promise<PackageInventory> {
  const typeOf = await contentTypes(zip, budget);
  const inventory: PackageInventory = { parts: [], sheetExtensions: [], drawingShapes: {}, vmlObjects: {}, customProperties: 0 };
  for (const entry of zip.entries) {
    if (entry.name.endsWith("/") || entry.name === "[Content_Types].xml") continue;
    const contentType = typeOf(entry.name);
    inventory.parts.push({ name: entry.name, contentType });
    if (contentType === WORKSHEET) inventory.sheetExtensions.push(...(await sheetExtensions(zip, entry, budget)));
    // Anchors are children of wsDr (depth 1): their objects are at depth 2.
    else if (contentType === DRAWING) inventory.drawingShapes[entry.name] = await countElements(zip, entry, budget, (name, _a, depth) => depth === 2 && SHAPES.has(name));
    else if (contentType === VML) inventory.vmlObjects[entry.name] = await countElements(zip, entry, budget, (name, attrs) => name === "ClientData" && attr(attrs, "ObjectType") !== "Note");
    else if (contentType === CUSTOM) inventory.customProperties += await countElements(zip, entry, budget, (name) => name === "property");
  }
  return inventory;
}

/**
 * What rewriting this workbook (path or bytes) with ExcelJS would lose, part by part; [] when a
 * rewrite keeps everything. Unreadable files are WorkbookReadErrors, as for the reader.
 */
export async function partsLostOnRewrite(file: string | Buffer, name = typeof file === "string" ? path.basename(file) : "workbook"): Promise<LostPart[]> {
  const bytes = typeof file === "string" ? await readFileBytes(file) : file;
  const reason = unreadableReason(fileKind(bytes), name);
  if (reason) throw new WorkbookReadError(reason);
  const budget: InflateBudget = { remaining: READ_LIMITS.xmlBytes, exceeded: () => `it expands to more than ${megabytes(READ_LIMITS.xmlBytes)} of XML, the most jointplan reads` };
  try {
    const zip = ZipArchive.open(bytes);
    // The summary's own charts are written again after a rewrite (rewriteWorkbook.ts).
    const own = new Set((await ownCharts(zip, budget))?.parts ?? []);
    return lossesOf(await packageInventory(zip, budget)).filter((l) => !own.has(l.part));
  } catch (e) {
    if (e instanceof PackageError) throw new WorkbookReadError(`${name} could not be read as an .xlsx workbook (${e.message})`);
    throw e;
  }
}
