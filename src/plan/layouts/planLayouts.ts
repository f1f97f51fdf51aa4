/**
 * The layouts of the sheets the add-in writes (see ../shared/DESIGN.md, "Sheets the add-in writes").
 * Column keys match the fields of model/schemas.ts. Validation and prompts come from
 * `columnRules.ts` and live rules from `liveRules.ts`, so that each rule has one description. A
 * formula column says only that it is one (kind "formula"): its formula is attached where sheets
 * are built (sheets/columnFormulas.ts), so reading a plan never compiles a formula.
 */
import type { ColumnLayout, HeaderField, TableLayout } from "./tableLayout";
import { JAP_COLUMN_RULES, JBP_COLUMN_RULES, REVIEW_LOG_COLUMN_RULES, ROSTER_COLUMN_RULES, type ColumnRules } from "./columnRules";
import { japLiveRules, jbpLiveRules, rosterLiveRules } from "./liveRules";
import { JAP_HELPER_KEYS, JBP_HELPER_KEYS } from "../rag";

export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0%";
/**
 * KPI figures are volumes, money, days or ratios as typed. "General" shows each as it is; a format
 * such as "#,##0.##" would show whole numbers with a trailing point ("1,200.") in Excel.
 */
export const NUMBER_FORMAT = "General";
export const TEXT_FORMAT = "@";
export const GENERAL = "General";

const col = (key: string, header: string, kind: ColumnLayout["kind"], width: number, extra: Partial<ColumnLayout> = {}): ColumnLayout => ({
  key,
  header,
  kind,
  width,
  numberFormat: formatFor(kind),
  required: false,
  owner: kind === "formula" ? "formula" : kind === "addin" ? "addin" : "user",
  ...extra,
});

function formatFor(kind: ColumnLayout["kind"]): string {
  switch (kind) {
    case "date":
      return DATE_FORMAT;
    case "percent":
      return PERCENT_FORMAT;
    case "number":
      return NUMBER_FORMAT;
    case "integer":
      return "0";
    case "text":
    case "id":
    case "list":
    case "addin":
      // Text format keeps typed text such as "=Q1 push" as text, never a formula.
      return TEXT_FORMAT;
    default:
      return GENERAL;
  }
}

/** Adds each column's validation and prompt (by key) to a layout's columns. */
function withRules(columns: ColumnLayout[], rules: Record<string, ColumnRules>): ColumnLayout[] {
  return columns.map((c) => ({ ...c, ...(rules[c.key] ?? {}) }));
}

const field = (key: string, label: string, kind: HeaderField["kind"], required = false): HeaderField => ({
  key,
  label,
  kind,
  numberFormat: formatFor(kind),
  required,
});

export const ROSTER: TableLayout = {
  kind: "roster",
  defaultSheetName: "Roster",
  tableName: "JP_Roster",
  title: "Roster",
  headerBlock: [],
  columns: withRules(
    [
      col("name", "Name", "text", 140, { required: true }),
      col("party", "Party", "list", 90, { required: true }),
      col("role", "Role", "text", 140),
      col("email", "Email", "text", 180),
      col("active", "Active", "flag", 60),
    ],
    ROSTER_COLUMN_RULES,
  ),
  liveRules: rosterLiveRules(),
  signature: ["name", "party", "active"],
};

export const SETTINGS: TableLayout = {
  kind: "settings",
  defaultSheetName: "Settings",
  tableName: "JP_Settings",
  title: "Settings",
  headerBlock: [],
  columns: [
    col("setting", "Setting", "text", 170, { required: true }),
    col("value", "Value", "number", 90, { numberFormat: GENERAL }),
    col("meaning", "Meaning", "text", 360),
  ],
  liveRules: [],
  signature: ["setting", "value", "meaning"],
};

/*
 * Column order is for the review meeting: the columns read aloud first (ID, Objective, RAG, the KPI
 * figures; ID, Action, Owner, Due, Status, RAG), the less used ones after (`detail`). Every reader
 * finds columns by header, so plans written in an older order read and check the same.
 */
