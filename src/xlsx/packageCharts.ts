/**
 * Charts added to a package ExcelJS wrote (it writes none): for each sheet, a drawing part with
 * the charts' graphic frames, a chart part per chart (chartXml.ts), their relationships, the
 * sheet's <drawing r:id> in CT_Worksheet's order and the content types. Charts carried over from
 * the input (ownCharts.ts) go in as they were stored: only their drawing is renamed to a free name.
 */
import type { SpecChart } from "../plan/sheets";
import { chartPartXml, drawingPartXml } from "./chartXml";
import { contentTypes } from "./packageInventory";
import { readRelationships, relsPartOf } from "./packageRels";
import { readWorkbookPart } from "./readXlsx";
import type { OwnCharts } from "./ownCharts";
import type { SheetCharts } from "./sheetCharts";
import { zipBytes, type ZipPart } from "./zipWriter";
import { encodeXml } from "./xmlTokenizer";
import { packageBudget, ZipArchive } from "./zipArchive";

const CT = "application/vnd.openxmlformats-officedocument";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = `${CT}.drawingml.chart+xml`;
const DRAWING_TYPE = `${CT}.drawing+xml`;
const RELS_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
/** The elements that follow <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];


/** Charts of the input carried over: their parts as stored, with their content types. */
export interface CarriedCharts {
  sheet: string;
  drawing: string;
  parts: { name: string; data: Buffer; contentType: string | null }[];
}

/** The parts of our charts in the input, read before ExcelJS drops them. */
export async function carriedCharts(zip: ZipArchive, own: OwnCharts): Promise<CarriedCharts> {
  const typeOf = await contentTypes(zip, packageBudget());
  const parts: CarriedCharts["parts"] = [];
  for (const name of own.parts) {
    const entry = zip.entry(name);
    if (entry) parts.push({ name: entry.name, data: await zip.bytesOf(entry, packageBudget()), contentType: typeOf(entry.name) });
  }
  return { sheet: own.sheet, drawing: own.drawing, parts };
}

/** `to` as a target relative to the folder of `from` ("xl/drawings/d.xml" → "../charts/c.xml"). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return `${RELS_XML}${rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${encodeXml(r.target)}"/>`).join("")}</Relationships>`;
}

/** The sheet part with a <drawing r:id> in its place (before the elements that follow it). */
export function withDrawingElement(xml: string, relId: string): string {
  if (/<drawing[\s>/]/.test(xml)) throw new Error("The sheet already has a drawing: charts cannot be added beside it");
  let out = xml;
  // The r prefix must be bound where the element is.
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(out)) out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
  const element = `<drawing r:id="${relId}"/>`;
  const at = AFTER_DRAWING.map((e) => out.search(new RegExp(`<${e}[\\s>/]`))).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? out.lastIndexOf("</worksheet>");
  return out.slice(0, at) + element + out.slice(at);
}

/** A name like `${stem}${n}.xml` that no part has yet. */
function freeName(taken: Set<string>, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}.xml`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * The package with the charts of `written` (generated from their specs) and the carried charts
 * (when their sheet is still there and no spec rewrote it: the caller decides) added.
 */
export async function withCharts(bytes: Buffer, written: readonly SheetCharts[], carried: CarriedCharts | null = null): Promise<Buffer> {
  if (written.length === 0 && !carried) return bytes;
  const zip = ZipArchive.open(bytes);
  const sheets = new Map((await readWorkbookPart(zip, packageBudget())).sheets.map((s) => [s.name, s.part]));
  const taken = new Set(zip.entries.map((e) => e.name.toLowerCase()));
  const added: { name: string; data: Buffer }[] = [];
  const overrides: [string, string][] = [];
  /** Sheet part → the drawing part to refer to. */
  const drawings = new Map<string, string>();
  const add = (name: string, data: string | Buffer, type: string | null): void => {
    added.push({ name, data: typeof data === "string" ? Buffer.from(data, "utf8") : data });
    if (type !== null) overrides.push([name, type]);
  };

  const carriedSheet = carried ? sheets.get(carried.sheet) : undefined;
  if (carried && carriedSheet) {
    const drawing = freeName(taken, "xl/drawings/drawing");
    for (const p of carried.parts) {
      if (p.name === carried.drawing) add(drawing, p.data, DRAWING_TYPE);
      else if (p.name === relsPartOf(carried.drawing)) continue;
      else if (taken.has(p.name.toLowerCase())) throw new Error(`The package already has a part ${p.name}: the chart cannot be carried over`);
      else {
        taken.add(p.name.toLowerCase());
        add(p.name, p.data, p.name.endsWith(".rels") ? null : p.contentType);
      }
    }
    // The drawing's relationships, their targets resolved where it was and said from where it is.
    const source = ZipArchive.open(zipBytes(carried.parts.map((p) => ({ name: p.name, data: p.data }))));
    const rels = (await readRelationships(source, carried.drawing, packageBudget())).map((r) => ({ id: r.id, type: r.kind, target: relativeTarget(drawing, r.target) }));
    add(relsPartOf(drawing), relsXml(rels), null);
    drawings.set(carriedSheet, drawing);
  }
  for (const { sheet, charts } of written) {
    const part = sheets.get(sheet);
    if (!part) throw new Error(`No sheet '${sheet}' to put its charts on`);
    const drawing = freeName(taken, "xl/drawings/drawing");
    const rels = charts.map((chart: SpecChart, i) => {
      const name = freeName(taken, "xl/charts/chart");
      add(name, chartPartXml(sheet, chart), CHART_TYPE);
      return { id: `rId${i + 1}`, type: "chart", target: relativeTarget(drawing, name) };
    });
    add(drawing, drawingPartXml(charts, rels.map((r) => r.id)), DRAWING_TYPE);
    add(relsPartOf(drawing), relsXml(rels), null);
    drawings.set(part, drawing);
  }

  const edits = new Map<string, string>();
  const text = async (name: string): Promise<string | null> => {
    if (edits.has(name)) return edits.get(name) as string;
    const entry = zip.entry(name);
    return entry ? (await zip.bytesOf(entry, packageBudget())).toString("utf8") : null;
  };
  for (const [sheetPart, drawing] of drawings) {
    const relsName = relsPartOf(sheetPart);
    const rels = (await text(relsName)) ?? `${RELS_XML}</Relationships>`;
    const ids = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    const rel = `<Relationship Id="${relId}" Type="${REL}/drawing" Target="${encodeXml(relativeTarget(sheetPart, drawing))}"/>`;
    edits.set(relsName, rels.replace("</Relationships>", `${rel}</Relationships>`));
    edits.set(sheetPart, withDrawingElement((await text(sheetPart)) as string, relId));
  }
  const types = (await text("[Content_Types].xml")) as string;
  edits.set("[Content_Types].xml", types.replace("</Types>", `${overrides.map(([name, type]) => `<Override PartName="/${encodeXml(name)}" ContentType="${type}"/>`).join("")}</Types>`));

  const parts: ZipPart[] = [];
  for (const entry of zip.entries) {
    const edited = edits.get(entry.name);
    parts.push(edited !== undefined ? { name: entry.name, data: Buffer.from(edited, "utf8") } : { name: entry.name, from: zip, entry });
    edits.delete(entry.name);
  }
  // A sheet's .rels part that ExcelJS did not write.
  for (const [name, xml] of edits) parts.push({ name, data: Buffer.from(xml, "utf8") });
  parts.push(...added.map((a) => ({ name: a.name, data: a.data })));
  return zipBytes(parts);
}
