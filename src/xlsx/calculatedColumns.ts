/**
 * Calculated columns in a written package. ExcelJS 4.4 writes a table column as a bare
 * <tableColumn/> and cannot write its formula, so Excel does not know the column is calculated:
 * a row added to the table gets no formula. This step puts <calculatedColumnFormula> into each
 * table column that has one, as Excel writes it (ECMA-376 Part 1, 18.5.1.1): the formula of the
 * column's first data row in the file's form (no "=", "_xlfn." prefixes), the first child of
 * <tableColumn>. Only the table parts are rewritten; every other part is copied as stored.
 */
import { PackageError } from "./packageError";
import { editParts } from "./packageEdit";
import { decodeXml } from "./xmlTokenizer";
import { ZipArchive, type InflateBudget } from "./zipArchive";

/** Table name → column header → formula, in the file's form. */
export type CalculatedColumns = Record<string, Record<string, string>>;

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/i;
const COLUMN = /<tableColumn\b([^>]*?)(?:\/>|>([\s\S]*?)<\/tableColumn>)/g;
const escapeText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attrOf = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : undefined;
};

/** The table's name as Excel shows it (displayName, else name). */
function tableName(xml: string): string | undefined {
  const root = /<table\b([^>]*)>/.exec(xml)?.[1] ?? "";
  return attrOf(root, "displayName") ?? attrOf(root, "name");
}

/** A table part with the given columns' formulas set (and any other column's left as it was). */
export function setColumnFormulas(xml: string, formulas: Record<string, string>): string {
  return xml.replace(COLUMN, (whole, attrs: string, body: string | undefined) => {
    const name = attrOf(attrs, "name");
    const formula = name === undefined ? undefined : formulas[name];
    if (formula === undefined) return whole;
    const rest = (body ?? "").replace(/<calculatedColumnFormula\b[^>]*>[\s\S]*?<\/calculatedColumnFormula>|<calculatedColumnFormula\b[^>]*\/>/, "");
    return `<tableColumn${attrs}><calculatedColumnFormula>${escapeText(formula)}</calculatedColumnFormula>${rest}</tableColumn>`;
  });
}

/** Every table's calculated columns, as the package states them. */
export function calculatedColumnsIn(tableParts: readonly string[]): CalculatedColumns {
  const out: CalculatedColumns = {};
  for (const xml of tableParts) {
    const table = tableName(xml);
    if (table === undefined) continue;
    for (const m of xml.matchAll(COLUMN)) {
      const name = attrOf(m[1], "name");
      const f = /<calculatedColumnFormula\b[^>]*>([\s\S]*?)<\/calculatedColumnFormula>/.exec(m[2] ?? "");
      if (name !== undefined && f) (out[table] ??= {})[name] = decodeXml(f[1]);
    }
  }
  return out;
}

const budget = (): InflateBudget => ({ remaining: 64 * 1024 * 1024, exceeded: () => "the table parts expand to more than 64 MB" });

/** The package's table parts, as text. */
export async function tableParts(zip: ZipArchive): Promise<string[]> {
  const b = budget();
  const out: string[] = [];
  for (const e of zip.entries) if (TABLE_PART.test(e.name)) out.push((await zip.bytesOf(e, b)).toString("utf8"));
  return out;
}

/** The package with each table part passed through `edit` (with its table's name); other parts copied as stored. */
export function editTableParts(bytes: Buffer, edit: (xml: string, table: string | undefined) => string): Promise<Buffer> {
  return editParts(bytes, (name) => TABLE_PART.test(name), (xml) => edit(xml, tableName(xml)));
}

/** The package with the calculated columns set; tables and columns not named are left as they are. */
export async function withCalculatedColumns(bytes: Buffer, columns: CalculatedColumns): Promise<Buffer> {
  if (Object.keys(columns).length === 0) return bytes;
  const done = new Set<string>();
  const out = await editTableParts(bytes, (xml, table) => {
    const formulas = table === undefined ? undefined : columns[table];
    if (!formulas) return xml;
    done.add(table as string);
    return setColumnFormulas(xml, formulas);
  });
  const missing = Object.keys(columns).filter((t) => !done.has(t));
  if (missing.length > 0) throw new PackageError(`the package has no table ${missing.join(", ")} to give calculated columns`);
  return out;
}

/**
 * Table columns as bare <tableColumn/> elements: ExcelJS 4.4 reads a column as a leaf and fails
 * on any child ("Cannot set properties of undefined (setting 'filterButton')"), so it cannot load
 * a workbook with a calculated column, whoever wrote it, until the children are taken out.
 */
export function withoutColumnChildren(xml: string): string {
  return xml.replace(COLUMN, (whole, attrs: string, body: string | undefined) => (body === undefined ? whole : `<tableColumn${attrs}/>`));
}
