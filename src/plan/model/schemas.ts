/**
 * The plan model. Zod schemas are the single definition; types are inferred from them.
 * Everything read from a sheet, a file or the task pane is parsed into these shapes at the
 * boundary, and code inside the core trusts them.
 */
import { z } from "zod/mini";

/** A cell as any spreadsheet hands it over: blank is null; an error value is `{ error: "#N/A" }`. */
export const CellError = z.object({ error: z.string() });
export type CellError = z.infer<typeof CellError>;
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), CellError]);
export type CellValue = z.infer<typeof CellValue>;

/** A 0-based sheet row or column. */
const Index = z.number().check(z.int(), z.gte(0));

/**
 * Where an Excel table stands on a sheet, in 0-based sheet rows and columns: its header row, its
 * last data row (its totals row left out; the header row when it has no data row) and its columns.
 * A plan in an Excel table is that table's range: rows below it (footnotes, a totals row) are not
 * actions.
 */
export const GridTable = z.object({ headerRow: Index, lastRow: Index, col: Index, lastCol: Index });
export type GridTable = z.infer<typeof GridTable>;

/** A rectangle of cells read from a sheet; `origin` is the 0-based sheet position of values[0][0]. */
export const SheetGrid = z.object({
  name: z.string(),
  values: z.array(z.array(CellValue)),
  /** Same shape as values where known; used to tell percentages and dates from plain numbers. */
  numberFormats: z.optional(z.array(z.array(z.string()))),
  origin: z._default(z.object({ row: Index, col: Index }), { row: 0, col: 0 }),
  /**
   * The Excel tables on the sheet, where the reader knows them (the Excel layer, an .xlsx file).
   * Without them every plan on the sheet is read as a plain range: it ends at its first blank row.
   */
  tables: z.optional(z.array(GridTable)),
});
export type SheetGrid = z.input<typeof SheetGrid>;

/**
 * The most characters a cell holds: Excel's limit, which every writer of user text must keep
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const MAX_CELL_TEXT = 32_767;
const CELL_TEXT_MESSAGE = "A cell holds at most 32,767 characters (Excel's limit)";
/** Text that goes into one cell. */
export const CellText = z.string().check(z.maxLength(MAX_CELL_TEXT, CELL_TEXT_MESSAGE));

export const Party = z.enum(["Principal", "Distributor"]);
export type Party = z.infer<typeof Party>;
export const ActionParty = z.enum(["Principal", "Distributor", "Joint"]);
export type ActionParty = z.infer<typeof ActionParty>;
export const Status = z.enum(["Not started", "In progress", "On hold", "Done", "Cancelled"]);
export type Status = z.infer<typeof Status>;
export const Direction = z.enum(["Higher is better", "Lower is better"]);
export type Direction = z.infer<typeof Direction>;
export const Rag = z.enum(["Red", "Amber", "Green", "Grey"]);
export type Rag = z.infer<typeof Rag>;
export const RollUpMethod = z.enum(["Worst of", "Average score"]);
export type RollUpMethod = z.infer<typeof RollUpMethod>;
export const Severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof Severity>;

/** Day-first (31/12/2026) or month-first (12/31/2026) reading of dates typed as text. */
export const DateOrder = z.enum(["DMY", "MDY"]);
export type DateOrder = z.infer<typeof DateOrder>;

/** An Excel serial date (days since 1899-12-30, with the 1900 leap-year quirk kept). */
// z.number() itself rejects Infinity and NaN (classic zod's .finite() was a no-op).
export const Serial = z.number();

