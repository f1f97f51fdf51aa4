/**
 * What a read-and-write with ExcelJS 4.4 would drop from a workbook, decided from an inventory of
 * its package (parts, content types, a few counts); pure. ExcelJS writes a package anew from its
 * model, so every part it does not model is gone after a rewrite. Found by experiment
 * (test/xlsx/rewriteLosses.test.ts loads files with each feature into ExcelJS, writes them back
 * and compares the packages): ExcelJS keeps worksheets, shared strings, styles, themes, tables,
 * pictures, notes and the data bars and icon sets of Excel 2010, and drops charts and chart sheets,
 * shapes and text boxes, pivot tables, macros, threaded comments, slicers, timelines, links to
 * other workbooks, custom XML, custom document properties (sensitivity labels), form controls,
 * embedded objects, sparklines, Excel 2010 data validation, Office add-in parts, data
 * connections and printer settings. Anything else it does not model is listed as an "other part".
 * Losses inside kept parts that src/xlsx/rewriteWorkbook.ts restores (defined names that are
 * formulas, table calculated columns) are not listed, nor are the RAG Summary's own charts, which it
 * writes again (partsLostOnRewrite leaves out the parts ownCharts.ts finds).
 */

export interface PackageInventory {
  parts: { name: string; contentType: string | null }[];
  /** The `uri` of each <ext> in a worksheet's extLst; for conditional formats, the rule types inside. */
  sheetExtensions: { part: string; uri: string; ruleTypes?: string[] }[];
  /** Drawing part → shapes, groups, connectors and graphic frames in it that are not pictures. */
  drawingShapes: Record<string, number>;
  /** VML part → its objects that are not notes (form controls, header pictures). */
  vmlObjects: Record<string, number>;
  /** Properties in docProps/custom.xml (LibreOffice writes the part empty). */
  customProperties: number;
}

export interface LostPart {
  part: string;
  /** What a person would call it, singular: "chart", "pivot table". */
  what: string;
  /** Parts that only serve another lost part (a pivot cache) are not counted in the message. */
  support?: boolean;
}

const CT = "application/vnd.openxmlformats-officedocument.";

/** Content types ExcelJS writes back from its model. */
const KEPT = new Set([
  `${CT}spreadsheetml.sheet.main+xml`,
  `${CT}spreadsheetml.worksheet+xml`,
  `${CT}spreadsheetml.styles+xml`,
  `${CT}spreadsheetml.sharedStrings+xml`,
  `${CT}spreadsheetml.table+xml`,
  `${CT}spreadsheetml.comments+xml`,
  `${CT}theme+xml`,
  `${CT}drawing+xml`,
  `${CT}vmlDrawing`,
  "application/vnd.openxmlformats-package.core-properties+xml",
  `${CT}extended-properties+xml`,
  "application/vnd.openxmlformats-package.relationships+xml",
  // Excel rebuilds the calculation chain when it is missing.
  `${CT}spreadsheetml.calcChain+xml`,
]);

/** Content type (or its end) → what is lost, for the parts ExcelJS drops. */
const LOST: [RegExp, string, boolean?][] = [
  [/drawingml\.chart\+xml$|chartex\+xml$/, "chart"],
  [/chartsheet\+xml$/, "chart sheet"],
  [/drawingml\.chartshapes\+xml$|chartStyle\+xml$|chartColorStyle\+xml$/, "chart", true],
  [/pivotTable\+xml$/, "pivot table"],
  [/pivotCacheDefinition\+xml$|pivotCacheRecords\+xml$/, "pivot table", true],
  [/macroEnabled\.main\+xml$|vbaProject$|vbaProjectSignature$/, "macros (VBA project)"],
  [/ms-excel\.threadedcomments\+xml$/, "threaded comments"],
  [/ms-excel\.person\+xml$/, "threaded comments", true],
  [/ms-excel\.slicer\+xml$/, "slicer"],
  [/ms-excel\.slicerCache\+xml$/, "slicer", true],
  [/ms-excel\.timeline\+xml$/, "timeline"],
  [/ms-excel\.timelineCache\+xml$/, "timeline", true],
  [/externalLink\+xml$/, "link to another workbook"],
  [/customXmlProperties\+xml$/, "custom XML data", true],
  [/ms-excel\.controlproperties\+xml$/, "form control"],
  [/activeX/i, "ActiveX control"],
  [/oleObject$|\.package$|msword|ms-powerpoint|ms-excel\.sheet|spreadsheetml\.sheet$/, "embedded object"],
  [/webextension/, "Office add-in part", true],
  [/spreadsheetml\.connections\+xml$/, "data connection"],
  [/queryTable\+xml$/, "query table"],
  [/printerSettings$/, "printer settings"],
  [/sheetMetadata\+xml$/, "dynamic array formula metadata"],
  [/rdrichvalue|rdRichValue|richData|rdarray|rdsupportingpropertybag/, "picture in a cell or linked data type"],
  [/dialogsheet\+xml$|macrosheet\+xml$/, "macro or dialog sheet"],
  [/digital-signature/, "digital signature"],
  [/ms-office\.customUI|customUI/, "custom ribbon"],
];