const JBP_COLUMNS = withRules(
  [
    col("id", "ID", "id", 50, { required: true }),
    col("objective", "Objective", "text", 200, { required: true }),
    col("rag", "RAG", "formula", 60),
    col("pctToTarget", "% to target", "formula", 75, { numberFormat: PERCENT_FORMAT }),
    col("kpi", "KPI", "text", 140),
    col("unit", "Unit", "text", 60),
    col("ytdTarget", "YTD target", "formula", 75, { numberFormat: NUMBER_FORMAT }),
    col("ytdActual", "YTD actual", "formula", 75, { numberFormat: NUMBER_FORMAT }),
    // Counts of the objective's actions by colour over the JAP tables (sheets/columnFormulas.ts).
    col("actionsRed", "Red actions", "formula", 55, { numberFormat: "0" }),
    col("actionsAmber", "Amber actions", "formula", 55, { numberFormat: "0" }),
    col("actionsGreen", "Green actions", "formula", 55, { numberFormat: "0" }),
    col("initiative", "Strategic initiative", "text", 180, { detail: true }),
    col("direction", "Direction", "list", 100, { detail: true }),
    col("baseline", "Baseline", "number", 70, { detail: true }),
    col("q1Target", "Q1 target", "number", 70, { detail: true }),
    col("q2Target", "Q2 target", "number", 70, { detail: true }),
    col("q3Target", "Q3 target", "number", 70, { detail: true }),
    col("q4Target", "Q4 target", "number", 70, { detail: true }),
    col("fyTarget", "FY target", "number", 70, { detail: true }),
    col("q1Actual", "Q1 actual", "number", 70, { detail: true }),
    col("q2Actual", "Q2 actual", "number", 70, { detail: true }),
    col("q3Actual", "Q3 actual", "number", 70, { detail: true }),
    col("q4Actual", "Q4 actual", "number", 70, { detail: true }),
    col("principalOwner", "Principal owner", "list", 130, { detail: true }),
    col("distributorOwner", "Distributor owner", "list", 130, { detail: true }),
    col("comment", "Comment", "text", 200, { detail: true }),
  ],
  JBP_COLUMN_RULES,
);

/**
 * The YTD rule's helper columns (rag/ragRules.ts JBP_HELPER_COLUMNS) at the JBP table's right end,
 * as the JAP's: whether the unit is additive and each quarter's weight as of JP_AsOf.
 */
const JBP_HELPER_HEADERS: Record<string, string> = {
  calcAdditive: "calc: additive",
  calcQ1: "calc: Q1 weight",
  calcQ2: "calc: Q2 weight",
  calcQ3: "calc: Q3 weight",
  calcQ4: "calc: Q4 weight",
};
export const JBP_HELPER_COLUMNS: readonly ColumnLayout[] = JBP_HELPER_KEYS.map((key) => {
  const header = JBP_HELPER_HEADERS[key];
  if (header === undefined) throw new Error(`No header for the JBP helper column '${key}'`);
  return col(key, header, "formula", 38, { numberFormat: GENERAL, detail: true });
});

export const JBP: TableLayout = {
  kind: "jbp",
  defaultSheetName: "JBP",
  tableName: "JP_Objectives",
  title: "Joint Business Plan",
  headerBlock: [
    field("principal", "Principal", "text", true),
    field("distributor", "Distributor", "text", true),
    field("market", "Market", "text"),
    field("year", "Year", "integer", true),
    field("periodStart", "Period start", "date", true),
    field("periodEnd", "Period end", "date", true),
    field("lastReview", "Last quarterly review", "date"),
  ],
  columns: [...JBP_COLUMNS, ...JBP_HELPER_COLUMNS],
  liveRules: jbpLiveRules(JBP_COLUMNS),
  signature: ["id", "objective", "q1Target", "fyTarget"],
};

const JAP_COLUMNS = withRules(
  [
    col("id", "ID", "id", 55, { required: true }),
    col("action", "Action", "text", 220, { required: true }),
    col("owner", "Owner", "list", 120, { required: true }),
    col("due", "Due", "date", 80, { required: true }),
    col("status", "Status", "list", 85, { required: true }),
    col("rag", "RAG", "formula", 60),
    col("pctComplete", "% complete", "percent", 70),
    col("nextStep", "Next step", "text", 170),
    col("objectiveId", "JBP objective", "list", 80),
    col("priority", "Priority", "integer", 55),
    col("party", "Party", "list", 85, { detail: true, required: true }),
    col("start", "Start", "date", 80, { detail: true, required: true }),
    col("kpi", "KPI", "text", 130, { detail: true }),
    col("unit", "Unit", "text", 55, { detail: true }),
    col("direction", "Direction", "list", 100, { detail: true }),
    col("baseline", "Baseline", "number", 65, { detail: true }),
    col("target", "Target", "number", 65, { detail: true }),
    col("actual", "Actual", "number", 65, { detail: true }),
    col("resources", "Resources and enablers", "text", 170, { detail: true }),
    col("lastUpdate", "Last update", "date", 80, { detail: true }),
    col("ragOverride", "RAG override", "list", 75, { detail: true }),
    col("overrideReason", "Override reason", "text", 150, { detail: true }),
    col("issues", "Issues", "addin", 260, { detail: true }),
    // Why the RAG has its colour, in the engine's words, by formula (rag/reasons.ts): for the meeting pack.
    col("ragReason", "RAG reason", "formula", 220, { detail: true }),
  ],
  JAP_COLUMN_RULES,
);

/**
 * The RAG's helper columns (rag/ragRules.ts JAP_HELPER_COLUMNS), at the table's right end, with the
 * less used columns (detail: in the outline group, outside the print area): narrow,
 * with headers that say they are the RAG's working, which no reader needs (the engine computes
 * them itself, and a plan without them reads and judges the same).
 */
