/**
 * The charts jointplan writes itself, known again in a package: on the sheet the workbook name
 * JP_SummarySheet marks, one drawing whose every object is a chart in a graphic frame named
 * JP_RagChart or JP_TrendChart (each at most once), and nothing else. Those parts are not lost
 * on a rewrite (rewriteWorkbook.ts carries them over, or the summary's rebuild writes them anew);
 * a chart a user added anywhere, or into that drawing, still is.
 */
import { splitSheetRef } from "../plan/model";
import { SUMMARY_MARK } from "../plan/summary";
import { readRelationships, relsPartOf } from "./packageRels";
import { readWorkbookPart } from "./readXlsx";
import { attr, decodeXml } from "./xmlTokenizer";
import { parseXmlPart, xmlElements } from "./xmlPart";
import type { InflateBudget, ZipArchive } from "./zipArchive";

export const OWN_CHART_NAMES: readonly string[] = ["JP_RagChart", "JP_TrendChart"];
const ANCHORS = new Set(["oneCellAnchor", "twoCellAnchor", "absoluteAnchor"]);
/** What an anchor holds besides its object. */
const PLACEMENT = new Set(["from", "to", "ext", "pos", "clientData"]);

export interface OwnCharts {
  /** The summary sheet's name and part. */
  sheet: string;
  sheetPart: string;
  drawing: string;
  /** Every part of the charts: the drawing, the charts, what they refer to, and their .rels parts (those that exist). */
  parts: string[];
}

/** The formula of the workbook name `name` (workbook-scoped), or null. */
async function definedName(zip: ZipArchive, workbookPart: string, name: string, budget: InflateBudget): Promise<string | null> {
  const entry = zip.entry(workbookPart);
  if (!entry) return null;
  let inside = false;
  let text = "";
  let found: string | null = null;
  await parseXmlPart(zip, entry, budget, {
    open: (n, attrs) => void (inside = n === "definedName" && attr(attrs, "name") === name && attr(attrs, "localSheetId") === undefined && found === null),
    close: (n) => {
      if (n === "definedName" && inside) found = decodeXml(text);
      inside = false;
    },
    text: (raw) => void (inside && (text += raw)),
  });
  return found;
}

/** Whether the drawing holds our charts alone; their relationship ids when it does. */
async function ownChartIds(zip: ZipArchive, drawing: string, budget: InflateBudget): Promise<string[] | null> {
  const entry = zip.entry(drawing);
  if (!entry) return null;
  const names: string[] = [];
  const ids: string[] = [];
  let frames = 0;
  for (const e of await xmlElements(zip, entry, budget)) {
    if (e.depth === 1 && !ANCHORS.has(e.name)) return null;
    if (e.depth === 2 && e.name === "graphicFrame") frames++;
    else if (e.depth === 2 && !PLACEMENT.has(e.name)) return null;
    // graphicFrame > nvGraphicFramePr > cNvPr; graphicFrame > graphic > graphicData > chart.
    if (e.depth === 4 && e.name === "cNvPr") names.push(attr(e.attrs, "name") ?? "");
    if (e.depth === 5 && e.name === "chart") ids.push(attr(e.attrs, "id") ?? "");
  }
  const distinct = new Set(names);
  if (frames === 0 || names.length !== frames || ids.length !== frames || distinct.size !== frames) return null;
  return names.every((n) => OWN_CHART_NAMES.includes(n)) ? ids : null;
}

/** Our charts on the summary sheet, or null when the package has none (or not ours alone). */
export async function ownCharts(zip: ZipArchive, budget: InflateBudget): Promise<OwnCharts | null> {
  const root = await readRelationships(zip, "", budget);
  const workbookPart = root.find((r) => r.kind === "officeDocument")?.target ?? "xl/workbook.xml";
  const mark = await definedName(zip, workbookPart, SUMMARY_MARK, budget);
  const sheet = mark === null ? null : splitSheetRef(mark).sheet;
  if (sheet === null) return null;
  const entry = (await readWorkbookPart(zip, budget)).sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (!entry) return null;
  const drawings = (await readRelationships(zip, entry.part, budget)).filter((r) => r.kind === "drawing");
  if (drawings.length !== 1) return null;
  const drawing = drawings[0].target;
  const ids = await ownChartIds(zip, drawing, budget);
  if (!ids) return null;
  const rels = await readRelationships(zip, drawing, budget);
  const charts = ids.map((id) => rels.find((r) => r.id === id));
  if (charts.some((r) => !r || r.kind !== "chart" || !zip.entry(r.target)) || rels.length !== ids.length) return null;
  // The charts' own parts (Excel's style and colour parts, user shapes), and theirs in turn.
  const parts = [drawing];
  const queue = charts.map((r) => (r as { target: string }).target);
  while (queue.length > 0) {
    const part = queue.shift() as string;
    if (parts.includes(part) || !zip.entry(part)) continue;
    parts.push(part);
    for (const r of await readRelationships(zip, part, budget)) queue.push(r.target);
  }
  const withRels = parts.flatMap((p) => (zip.entry(relsPartOf(p)) ? [p, relsPartOf(p)] : [p]));
  return { sheet: entry.name, sheetPart: entry.part, drawing, parts: withRels };
}
