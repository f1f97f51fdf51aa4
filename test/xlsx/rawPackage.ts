/**
 * .xlsx packages written part by part from XML text, for files no spreadsheet program would make
 * (or makes differently from ExcelJS): odd producers, hostile inputs, formulas never calculated.
 * Also edits of a package's parts. Zips with the JSZip that ExcelJS depends on.
 */
 
import * as path from "path";

const JSZip = require("jszip");

export interface RawSheet {
  name: string;
  /** The <sheetData> children (rows), or a whole worksheet document when it starts with "<?xml" or "<worksheet". */
  xml: string;
  /** Part name; default xl/worksheets/sheetN.xml. */
  part?: string;
  /** "worksheet" (default) or "chartsheet". */
  kind?: "worksheet" | "chartsheet";
  state?: "hidden" | "veryHidden";
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** Items of the shared string table (each an <si>'s inner XML, or plain text). */
  sharedStrings?: string[];
  /** <numFmts> and <cellXfs> inner XML of styles.xml. */
  numFmts?: string;
  cellXfs?: string;
  date1904?: boolean;
  /** Other parts, by name, added as they are. */
  extraParts?: Record<string, string | Buffer>;
  /** Written first in the zip (a producer that puts sheets before the workbook). */
  sheetsFirst?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A text cell written inline (t="inlineStr"), with its text escaped. */
export const inlineCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
export const numberCell = (ref: string, n: number, style?: number): string => `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ""}><v>${n}</v></c>`;
/** A row of inline text cells from column A. */
export function textRow(row: number, texts: (string | null)[]): string {
  const cells = texts.map((t, i) => (t === null ? "" : inlineCell(`${String.fromCharCode(65 + i)}${row}`, t))).join("");
  return `<row r="${row}">${cells}</row>`;
}

export async function rawWorkbook(book: RawWorkbook): Promise<Buffer> {
  const zip = new JSZip();
  const parts: [string, string | Buffer][] = [];
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheetElems: string[] = [];
  const sheetParts: [string, string][] = [];
  book.sheets.forEach((s, i) => {
    const kind = s.kind ?? "worksheet";
    const part = s.part ?? `xl/${kind}s/sheet${i + 1}.xml`;
    const root = kind === "chartsheet" ? "chartsheet" : "worksheet";
    const body = s.xml.startsWith("<?xml") || s.xml.startsWith(`<${root}`) ? s.xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} ${NS}><sheetData>${s.xml}</sheetData></${root}>`;
    sheetParts.push([part, body]);
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind === "chartsheet" ? "chartsheet" : "worksheet"}+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="/${part}"/>`);
    sheetElems.push(`<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`);
  });
  const n = book.sheets.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  overrides.push(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  if (book.sharedStrings) {
    rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    const items = book.sharedStrings.map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t xml:space="preserve">${esc(s)}</t></si>`)).join("");
    parts.push(["xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${book.sharedStrings.length}">${items}</sst>`]);
  }
  const cellXfs = book.cellXfs ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>';
  parts.push([
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${book.numFmts ? `<numFmts>${book.numFmts}</numFmts>` : ""}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs>${cellXfs}</cellXfs></styleSheet>`,
  ]);
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${book.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetElems.join("")}</sheets></workbook>`;
  const front: [string, string | Buffer][] = [
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`],
  ];
  const ordered = book.sheetsFirst ? [...sheetParts, ...parts, ...front] : [...front, ...parts, ...sheetParts];
  for (const [name, content] of [...ordered, ...Object.entries(book.extraParts ?? {})]) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A package with some parts rewritten: `edit` gets each text part's XML (or null when absent). */
export async function editPackage(bytes: Buffer, edits: Record<string, (xml: string | null) => string | null>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const current = zip.file(name) ? await zip.file(name).async("string") : null;
    const next = edit(current);
    if (next === null) zip.remove(name);
    else zip.file(name, next);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Every part of a package as text (binary parts too, as latin1), by name. */
export async function packageParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out[name] = await zip.file(name).async("string");
  return out;
}

/** The worksheet part of a sheet by its name, through the workbook and its relationships. */
export function sheetPartName(parts: Record<string, string>, sheet: string): string {
  const book = parts["xl/workbook.xml"];
  const id = new RegExp(`<sheet [^>]*name="${esc(sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(parts["xl/_rels/workbook.xml.rels"])?.[1]
    ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(parts["xl/_rels/workbook.xml.rels"])?.[1];
  if (!id || !target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Parts, content types and relationships to add to a package, and edits of parts it has. */
export interface PackageAddition {
  parts?: Record<string, string | Buffer>;
  /** Part name (no leading "/") → content type. */
  overrides?: Record<string, string>;
  /** File extension → content type. */
  defaults?: Record<string, string>;
  /** `from` is the source part ("" for the package); targets relative to its folder. */
  rels?: { from: string; id: string; type: string; target: string; external?: boolean }[];
  edit?: Record<string, (xml: string) => string>;
}

const relsOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

export async function addToPackage(bytes: Buffer, add: PackageAddition): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string): Promise<string | null> => (zip.file(name) ? zip.file(name).async("string") : null);
  for (const [name, content] of Object.entries(add.parts ?? {})) zip.file(name, content);
  let types = (await text("[Content_Types].xml")) as string;
  for (const [ext, type] of Object.entries(add.defaults ?? {})) {
    if (!types.includes(`Extension="${ext}"`)) types = types.replace("</Types>", `<Default Extension="${ext}" ContentType="${type}"/></Types>`);
  }
  for (const [part, type] of Object.entries(add.overrides ?? {})) {
    const override = `<Override PartName="/${part}" ContentType="${type}"/>`;
    types = types.includes(`PartName="/${part}"`) ? types.replace(new RegExp(`<Override PartName="/${part.replace(/[.]/g, "\\.")}" ContentType="[^"]*"/>`), override) : types.replace("</Types>", `${override}</Types>`);
  }
  zip.file("[Content_Types].xml", types);
  for (const rel of add.rels ?? []) {
    const name = relsOf(rel.from);
    const current = (await text(name)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const element = `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${esc(rel.target)}"${rel.external ? ' TargetMode="External"' : ""}/>`;
    zip.file(name, current.replace("</Relationships>", `${element}</Relationships>`));
  }
  for (const [name, edit] of Object.entries(add.edit ?? {})) zip.file(name, edit((await text(name)) as string));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The names of the Excel tables on a sheet, through the sheet's relationships to its table parts. */
export function sheetTableNames(parts: Record<string, string>, sheet: string): string[] {
  const part = sheetPartName(parts, sheet);
  const rels = parts[part.replace(/([^/]+)$/, "_rels/$1.rels")] ?? "";
  const targets = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).filter((r) => /\/table"/.test(r)).map((r) => /Target="([^"]+)"/.exec(r)![1]);
  return targets.map((t) => {
    const name = t.startsWith("/") ? t.slice(1) : new URL(t, `file:///${part}`).pathname.slice(1);
    return /<table\b[^>]*\sname="([^"]+)"/.exec(parts[name] ?? "")?.[1] ?? "";
  });
}

/** The table names a formula reads by structured reference (Table[Column]). */
export const tablesReadBy = (formula: string): string[] => [...new Set([...formula.matchAll(/([A-Za-z_\\][\w.]*)\[/g)].map((m) => m[1]))];

/** A relationship's target resolved against its source part's folder. */
const resolvePart = (source: string, target: string): string => (target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(source), target)));

/** The drawing of a sheet and the chart parts it refers to, in the drawing's order. */
export function chartsOnSheet(parts: Record<string, string>, sheet: string): { drawing: string; charts: string[] } | null {
  const part = sheetPartName(parts, sheet);
  const rels = parts[part.replace(/([^/]+)$/, "_rels/$1.rels")] ?? "";
  const target = /Type="[^"]*\/drawing" Target="([^"]+)"/.exec(rels)?.[1];
  if (!target) return null;
  const drawing = resolvePart(part, target);
  const drawingRels = parts[drawing.replace(/([^/]+)$/, "_rels/$1.rels")];
  const ids = [...parts[drawing].matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  const charts = ids.map((id) => resolvePart(drawing, new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(drawingRels)![1]));
  return { drawing: parts[drawing], charts: charts.map((c) => parts[c]) };
}