const HELPER_HEADERS: Record<string, string> = {
  calcInUse: "calc: in use",
  calcStatus: "calc: status",
  calcOverride: "calc: override",
  calcExpected: "calc: expected",
  calcAttainment: "calc: attainment",
  calcGate: "calc: gate",
  calcSchedule: "calc: schedule",
  calcKpi: "calc: KPI",
  calcStale: "calc: stale",
  calcOverridden: "calc: overridden",
  calcCounted: "calc: counted",
};
const HELPER_WIDTH = 38;
export const JAP_HELPER_COLUMNS: readonly ColumnLayout[] = JAP_HELPER_KEYS.map((key) => {
  const header = HELPER_HEADERS[key];
  if (header === undefined) throw new Error(`No header for the JAP helper column '${key}'`);
  return col(key, header, "formula", HELPER_WIDTH, { numberFormat: key === "calcExpected" || key === "calcAttainment" ? PERCENT_FORMAT : GENERAL, detail: true });
});

export const JAP: TableLayout = {
  kind: "jap",
  defaultSheetName: "JAP",
  tableName: "JP_Actions",
  title: "Joint Action Plan",
  headerBlock: [
    field("distributor", "Distributor", "text", true),
    field("month", "Month", "date", true),
    field("reviewDate", "Review date", "date"),
    field("jbpSheet", "JBP sheet", "text"),
  ],
  columns: [...JAP_COLUMNS, ...JAP_HELPER_COLUMNS],
  liveRules: japLiveRules(JAP_COLUMNS),
  signature: ["id", "action", "owner", "due", "status"],
};

/**
 * One row per action per monthly review: the action as it stood and its RAG as of the review date,
 * and the comment typed in the meeting. Written by Record review (cycle/), read back for the trend
 * and the changes since the last review. Text columns are Text formatted: a comment such as
 * "=Q1 push" stays text.
 */
export const REVIEW_LOG: TableLayout = {
  kind: "reviewLog",
  defaultSheetName: "Review Log",
  tableName: "JP_ReviewLog",
  title: "Review Log",
  headerBlock: [],
  columns: withRules(
    [
      col("date", "Review date", "date", 85, { required: true }),
      col("distributor", "Distributor", "text", 130),
      col("month", "Month", "date", 70, { numberFormat: "yyyy-mm" }),
      col("actionId", "Action ID", "id", 70, { required: true }),
      col("action", "Action", "text", 220),
      col("owner", "Owner", "text", 120),
      col("status", "Status", "list", 85),
      col("pctComplete", "% complete", "percent", 70),
      col("due", "Due", "date", 80),
      col("actual", "Actual", "number", 70),
      col("target", "Target", "number", 70),
      col("rag", "RAG", "list", 60),
      col("ragOverride", "RAG override", "list", 75),
      col("overrideReason", "Override reason", "text", 150),
      col("comment", "Comment", "text", 260),
    ],
    REVIEW_LOG_COLUMN_RULES,
  ),
  liveRules: [],
  signature: ["date", "actionId", "rag"],
};

/** One row per objective per quarterly JBP review: its quarter's and YTD figures and RAG. */
export const QUARTERLY_REVIEW: TableLayout = {
  kind: "quarterlyReview",
  defaultSheetName: "Quarterly Reviews",
  tableName: "JP_QuarterlyReviews",
  title: "Quarterly JBP reviews",
  headerBlock: [],
  columns: withRules(
    [
      col("date", "Review date", "date", 85, { required: true }),
      col("distributor", "Distributor", "text", 130),
      col("year", "Year", "integer", 50),
      col("quarter", "Quarter", "text", 55),
      col("objectiveId", "Objective ID", "id", 80, { required: true }),
      col("objective", "Objective", "text", 200),
      col("kpi", "KPI", "text", 140),
      col("quarterTarget", "Quarter target", "number", 75),
      col("quarterActual", "Quarter actual", "number", 75),
      col("ytdTarget", "YTD target", "number", 75),
      col("ytdActual", "YTD actual", "number", 75),
      col("pctToTarget", "YTD attainment", "percent", 75),
      col("rag", "RAG", "list", 60),
      col("comment", "Comment", "text", 260),
    ],
    REVIEW_LOG_COLUMN_RULES,
  ),
  liveRules: [],
  signature: ["date", "quarter", "objectiveId", "ytdTarget"],
};

export const TABLE_LAYOUTS: readonly TableLayout[] = [ROSTER, SETTINGS, JBP, JAP, REVIEW_LOG, QUARTERLY_REVIEW];

/** Sheet position of the header row of a table under a layout's header block (0-based). */
export function tableHeaderRow(layout: TableLayout): number {
  // Row 0 holds the title; the header block follows; one blank row separates it from the table.
  return layout.headerBlock.length === 0 ? 0 : layout.headerBlock.length + 2;
}

export function columnIndex(layout: TableLayout, key: string): number {
  const i = layout.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`Layout ${layout.kind} has no column '${key}'`);
  return i;
}

/**
 * The number format of a layout's column. A repair that turns text into a number or a date sets it
 * with the value: the cell's "@" (Text) format would otherwise keep showing the number as text.
 */
export function columnFormat(layout: TableLayout, key: string): string {
  return layout.columns[columnIndex(layout, key)].numberFormat;
}
