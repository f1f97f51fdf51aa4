/**
 * Command-line arguments, parsed by hand (no dependency): a command, its positional file, and its
 * flags, each validated so that a mistake is one clear line, never a stack trace.
 */
import * as path from "path";
import { CellText, DateOrder, JapHeader, JbpHeader, serialFromIso, serialFromYmd } from "../plan/model";

/**
 * The dates a plan may hold: what the workbook's own date validation accepts (DATE_RULE in
 * src/plan/layouts/columnRules.ts, and the Settings' as-of rule), so that `new` never writes a plan its
 * own sheets would refuse. test/cli/args.test.ts holds them equal.
 */
export const PLAN_DATES = { first: serialFromYmd(2000, 1, 1)!, last: serialFromYmd(2099, 12, 31)!, firstYear: 2000, lastYear: 2099 } as const;

export type CommandName = "new" | "check" | "rag" | "pack" | "review" | "quarterly-review" | "next-month";
export const COMMANDS: readonly CommandName[] = ["new", "check", "rag", "pack", "review", "quarterly-review", "next-month"];

export interface NewOptions {
  sample: boolean;
  force: boolean;
  distributor?: string;
  principal?: string;
  market?: string;
  year?: number;
  /** { year, month } of --month YYYY-MM. */
  month?: { year: number; month: number };
  asOf?: number;
}

export interface ReportOptions {
  json: boolean;
  asOf?: number;
  /** --date-order: how dates typed as text are read, over the Settings' Date order. */
  dateOrder?: DateOrder;
}

/** What the commands that edit a copy of their input (`review`, `quarterly-review`, `next-month`) share. */
export interface RewriteOptions {
  /** Replace OUT.xlsx if it exists (never the input itself). */
  force: boolean;
  /** Write OUT.xlsx even when the rewrite drops parts of the input (charts, pivot tables...). */
  allowLoss: boolean;
}

export interface ReviewOptions extends RewriteOptions {
  /** --date: the review's date; today when absent. */
  date?: number;
  /** --comment ID=TEXT, by ID as typed (TEXT exactly as given: it may start with "="): an action's ID, or for `quarterly-review` an objective's. */
  comments: Record<string, string>;
}

export type ParsedArgs =
  | { kind: "help"; command?: CommandName }
  | { kind: "version" }
  | { kind: "new"; file: string; options: NewOptions }
  | { kind: "check" | "rag" | "pack"; file: string; options: ReportOptions }
  | { kind: "review" | "quarterly-review"; file: string; out: string; options: ReviewOptions }
  | { kind: "next-month"; file: string; out: string; options: RewriteOptions }
  | { kind: "error"; message: string; command?: CommandName };

interface FlagSpec {
  /** Metavariable for flags that take a value (shown in errors), absent for switches. */
  value?: string;
  /** May be given more than once (each value kept, in order). */
  repeat?: boolean;
}

const FLAGS: Record<CommandName, Record<string, FlagSpec>> = {
  new: { sample: {}, force: {}, distributor: { value: "NAME" }, principal: { value: "NAME" }, market: { value: "NAME" }, year: { value: "YYYY" }, month: { value: "YYYY-MM" }, "as-of": { value: "YYYY-MM-DD" } },
  check: { json: {}, "as-of": { value: "YYYY-MM-DD" }, "date-order": { value: "DMY|MDY" } },
  rag: { json: {}, "as-of": { value: "YYYY-MM-DD" }, "date-order": { value: "DMY|MDY" } },
  pack: { json: {}, "as-of": { value: "YYYY-MM-DD" }, "date-order": { value: "DMY|MDY" } },
  review: { date: { value: "YYYY-MM-DD" }, comment: { value: "ID=TEXT", repeat: true }, force: {}, "allow-loss": {} },
  "quarterly-review": { date: { value: "YYYY-MM-DD" }, comment: { value: "ID=TEXT", repeat: true }, force: {}, "allow-loss": {} },
  "next-month": { force: {}, "allow-loss": {} },
};

