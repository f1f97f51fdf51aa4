/**
 * The plan model. Zod schemas are the single definition; types are inferred from them.
 * Everything read from a sheet, a file or the task pane is parsed into these shapes at the
 * boundary, and code inside the core trusts them.
 */
import { z } from "zod";

/** A cell as any spreadsheet hands it over: blank is null; an error value is `{ error: "#N/A" }`. */
export const CellError = z.object({ error: z.string() });
export type CellError = z.infer<typeof CellError>;
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), CellError]);
export type CellValue = z.infer<typeof CellValue>;

/** A rectangle of cells read from a sheet; `origin` is the 0-based sheet position of values[0][0]. */
export const SheetGrid = z.object({
  name: z.string(),
  values: z.array(z.array(CellValue)),
  /** Same shape as values where known; used to tell percentages and dates from plain numbers. */
  numberFormats: z.array(z.array(z.string())).optional(),
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }).default({ row: 0, col: 0 }),
});
export type SheetGrid = z.input<typeof SheetGrid>;

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
export const Serial = z.number().finite();

export const RosterEntry = z.object({
  name: z.string().trim().min(1, "A roster name is required"),
  party: Party,
  role: z.string().default(""),
  email: z.string().default(""),
  active: z.boolean().default(true),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const Settings = z
  .object({
    /** null means "today" at the moment of calculation. */
    asOf: Serial.nullable().default(null),
    greenThreshold: z.number().min(0).max(10).default(0.95),
    amberThreshold: z.number().min(0).max(10).default(0.85),
    dueSoonDays: z.number().int().min(0).max(366).default(7),
    /** Schedule tolerances in fractions: 0.1 is 10 points behind the expected % complete. */
    paceAmber: z.number().min(0).max(1).default(0.1),
    paceRed: z.number().min(0).max(1).default(0.2),
    staleDays: z.number().int().min(1).max(3660).default(30),
    maxPriorities: z.number().int().min(1).max(20).default(5),
    rollUp: RollUpMethod.default("Worst of"),
    /** null (a blank cell) means "from the workbook's locale": the host's order, DMY where it has none. */
    dateOrder: DateOrder.nullable().default(null),
  })
  .refine((s) => s.amberThreshold <= s.greenThreshold, {
    message: "The Amber threshold must not be above the Green threshold",
    path: ["amberThreshold"],
  })
  .refine((s) => s.paceAmber <= s.paceRed, {
    message: "The Amber pace tolerance must not be above the Red one",
    path: ["paceAmber"],
  });
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export const JbpHeader = z.object({
  principal: z.string().default(""),
  distributor: z.string().default(""),
  market: z.string().default(""),
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  periodStart: Serial.nullable().default(null),
  periodEnd: Serial.nullable().default(null),
  lastReview: Serial.nullable().default(null),
});
export type JbpHeader = z.infer<typeof JbpHeader>;

export const JapHeader = z.object({
  distributor: z.string().default(""),
  /** First day of the plan's month, as a serial date. */
  month: Serial.nullable().default(null),
  reviewDate: Serial.nullable().default(null),
  /** Sheet name of the JBP this JAP links to, when known. */
  jbpSheet: z.string().default(""),
});
export type JapHeader = z.infer<typeof JapHeader>;

/** Where a row came from: the sheet, its 0-based sheet row, and its raw cells by column key. */
export const RowSource = z.object({
  sheet: z.string(),
  row: z.number().int().min(0),
  raw: z.record(z.string(), CellValue),
});
export type RowSource = z.infer<typeof RowSource>;

const num = z.number().finite().nullable();
const text = z.string();

export const Objective = z.object({
  source: RowSource,
  id: text,
  objective: text,
  initiative: text,
  kpi: text,
  unit: text,
  direction: Direction.nullable(),
  baseline: num,
  q1Target: num,
  q2Target: num,
  q3Target: num,
  q4Target: num,
  fyTarget: num,
  q1Actual: num,
  q2Actual: num,
  q3Actual: num,
  q4Actual: num,
  principalOwner: text,
  distributorOwner: text,
  comment: text,
});
export type Objective = z.infer<typeof Objective>;

export const Action = z.object({
  source: RowSource,
  id: text,
  objectiveId: text,
  priority: num,
  action: text,
  party: ActionParty.nullable(),
  owner: text,
  /** Real dates only: a date typed as text stays null here and is reported by the date rules. */
  start: num,
  due: num,
  status: Status.nullable(),
  /** 0..1 as Excel stores a percentage. */
  pctComplete: num,
  kpi: text,
  unit: text,
  direction: Direction.nullable(),
  baseline: num,
  target: num,
  actual: num,
  resources: text,
  lastUpdate: num,
  nextStep: text,
  ragOverride: Rag.nullable(),
  overrideReason: text,
});
export type Action = z.infer<typeof Action>;

/** A repair the user may apply: the new value of exactly one cell. */
export const Repair = z.object({
  sheet: z.string(),
  cell: z.string(),
  value: CellValue,
  /** What the button says: "Use 'Ana Silva'", "Make this a date". */
  label: z.string(),
  /** Number format to apply with the value (a date repair needs a date format). */
  numberFormat: z.string().optional(),
  /**
   * The cell's value when the check saw it. The Excel layer fills it in after a check and applies
   * the repair only while the cell still holds it, so a newer edit is never overwritten.
   */
  was: CellValue.optional(),
});
export type Repair = z.infer<typeof Repair>;

export const Finding = z.object({
  rule: z.string().regex(/^(owner|date|kpi|structure)\.[A-Za-z]+$/),
  severity: Severity,
  sheet: z.string(),
  /** A1 address of the offending cell on `sheet` (no sheet prefix). */
  cell: z.string(),
  /** 0-based sheet row, for grouping findings into a row's Issues cell. */
  row: z.number().int().min(0),
  message: z.string(),
  repair: Repair.optional(),
});
export type Finding = z.infer<typeof Finding>;

export const RagResult = z.object({
  id: z.string(),
  sheet: z.string(),
  row: z.number().int().min(0),
  rag: Rag,
  /** The computed colour before any override. */
  computed: Rag,
  overridden: z.boolean(),
  reason: z.string(),
});
export type RagResult = z.infer<typeof RagResult>;
