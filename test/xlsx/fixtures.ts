/**
 * Odd and hostile .xlsx files, made by code rather than kept as opaque binaries: the tests build
 * them in memory, and `node scripts/make-xlsx-fixtures.js DIR` writes them all to a folder to try
 * by hand (`jointplan check DIR/stray-cell-xfd1048576.xlsx`).
 */
import { newWorkbookInput } from "../../src/cli/newCommand";
import { cellA1, columnLetters, DEFAULT_SETTINGS, parseRangeA1, type Settings } from "../../src/plan/model";
import { columnIndex, JAP } from "../../src/plan/layouts";
import { samplePlan } from "../../src/plan/sample";
import { serialFromIso } from "../../src/plan/model";
import { newWorkbookSpecs, type NewWorkbookInput } from "../../src/plan/workbook";
import { planCachedValues } from "../../src/xlsx/planCachedValues";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { editPackage, inlineCell, packageParts, rawWorkbook, sheetPartName, textRow } from "./rawPackage";

/** The sample plan as `jointplan new --sample --as-of 2026-03-18` writes it, cached values included. */
export async function sampleFile(): Promise<Buffer> {
  const day = serialFromIso("2026-03-18")!;
  const specs = newWorkbookSpecs(newWorkbookInput({ sample: true, force: false, asOf: day }, day));
  return (await writeXlsx(specs, [], { cachedValues: planCachedValues(specs, day) })).bytes;
}

/** A plan of `actions` actions (the sample's twenty, repeated with new IDs), as `new` would write it. */
export function generatedInput(actions: number): NewWorkbookInput {
  const sample = samplePlan();
  const rows = Array.from({ length: actions }, (_, i) => ({ ...sample.jap.actions[i % sample.jap.actions.length], id: `A-${i + 1}` }));
  const settings: Settings = { ...DEFAULT_SETTINGS, asOf: sample.asOf };
  return {
    settings,
    roster: sample.roster.map((r) => ({ name: String(r.name), party: r.party as "Principal" | "Distributor", role: "", email: "", active: r.active !== false })),
    jbp: sample.jbp,
    jap: { header: sample.jap.header, actions: rows },
  };
}

export async function planFile(actions: number): Promise<Buffer> {
  return (await writeXlsx(newWorkbookSpecs(generatedInput(actions)))).bytes;
}

/** One text cell added to a sheet of a package, at any address (XFD1048576: the last cell of the grid). */
export async function withCell(bytes: Buffer, sheet: string, ref: string, text: string): Promise<Buffer> {
  return withRow(bytes, sheet, [[ref, text]]);
}