const POSITIONAL: Record<CommandName, string[]> = {
  new: ["OUT.xlsx"],
  check: ["IN.xlsx"],
  rag: ["IN.xlsx"],
  pack: ["IN.xlsx"],
  review: ["IN.xlsx", "OUT.xlsx"],
  "quarterly-review": ["IN.xlsx", "OUT.xlsx"],
  "next-month": ["IN.xlsx", "OUT.xlsx"],
};

function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    const topic = rest[0];
    if (first === "help" && topic !== undefined) {
      return isCommand(topic) ? { kind: "help", command: topic } : { kind: "error", message: `Unknown command '${topic}'` };
    }
    return { kind: "help" };
  }
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (!isCommand(first)) {
    const message = first.startsWith("-") ? `Unknown option '${first}' (give a command first: ${COMMANDS.slice(0, -1).join(", ")} or ${COMMANDS.at(-1)})` : `Unknown command '${first}'`;
    return { kind: "error", message };
  }
  return parseCommand(first, rest);
}

function parseCommand(command: CommandName, args: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositional || !arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositional = true;
      continue;
    }
    if (arg === "--help" || arg === "-h") return { kind: "help", command };
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") ? arg.slice(2, eq < 0 ? undefined : eq) : "";
    const spec = FLAGS[command][name];
    if (!spec) return { kind: "error", command, message: `Unknown option '${eq < 0 ? arg : arg.slice(0, eq)}' for '${command}'` };
    if (flags.has(name) && !spec.repeat) return { kind: "error", command, message: `Option --${name} is given twice` };
    if (!spec.value) {
      if (eq >= 0) return { kind: "error", command, message: `Option --${name} takes no value` };
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) {
      return { kind: "error", command, message: `Option --${name} needs a value (${spec.value})` };
    }
    flags.set(name, value);
    if (spec.repeat) repeated.set(name, [...(repeated.get(name) ?? []), value]);
  }
  const wanted = POSITIONAL[command];
  if (positional.length < wanted.length) {
    const missing = wanted.slice(positional.length).join(" and ");
    return { kind: "error", command, message: `Missing ${missing}: jointplan ${command} ${wanted.join(" ")}` };
  }
  if (positional.length > wanted.length) {
    return { kind: "error", command, message: `Unexpected argument '${positional[wanted.length]}': '${command}' takes ${wanted.length === 1 ? "one file" : `${wanted.length} files (${wanted.join(" ")})`}` };
  }
  const file = positional[0];
  if (command === "new") return newOptions(file, flags);
  if (command === "review" || command === "quarterly-review" || command === "next-month") return rewriteArgs(command, file, positional[1], flags, repeated.get("comment") ?? []);
  return readOptions(command, file, flags);
}

type Flags = Map<string, string | true>;
const str = (flags: Flags, name: string): string | undefined => {
  const v = flags.get(name);
  return typeof v === "string" ? v : undefined;
};

function asOfOption(command: CommandName, flags: Flags, flag = "as-of"): number | undefined | { error: ParsedArgs } {
  const text = str(flags, flag);
  if (text === undefined) return undefined;
  // serialFromIso takes Excel's fictitious 1900-02-29; the range below leaves it out.
  const serial = /^\d{4}-\d{2}-\d{2}$/.test(text) ? serialFromIso(text) : null;
  if (serial === null) return { error: { kind: "error", command, message: `--${flag} must be a real date as YYYY-MM-DD, not '${text}'` } };
  if (serial < PLAN_DATES.first || serial > PLAN_DATES.last) {
    return { error: { kind: "error", command, message: `--${flag} must be a date from 2000-01-01 to 2099-12-31 (the dates a plan's sheets accept), not '${text}'` } };
  }
  return serial;
}

/**
 * `review`, `quarterly-review` and `next-month`: IN.xlsx and OUT.xlsx, both workbooks. OUT the same path as IN is
 * refused here; the same file by another path (a link) when the command runs.
 */
