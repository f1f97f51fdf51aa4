/** The help texts: what each command does, its options, and its exit codes. */
import type { CommandName } from "./args";

const OVERALL = `jointplan: Joint Business Plans and Joint Action Plans in .xlsx files, without Excel

Usage:
  jointplan new OUT.xlsx [--sample] [--principal NAME] [--distributor NAME] [--market NAME] [--year YYYY] [--month YYYY-MM] [--as-of YYYY-MM-DD] [--force]
  jointplan check IN.xlsx [--json] [--as-of YYYY-MM-DD] [--date-order DMY|MDY]
  jointplan rag IN.xlsx [--json] [--as-of YYYY-MM-DD] [--date-order DMY|MDY]
  jointplan review IN.xlsx OUT.xlsx [--date YYYY-MM-DD] [--comment ID=TEXT ...] [--force] [--allow-loss]
  jointplan quarterly-review IN.xlsx OUT.xlsx [--date YYYY-MM-DD] [--comment ID=TEXT ...] [--force] [--allow-loss]
  jointplan next-month IN.xlsx OUT.xlsx [--force] [--allow-loss]
  jointplan pack IN.xlsx [--json] [--as-of YYYY-MM-DD] [--date-order DMY|MDY]
  jointplan help [COMMAND]    (or COMMAND --help)
  jointplan --version

Commands:
  new     write a plan workbook: Roster, Settings, JBP, JAP, RAG Summary, Meeting pack and Review Log
  check   check owners, dates, KPIs and structure, and list every finding
  rag     the Red/Amber/Green status of every action and objective, with reasons
  review  record the monthly review of every current JAP in the Review Log (writes OUT.xlsx)
  quarterly-review  record the quarterly review of every JBP in Quarterly Reviews (writes OUT.xlsx)
  next-month  start next month's JAP of every current JAP, open actions carried (writes OUT.xlsx)
  pack    the meeting pack of each distributor's current JAP, as the Meeting pack sheet has it

review, quarterly-review and next-month never write their input: they write an edited copy to OUT.xlsx.

Exit codes: 0 done (check: no errors), 1 check found errors, 2 bad arguments, an unreadable
file, a rewrite that would lose parts of the input, or output that cannot be written.
`;

const REWRITE_OPTIONS = `  --force              replace OUT.xlsx if it exists (never IN.xlsx: OUT must be another file)
  --allow-loss         write OUT.xlsx even if the input holds what jointplan cannot write back
                       (charts, pivot tables, images in cells, macros, threaded comments, slicers...);
                       without it such a file is refused, saying what would be lost
  -h, --help           this help`;