/** A new row of text cells ([address, text], all on one row, left to right) added to a sheet of a package. */
export async function withRow(bytes: Buffer, sheet: string, cells: [string, string][]): Promise<Buffer> {
  const part = sheetPartName(await packageParts(bytes), sheet);
  const row = Number(/\d+$/.exec(cells[0][0])![0]);
  return editPackage(bytes, {
    [part]: (xml) => {
      const doc = xml as string;
      // Rows stay in order: the new row goes before the first row below it, or at the end.
      const below = [...doc.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
      const cell = `<row r="${row}">${cells.map(([ref, text]) => inlineCell(ref, text)).join("")}</row>`;
      if (doc.includes(`<row r="${row}"`)) throw new Error(`row ${row} already exists`);
      return below ? doc.slice(0, below.index) + cell + doc.slice(below.index) : doc.replace("</sheetData>", `${cell}</sheetData>`);
    },
  });
}

/** The actions table's part and its ref ("A7:W27"), in a package `new` wrote. */
async function actionsTable(bytes: Buffer): Promise<{ part: string; ref: { row: number; col: number; lastRow: number; lastCol: number } }> {
  const parts = await packageParts(bytes);
  const part = Object.keys(parts).find((name) => /^xl\/tables\//.test(name) && /\sname="JP_Actions"/.test(parts[name]));
  if (!part) throw new Error("no JP_Actions table");
  const ref = parseRangeA1(/\sref="([^"]+)"/.exec(parts[part])![1])!;
  return { part, ref };
}

/** Two footnote lines three rows below the JAP table (row numbers 1-based, as Excel shows them). */
export const FOOTNOTES = ["* Sell-out figures in thousands of euros, from the distributor's monthly report.", "Targets agreed in the March review; see the JBP."];

/** A plan of `actions` actions with FOOTNOTES typed three and four rows below its JAP table. */
export async function footnotesBelowTable(actions = 20): Promise<Buffer> {
  const bytes = await planFile(actions);
  const { ref } = await actionsTable(bytes);
  const below = await withCell(bytes, "JAP", `A${ref.lastRow + 4}`, FOOTNOTES[0]);
  return withCell(below, "JAP", `A${ref.lastRow + 5}`, FOOTNOTES[1]);
}

/**
 * A plan whose JAP table has a totals row (Table Design > Total Row): the table's ref grows by a
 * row, totalsRowCount="1", and the row holds "Total" under ID and a sum under Target.
 */
export async function totalsRowTable(actions = 20): Promise<Buffer> {
  const bytes = await planFile(actions);
  const { part, ref } = await actionsTable(bytes);
  const totalsRow = ref.lastRow + 2;
  const range = `${cellA1(ref.row, ref.col)}:${cellA1(ref.lastRow + 1, ref.lastCol)}`;
  const withTotals = await editPackage(bytes, {
    [part]: (xml) => (xml as string).replace(/\sref="[^"]+"/, ` ref="${range}"`).replace(/<table\b/, '<table totalsRowCount="1"'),
  });
  const targetCol = columnLetters(columnIndex(JAP, "target"));
  return withRow(withTotals, "JAP", [
    [`A${totalsRow}`, "Total"],
    [`${targetCol}${totalsRow}`, "1,240"],
  ]);
}

const JAP_HEADERS = ["ID", "Action", "Party", "Owner", "Start", "Due", "Status"];

/** A JAP whose every data cell is a formula never calculated (no <v>), as some generators write. */
export function uncalculatedJap(): Promise<Buffer> {
  const formulaRow = (r: number, id: string): string =>
    `<row r="${r}">` +
    [`"${id}"`, '"Open outlets"', '"Distributor"', '"Ana Silva"', "DATE(2026,3,2)", "DATE(2026,3,27)", '"In progress"']
      .map((f, i) => `<c r="${String.fromCharCode(65 + i)}${r}"${f.startsWith('"') ? ' t="str"' : ""}><f>${f.replace(/"/g, "&quot;")}</f></c>`)
      .join("") +
    "</row>";
  return rawWorkbook({
    sheets: [{ name: "JAP", xml: textRow(1, ["Distributor", "Andes SA"]) + textRow(3, JAP_HEADERS) + formulaRow(4, "A-01") + formulaRow(5, "A-02") }],
  });
}

/** The same, down to the headers: nothing can be read at all. */
export function uncalculatedHeaders(): Promise<Buffer> {
  const cells = JAP_HEADERS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="str"><f>"${h}"</f></c>`).join("");
  return rawWorkbook({ sheets: [{ name: "JAP", xml: `<row r="1">${cells}</row>` }] });
}

/** XML external entity (XXE) and entity expansion (billion laughs) attempts in a sheet. */
export function doctypeSheet(): Promise<Buffer> {
  const lol = '<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">';
  const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">${lol}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;&c;</t></is></c></row></sheetData></worksheet>`;
  return rawWorkbook({ sheets: [{ name: "JAP", xml }] });
}

/** A package whose parts come in an order and form Excel never writes, all of it valid. */
export function oddProducer(): Promise<Buffer> {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  // Prefixed elements, cells without r attributes, a row out of order, CDATA, entities, t="d".
  const prefixed =
    `<?xml version="1.0" encoding="UTF-8"?><x:worksheet ${ns}><x:sheetData>` +
    `<x:row r="3"><x:c t="inlineStr"><x:is><x:t>third</x:t></x:is></x:c><x:c><x:v>3</x:v></x:c></x:row>` +
    `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[<b>&raw]]></x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Tom &amp; Jerry&#x2019;s</x:t></x:is></x:c></x:row>` +
    `<x:row r="2"><x:c r="A2" t="d"><x:v>2026-03-18T12:00:00Z</x:v></x:c><x:c r="B2" t="e"><x:v>#REF!</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c></x:row>` +
    `</x:sheetData></x:worksheet>`;
  // Shared strings with rich text, a phonetic guide and a control character escape.
  const shared = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" s="1"><v>46099</v></c><c r="E1" s="2"><v>46099</v></c></row>`;
  return rawWorkbook({
    sheetsFirst: true,
    sheets: [
      { name: "Données & co", xml: prefixed, part: "xl/worksheets/Feuille1.xml" },
      { name: "Chart", xml: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', kind: "chartsheet" },
      { name: "Hidden", xml: shared, part: "xl/worksheets/hidden.xml", state: "hidden" },
    ],
    sharedStrings: ["<r><t>Ana </t></r><r><rPr><b/></rPr><t>Silva</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh>", "line_x000D_break", "plain"],
    numFmts: '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>',
    cellXfs: '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>',
  });
}

/** Every fixture by file name, for the script that writes them. */
export const FIXTURES: Record<string, () => Promise<Buffer>> = {
  "stray-cell-xfd1048576.xlsx": async () => withCell(await planFile(20), "JAP", "XFD1048576", "x"),
  "stray-cell-a1048576.xlsx": async () => withCell(await planFile(20), "JAP", "A1048576", "x"),
  "uncalculated-jap.xlsx": uncalculatedJap,
  "uncalculated-headers.xlsx": uncalculatedHeaders,
  "doctype-xxe.xlsx": doctypeSheet,
  "odd-producer.xlsx": oddProducer,
  "footnotes-below-table.xlsx": () => footnotesBelowTable(),
  "totals-row.xlsx": () => totalsRowTable(),
};