/** Sheet extension URIs (ECMA-376 and [MS-XLSX]) → what is lost. */
const EXTENSIONS: Record<string, string> = {
  "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}": "sparklines",
  "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}": "data validation of Excel 2010 and later",
  "{3A4CF648-6AED-40f4-86FF-DC5316D8AED3}": "slicer",
  "{A8765BA9-456A-4dab-B4F3-ACF838C121DE}": "slicer",
  "{7E03D99C-DC04-49d9-9315-930204A7B6E9}": "timeline",
  "{F7C9EE02-42E1-4005-9D12-6889AFFD525C}": "Office add-in part",
  "{FC87AEE6-9EDD-4A0A-B7FB-166176984837}": "protected range",
  "{01252117-D84E-4E92-8308-4BE1C098FCBB}": "ignored error",
};
/** Excel 2010 conditional formats: ExcelJS keeps data bars and icon sets, nothing else. */
const CONDITIONAL_FORMATS = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";
const KEPT_RULES = new Set(["dataBar", "iconSet"]);

function lostByContentType(name: string, type: string | null): LostPart | null {
  if (name.endsWith(".rels")) return null;
  if (name.startsWith("customXml/")) return { part: name, what: "custom XML data", support: /itemProps/i.test(name) };
  if (type === null) return { part: name, what: "other part" };
  if (/^image\//.test(type)) return null;
  for (const [pattern, what, support] of LOST) if (pattern.test(type)) return { part: name, what, ...(support ? { support } : {}) };
  if (KEPT.has(type)) return null;
  if (type === `${CT}custom-properties+xml`) return null;
  return { part: name, what: `other part (${type})` };
}

/** Every part and sheet extension a read-and-write with ExcelJS would lose, in package order. */
export function lossesOf(inventory: PackageInventory): LostPart[] {
  const out: LostPart[] = [];
  for (const { name, contentType } of inventory.parts) {
    const lost = lostByContentType(name, contentType);
    if (lost) out.push(lost);
    else if (contentType === `${CT}drawing+xml` && (inventory.drawingShapes[name] ?? 0) > 0) out.push({ part: name, what: "shape or text box" });
    else if (contentType === `${CT}vmlDrawing` && (inventory.vmlObjects[name] ?? 0) > 0) out.push({ part: name, what: "form control", support: true });
    else if (contentType === `${CT}custom-properties+xml` && inventory.customProperties > 0) out.push({ part: name, what: "custom document properties (sensitivity labels)" });
  }
  for (const ext of inventory.sheetExtensions) {
    if (ext.uri === CONDITIONAL_FORMATS) {
      if ((ext.ruleTypes ?? []).some((t) => !KEPT_RULES.has(t))) out.push({ part: ext.part, what: "conditional format of Excel 2010 and later" });
      continue;
    }
    out.push({ part: ext.part, what: EXTENSIONS[ext.uri] ?? `Excel extension ${ext.uri}`, support: ext.uri in EXTENSIONS && ["slicer", "timeline", "Office add-in part"].includes(EXTENSIONS[ext.uri]) });
  }
  return out;
}

const PLURALS: Record<string, string> = {
  "macros (VBA project)": "macros (VBA project)",
  "threaded comments": "threaded comments",
  "custom XML data": "custom XML data",
  "printer settings": "printer settings",
  sparklines: "sparklines",
  "custom document properties (sensitivity labels)": "custom document properties (sensitivity labels)",
  "link to another workbook": "links to other workbooks",
  "picture in a cell or linked data type": "pictures in cells or linked data types",
  "shape or text box": "shapes or text boxes",
  "macro or dialog sheet": "macro or dialog sheets",
  "data validation of Excel 2010 and later": "data validations of Excel 2010 and later",
  "conditional format of Excel 2010 and later": "conditional formats of Excel 2010 and later",
  "dynamic array formula metadata": "dynamic array formula metadata",
};
const plural = (what: string): string => PLURALS[what] ?? (what.startsWith("other part") ? what.replace("other part", "other parts") : `${what}s`);

/**
 * "charts (2), pivot tables (1) would be lost": the lost features with how many parts of each
 * (support parts counted only when nothing else stands for their feature), in a stable order.
 */
export function lossSummary(lost: readonly LostPart[]): string {
  const counts = new Map<string, number>();
  for (const l of lost) if (!l.support) counts.set(l.what, (counts.get(l.what) ?? 0) + 1);
  for (const l of lost) if (l.support && !counts.has(l.what)) counts.set(l.what, 1);
  const parts = [...counts].map(([what, n]) => `${plural(what)} (${n})`);
  return `${parts.join(", ")} would be lost`;
}