function rewriteArgs(command: "review" | "quarterly-review" | "next-month", file: string, out: string, flags: Flags, commentArgs: string[]): ParsedArgs {
  const error = (message: string): ParsedArgs => ({ kind: "error", command, message });
  if (!/\.xlsx$/i.test(out)) return error(`The output file must end in .xlsx, not '${out}'`);
  if (path.resolve(file) === path.resolve(out)) return error(`OUT.xlsx is IN.xlsx (${file}): jointplan never writes its input; give another output file`);
  const base: RewriteOptions = { force: flags.has("force"), allowLoss: flags.has("allow-loss") };
  if (command === "next-month") return { kind: command, file, out, options: base };
  const date = asOfOption(command, flags, "date");
  if (typeof date === "object") return date.error;
  const comments: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const arg of commentArgs) {
    const eq = arg.indexOf("=");
    const id = eq < 0 ? "" : arg.slice(0, eq).trim();
    const what = command === "quarterly-review" ? "an objective's ID" : "an action's ID";
    if (id === "") return error(`--comment must be ID=TEXT (${what}, then its comment), not '${arg}'`);
    const key = id.replace(/\s+/g, " ").toLowerCase();
    if (seen.has(key)) return error(`--comment gives ${id} twice (also as ${seen.get(key)}): give one comment ${command === "quarterly-review" ? "an objective" : "an action"}`);
    seen.set(key, id);
    const text = arg.slice(eq + 1);
    const checked = CellText.safeParse(text);
    if (!checked.success) return error(`--comment ${id} is ${text.length.toLocaleString("en-US")} characters long: ${checked.error.issues[0]?.message ?? "too long for a cell"}`);
    comments[id] = text;
  }
  return { kind: command, file, out, options: { ...base, date, comments } };
}

function readOptions(command: "check" | "rag" | "pack", file: string, flags: Flags): ParsedArgs {
  const asOf = asOfOption(command, flags);
  if (typeof asOf === "object") return asOf.error;
  const orderText = str(flags, "date-order");
  const dateOrder = orderText === undefined ? undefined : DateOrder.safeParse(orderText.trim().toUpperCase()).data;
  if (orderText !== undefined && dateOrder === undefined) {
    return { kind: "error", command, message: `--date-order must be DMY (day first) or MDY (month first), not '${orderText}'` };
  }
  return { kind: command, file, options: { json: flags.has("json"), asOf, dateOrder } };
}

function newOptions(file: string, flags: Flags): ParsedArgs {
  const error = (message: string): ParsedArgs => ({ kind: "error", command: "new", message });
  if (!/\.xlsx$/i.test(file)) return error(`The output file must end in .xlsx, not '${file}'`);
  const options: NewOptions = { sample: flags.has("sample"), force: flags.has("force") };
  for (const key of ["distributor", "principal", "market"] as const) {
    const text = str(flags, key);
    if (text === undefined) continue;
    if (text.trim() === "") return error(`--${key} needs a name`);
    // The header's own schema decides what a cell may hold, as for the task pane and the command API.
    const checked = (key === "distributor" ? JapHeader.shape.distributor : JbpHeader.shape[key]).safeParse(text.trim());
    if (!checked.success) return error(`--${key} is ${text.trim().length.toLocaleString("en-US")} characters long: ${checked.error.issues[0]?.message ?? "too long for a cell"}`);
    options[key] = text.trim();
  }
  const { firstYear, lastYear } = PLAN_DATES;
  const year = str(flags, "year");
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year) || Number(year) < firstYear || Number(year) > lastYear) return error(`--year must be a year from ${firstYear} to ${lastYear}, not '${year}'`);
    options.year = Number(year);
  }
  const month = str(flags, "month");
  if (month !== undefined) {
    const m = parseMonth(month);
    if (!m || m.year < firstYear || m.year > lastYear) return error(`--month must be YYYY-MM from ${firstYear}-01 to ${lastYear}-12 (e.g. 2026-03), not '${month}'`);
    if (options.year !== undefined && options.year !== m.year) return error(`--month ${month} is not in --year ${options.year}`);
    options.month = m;
  }
  const asOf = asOfOption("new", flags);
  if (typeof asOf === "object") return asOf.error;
  options.asOf = asOf;
  return { kind: "new", file, options };
}

/** YYYY-MM as { year, month }, or null. */
function parseMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 ? { year, month } : null;
}