export const RosterEntry = z.object({
  name: z.string("A roster name is required").check(z.trim(), z.minLength(1, "A roster name is required"), z.maxLength(MAX_CELL_TEXT, CELL_TEXT_MESSAGE)),
  party: z.enum(Party.options, "The party must be Principal or Distributor"),
  role: z._default(CellText, ""),
  email: z._default(CellText, ""),
  active: z._default(z.boolean(), true),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

/**
 * A number in a range, with one message for every way to miss it. zod/mini has no English messages
 * of its own, and these reach the user when a setting is written from code rather than the pane.
 */
function within(min: number, max: number, message: string, whole = false) {
  return z.number(message).check(...(whole ? [z.int(message)] : []), z.gte(min, message), z.lte(max, message));
}

export const Settings = z
  .object({
    /** null means "today" at the moment of calculation. */
    asOf: z._default(z.nullable(z.number("The as-of date must be a date, or blank for today")), null),
    greenThreshold: z._default(within(0, 10, "The Green threshold must be a percentage from 0% to 1000%"), 0.95),
    amberThreshold: z._default(within(0, 10, "The Amber threshold must be a percentage from 0% to 1000%"), 0.85),
    dueSoonDays: z._default(within(0, 366, "Due soon must be a whole number of days from 0 to 366", true), 7),
    /** Schedule tolerances in fractions: 0.1 is 10 points behind the expected % complete. */
    paceAmber: z._default(within(0, 1, "The Amber pace tolerance must be from 0 to 100 points"), 0.1),
    paceRed: z._default(within(0, 1, "The Red pace tolerance must be from 0 to 100 points"), 0.2),
    staleDays: z._default(within(1, 3660, "Stale after must be a whole number of days from 1 to 3660", true), 30),
    maxPriorities: z._default(within(1, 20, "The most priorities must be a whole number from 1 to 20", true), 5),
    rollUp: z._default(z.enum(RollUpMethod.options, "The roll-up method must be Worst of or Average score"), "Worst of"),
    /** null (a blank cell) means "from the workbook's locale": the host's order, DMY where it has none. */
    dateOrder: z._default(z.nullable(z.enum(DateOrder.options, "The date order must be DMY, MDY or blank")), null),
  })
  .check(
    z.refine((s) => s.amberThreshold <= s.greenThreshold, {
      message: "The Amber threshold must not be above the Green threshold",
      path: ["amberThreshold"],
    }),
    z.refine((s) => s.paceAmber <= s.paceRed, {
      message: "The Amber pace tolerance must not be above the Red one",
      path: ["paceAmber"],
    }),
  );
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export const JbpHeader = z.object({
  principal: z._default(CellText, ""),
  distributor: z._default(CellText, ""),
  market: z._default(CellText, ""),
  year: z._default(z.nullable(z.number().check(z.int(), z.gte(2000), z.lte(2100))), null),
  periodStart: z._default(z.nullable(Serial), null),
  periodEnd: z._default(z.nullable(Serial), null),
  lastReview: z._default(z.nullable(Serial), null),
});
export type JbpHeader = z.infer<typeof JbpHeader>;

export const JapHeader = z.object({
  distributor: z._default(CellText, ""),
  /** First day of the plan's month, as a serial date. */
  month: z._default(z.nullable(Serial), null),
  reviewDate: z._default(z.nullable(Serial), null),
  /** Sheet name of the JBP this JAP links to, when known. */
  jbpSheet: z._default(z.string(), ""),
});
export type JapHeader = z.infer<typeof JapHeader>;

/** Where a row came from: the sheet, its 0-based sheet row, and its raw cells by column key. */
export const RowSource = z.object({
  sheet: z.string(),
  row: Index,
  raw: z.record(z.string(), CellValue),
});
export type RowSource = z.infer<typeof RowSource>;

const optionalNumber = z.nullable(z.number());
const text = z.string();

export const Objective = z.object({
  source: RowSource,
  id: text,
  objective: text,
  initiative: text,
  kpi: text,
  unit: text,
  direction: z.nullable(Direction),
  baseline: optionalNumber,
  q1Target: optionalNumber,
  q2Target: optionalNumber,
  q3Target: optionalNumber,
  q4Target: optionalNumber,
  fyTarget: optionalNumber,
  q1Actual: optionalNumber,
  q2Actual: optionalNumber,
  q3Actual: optionalNumber,
  q4Actual: optionalNumber,
  principalOwner: text,
  distributorOwner: text,
  comment: text,
});
export type Objective = z.infer<typeof Objective>;

export const Action = z.object({
  source: RowSource,
  id: text,
  objectiveId: text,
  priority: optionalNumber,
  action: text,
  party: z.nullable(ActionParty),
  owner: text,
  /** Real dates only: a date typed as text stays null here and is reported by the date rules. */
  start: optionalNumber,
  due: optionalNumber,
  status: z.nullable(Status),
  /** 0..1 as Excel stores a percentage. */
  pctComplete: optionalNumber,
  kpi: text,
  unit: text,
  direction: z.nullable(Direction),
  baseline: optionalNumber,
  target: optionalNumber,
  actual: optionalNumber,
  resources: text,
  lastUpdate: optionalNumber,
  nextStep: text,
  ragOverride: z.nullable(Rag),
  overrideReason: text,
});
export type Action = z.infer<typeof Action>;

/** One value a repair with choices offers: the cell's new value and how the picker shows it. */
export const RepairChoice = z.object({ value: z.string(), label: z.string() });
export type RepairChoice = z.infer<typeof RepairChoice>;

/**
 * A repair the user may apply: the new value of exactly one cell. Two kinds go further:
 * - with `choices`, the user picks the value (value null until then) from those offered;
 * - with `addToRoster`, the cell is left as it is and the person it names joins the Roster.
 */
export const Repair = z.object({
  sheet: z.string(),
  cell: z.string(),
  value: CellValue,
  /** What the button says: "Use 'Ana Silva'", "Make this a date". */
  label: z.string(),
  /** Number format to apply with the value (a date repair needs a date format). */
  numberFormat: z.optional(z.string()),
  /** The values the user chooses from ("Choose an objective": the JBP's objectives). */
  choices: z.optional(z.array(RepairChoice)),
  /** The Roster row that this repair adds (the party is the action's or the column's). */
  addToRoster: z.optional(z.object({ name: z.string(), party: Party })),
  /**
   * The cell's value when the check saw it. The Excel layer fills it in after a check and applies
   * the repair only while the cell still holds it, so a newer edit is never overwritten.
   */
  was: z.optional(CellValue),
});
export type Repair = z.infer<typeof Repair>;

export const Finding = z.object({
  rule: z.string().check(z.regex(/^(owner|date|kpi|structure)\.[A-Za-z]+$/)),
  severity: Severity,
  sheet: z.string(),
  /** A1 address of the offending cell on `sheet` (no sheet prefix). */
  cell: z.string(),
  /** 0-based sheet row, for grouping findings into a row's Issues cell. */
  row: Index,
  message: z.string(),
  repair: z.optional(Repair),
  /** A second way to repair it, offered beside the first ("Use 'Ana Silva'" or "Add to Roster"). */
  alternative: z.optional(Repair),
});
export type Finding = z.infer<typeof Finding>;

export const RagResult = z.object({
  id: z.string(),
  sheet: z.string(),
  row: Index,
  rag: Rag,
  /** The computed colour before any override. */
  computed: Rag,
  overridden: z.boolean(),
  reason: z.string(),
});
export type RagResult = z.infer<typeof RagResult>;