const COMMAND_HELP: Record<CommandName, string> = {
  new: `Usage: jointplan new OUT.xlsx [options]

Writes a plan workbook with the Roster, Settings, JBP, JAP, RAG Summary, Meeting pack and Review Log sheets:
tables, drop-down lists, date and number rules, the RAG formulas, conditional formats and the
workbook names the formulas use. It opens in Excel and LibreOffice, with or without the add-in.

Options:
  --sample             fill it with a worked example (a roster, 5 objectives, 20 actions,
                       a few deliberate faults for 'check' to find)
  --principal NAME     the principal (brand owner) of the JBP
  --distributor NAME   the distributor the plan is for
  --market NAME        the JBP's market (a country or region)
  --year YYYY          the JBP's year, 2000 to 2099 (default: the year of --month, or of the
                       as-of date)
  --month YYYY-MM      the JAP's month (default: the as-of date's month)
  --as-of YYYY-MM-DD   the date RAG is judged on, 2000-01-01 to 2099-12-31, written to Settings
                       (default: blank, meaning today whenever the workbook recalculates)
  --force              replace OUT.xlsx if it exists (otherwise an existing file is never touched)
  -h, --help           this help

Names hold at most 32,767 characters (a cell's limit). A failed write leaves no half file.

Exit codes: 0 written, 2 bad arguments or the file cannot be written.
`,
  check: `Usage: jointplan check IN.xlsx [--json] [--as-of YYYY-MM-DD] [--date-order DMY|MDY]

Reads every plan sheet by its headers (whatever the sheet is called, table or plain range) and
checks owners, dates, KPIs and structure. Prints each finding with its sheet, cell, rule id,
severity, message and the repair the add-in offers, grouped by sheet.

Options:
  --json               print {"findings":[{"sheet","cell","rule","severity","message","repair"}]}
                       where repair is null or {"value","label","numberFormat"}
  --as-of YYYY-MM-DD   judge dates on this day, 2000-01-01 to 2099-12-31 (default: the
                       workbook's Settings as-of date, or today when that is blank)
  --date-order DMY|MDY read dates typed as text day first or month first (default: the
                       workbook's Settings Date order, or DMY when that is blank: a file
                       carries no locale)
  -h, --help           this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 the file cannot be read
(not a workbook, password protected, no plan sheet), bad arguments, or the output cannot be
written (a full disk).
`,
  rag: `Usage: jointplan rag IN.xlsx [--json] [--as-of YYYY-MM-DD] [--date-order DMY|MDY]

Computes the Red/Amber/Green status of every action and objective with the reason for it, the
roll-up of each objective from its actions, and the plan's overall status.

Options:
  --json               print {"asOf","plan","objectives":[{"id","rag","reason"}],
                       "actions":[{"id","rag","reason","overridden"}]}
  --as-of YYYY-MM-DD   judge on this day, 2000-01-01 to 2099-12-31 (default: the workbook's
                       Settings as-of date, or today)
  --date-order DMY|MDY read dates typed as text day first or month first (default: the
                       workbook's Settings Date order, or DMY when that is blank)
  -h, --help           this help

Exit codes: 0 done, 2 the file cannot be read, bad arguments, or the output cannot be written.
`,
  review: `Usage: jointplan review IN.xlsx OUT.xlsx [--date YYYY-MM-DD] [--comment ID=TEXT ...] [options]

Records the monthly review of every current JAP (each distributor's latest month) in the Review
Log: one row per action with its status, % complete, due date, KPI actual and target, its RAG as
of the review date, the override and its reason if any, and the comment given for it. Recording
the same JAP on the same date again replaces that review's rows; it never doubles them. Comments
are written as text, even when they start with =, +, - or @. Writes OUT.xlsx; IN.xlsx is never
changed.

Options:
  --date YYYY-MM-DD    the review's date, 2000-01-01 to 2099-12-31 (default: today); each
                       action's RAG is judged on this day
  --comment ID=TEXT    the meeting's comment on action ID (repeat for more actions); an ID that
                       no current JAP has is an error, and nothing is written
${REWRITE_OPTIONS}

Exit codes: 0 recorded, 2 the file cannot be read, bad arguments, an unknown comment ID, a
rewrite that would lose parts of the input (without --allow-loss), or OUT.xlsx cannot be written.
`,
  "quarterly-review": `Usage: jointplan quarterly-review IN.xlsx OUT.xlsx [--date YYYY-MM-DD] [--comment ID=TEXT ...] [options]

Records the quarterly review of every JBP in the Quarterly Reviews table (a sheet of its own,
added when the workbook has none): one row per objective with the quarter's target and actual,
the YTD target and actual, the YTD attainment and its RAG, and the comment given for it; and sets
the JBP's "Last quarterly review" to the review date. The quarter is the last one ended by the
review date. Year to date, a quarter that has ended counts in full and the quarter in progress
counts pro rata to the days elapsed, once it has an actual. Recording the same quarter on the same
date again replaces its rows, keeping the comments given then. Writes OUT.xlsx; IN.xlsx is never
changed.

Options:
  --date YYYY-MM-DD    the review's date, 2000-01-01 to 2099-12-31 (default: today)
  --comment ID=TEXT    the meeting's comment on objective ID (repeat for more objectives); an ID
                       that no JBP has is an error, and nothing is written
${REWRITE_OPTIONS}

Exit codes: 0 recorded, 2 the file cannot be read, bad arguments, an unknown comment ID, a JBP
without a Year or Period start, a rewrite that would lose parts of the input (without
--allow-loss), or OUT.xlsx cannot be written.
`,
  "next-month": `Usage: jointplan next-month IN.xlsx OUT.xlsx [options]

Starts next month's JAP for every current JAP: a new JAP sheet for the month after, with every
open action carried over as it stands (same ID, objective, dates, progress, Last update); Done and
Cancelled actions stay in the old month only. The new JAP becomes current and the old one is
history, left as it was. The JBP's action counts and the RAG Summary are rebuilt over the current
JAPs, so no action is counted twice. Says what was carried and what was left behind, and suggests
'jointplan review' first when the month being closed has no review in the Review Log. Writes
OUT.xlsx; IN.xlsx is never changed.

Options:
${REWRITE_OPTIONS}

Exit codes: 0 started, 2 the file cannot be read, bad arguments, a JAP without a month, a
rewrite that would lose parts of the input (without --allow-loss), or OUT.xlsx cannot be written.
`,
  pack: `Usage: jointplan pack IN.xlsx [--json] [--as-of YYYY-MM-DD] [--date-order DMY|MDY]

Prints the meeting pack of each distributor's current JAP, grouped as on the Meeting pack sheet:
the plan's RAG and why; each objective with its RAG, KPI attainment and its actions' colours; the
Red and Amber actions with owner, due date and reason; the overdue actions; what changed since the
last review (from the Review Log); and the decisions left to take. Lists show what the sheet shows
(the first rows of each, with how many more).

Options:
  --json               print {"asOf","packs":[{"japSheet","distributor","month","planRag","why",
                       "objectives","redAmber","overdue","lastReview","then","now","changes","more"}]}
  --as-of YYYY-MM-DD   judge on this day, 2000-01-01 to 2099-12-31 (default: the workbook's
                       Settings as-of date, or today)
  --date-order DMY|MDY read dates typed as text day first or month first (default: the
                       workbook's Settings Date order, or DMY when that is blank)
  -h, --help           this help

Exit codes: 0 done, 2 the file cannot be read, has no JAP, bad arguments, or the output cannot be
written.
`,
};

export function helpText(command?: CommandName): string {
  return command ? COMMAND_HELP[command] : OVERALL;
}
