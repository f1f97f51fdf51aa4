/** Excel's rules for the names of sheets, tables and defined names. */
import { looksLikeReference } from "./address";
import { fail } from "./errors";
import type { NameModel, SheetModel, TableModel, WorkbookModel } from "./model";

/** Sheet names: 1–31 characters, none of [ ] : * ? / \, no apostrophe at either end, unique ignoring case, not "History". */
export function checkSheetName(wb: WorkbookModel, name: unknown, self?: SheetModel): string {
  if (typeof name !== "string") return fail("InvalidArgument", "a sheet name must be a string");
  if (name.trim() === "") fail("InvalidArgument", "a sheet name cannot be blank");
  if (name.length > 31) fail("InvalidArgument", `sheet name '${name}' is longer than 31 characters`);
  if (/[[\]:*?/\\]/.test(name)) fail("InvalidArgument", `sheet name '${name}' contains one of [ ] : * ? / \\`);
  if (name.startsWith("'") || name.endsWith("'")) fail("InvalidArgument", `sheet name '${name}' begins or ends with an apostrophe`);
  if (name.toLowerCase() === "history") fail("InvalidArgument", "'History' is a name reserved by Excel");
  const clash = wb.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  if (clash) fail("ItemAlreadyExists", `a sheet named '${clash.name}' already exists`);
  return name;
}

/**
 * Table and defined names: start with a letter, underscore or backslash; then letters, digits,
 * periods and underscores (no spaces); at most 255 characters; not a cell reference; unique
 * across tables and names, ignoring case.
 */
export function checkDefinedName(wb: WorkbookModel, name: unknown, self?: TableModel | NameModel): string {
  if (typeof name !== "string" || name === "") return fail("InvalidArgument", "a name must be a non-empty string");
  if (name.length > 255) fail("InvalidArgument", `name '${name.slice(0, 20)}…' is longer than 255 characters`);
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) {
    fail("InvalidArgument", `'${name}' is not a valid name (letters, digits, periods and underscores; no spaces; starts with a letter or underscore)`);
  }
  if (looksLikeReference(name)) fail("InvalidArgument", `'${name}' looks like a cell reference`);
  const lower = name.toLowerCase();
  const clash =
    wb.tables.find((t) => t !== self && !t.deleted && t.name.toLowerCase() === lower) ??
    wb.names.find((n) => n !== self && !n.deleted && n.name.toLowerCase() === lower);
  if (clash) fail("ItemAlreadyExists", `the name '${clash.name}' is already used by a table or a defined name`);
  return name;
}
