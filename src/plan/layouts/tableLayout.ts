/**
 * The shape of a sheet layout. Layouts are data: the Excel layer, the .xlsx writer and the readers
 * all take headers, formats and validation from here, and none keeps a copy of its own.
 *
 * A formula column is marked by its kind ("formula"); its formula template, and the formula of
 * each live rule, are compiled where sheets are built (sheets/columnFormulas.ts), never when a
 * reader loads the layouts. Templates: `{key}` stands for the cell of column `key` in the same row
 * (column absolute, row relative, e.g. `$H5`); `{key:col}` for the whole data column of `key`
 * (e.g. `$H$5:$H$204`); `{row}` for the row number (expr/formula.ts renders them).
 */
import type { Expr } from "../expr";

/** What a column holds, which drives parsing, number format and the kind of validation. */
export type ColumnKind =
  | "text"
  | "id"
  | "date"
  | "percent"
  | "number"
  | "integer"
  | "list"
  | "flag"
  | "formula"
  | "addin";

/**
 * What Excel does with a value the rule refuses, chosen per rule and applied alike by both writers:
 * "stop" where a wrong value breaks the plan (a status, date or figure the RAG cannot read), "warning"
 * where a planner may need an exception (an owner not on the Roster yet, an objective the JBP will
 * get, one priority more than the critical few): Excel asks, and the live marks and the check still
 * flag it.
 */
export type ValidationAlert = "stop" | "warning";

/** Native data validation, by address or name (never an inline list for data that can change). */
export type ValidationSpec =
  | { type: "list"; source: string; allowBlank: boolean; alert: ValidationAlert }
  | { type: "date"; operator: "between" | "greaterThanOrEqualTo" | "lessThanOrEqualTo"; formula1: string; formula2?: string; allowBlank: boolean; alert: ValidationAlert }
  | { type: "decimal"; operator: "between" | "greaterThanOrEqualTo"; formula1: string; formula2?: string; allowBlank: boolean; alert: ValidationAlert }
  | { type: "wholeNumber"; operator: "between"; formula1: string; formula2: string; allowBlank: boolean; alert: ValidationAlert }
  /** Any value, with the input prompt alone: for a column whose values no Excel rule can describe (no alert is shown). */
  | { type: "any"; allowBlank: true; alert: ValidationAlert };

export interface InputPrompt {
  title: string;
  message: string;
}

export interface ColumnLayout {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Column width in points (Excel's `format.columnWidth`). */
  width: number;
  numberFormat: string;
  required: boolean;
  /** Who writes the column: the user, a formula, or the add-in's check (Issues). */
  owner: "user" | "formula" | "addin";
  validation?: ValidationSpec;
  prompt?: InputPrompt;
  /** Other header texts that mean this column (read by header, case and spaces ignored). */
  aliases?: string[];
  /**
   * A less used column: it stands after the meeting columns (those read aloud in the review:
   * ID, Action, Owner, Due, Status, RAG …), which are what a printed or projected sheet shows.
   */
  detail?: boolean;
}

/** A live-layer rule: a conditional format whose formula is true when the cell breaks a rule. */
export interface LiveRule {
  id: string;
  /** Columns the format is applied to (their data cells). */
  columns: string[];
  fill: string;
  fontColor?: string;
  /** What the rule means, for the README, the preview page and tests. */
  description: string;
  /**
   * The rule as an expression (expr/expr.ts), true where the cell breaks the rule: its
   * conditional-format formula is compiled from it (sheets/columnFormulas.ts), and
   * evaluateLiveRule evaluates it.
   */
  condition: Expr;
}

/** A labelled cell in the block above a table (Distributor, Month …). */
export interface HeaderField {
  key: string;
  label: string;
  kind: ColumnKind;
  numberFormat: string;
  required: boolean;
}

export interface TableLayout {
  /** Which sheet this is; a plan sheet is recognised by its headers, whatever its name. */
  kind: "roster" | "settings" | "jbp" | "jap" | "reviewLog" | "quarterlyReview";
  defaultSheetName: string;
  /** Excel table name stem; a unique suffix is added when taken. */
  tableName: string;
  title: string;
  headerBlock: HeaderField[];
  columns: ColumnLayout[];
  liveRules: LiveRule[];
  /** Columns whose presence identifies the table when reading by header. */
  signature: string[];
}
