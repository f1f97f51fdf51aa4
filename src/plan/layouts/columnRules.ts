/**
 * The first layer of validation, by column: Excel's own data validation (lists by workbook name,
 * never inline; dates; decimals; whole numbers) and the input prompt that says what is wanted.
 * Prompt titles stay within Excel's 32 characters and messages within 255.
 */
import type { InputPrompt, ValidationAlert, ValidationSpec } from "./tableLayout";
import { LIST_NAMES } from "../model";

export interface ColumnRules {
  validation: ValidationSpec;
  prompt: InputPrompt;
}

/**
 * A list by workbook name. "Ignore blank" stays off: with it on, Excel accepts any value as soon as
 * the source holds a blank cell (a table's empty template rows), and a cleared cell is never
 * refused anyway (Excel validates what is typed, not deletions).
 */
const list = (name: string, alert: ValidationAlert = "stop"): ValidationSpec => ({ type: "list", source: `=${name}`, allowBlank: false, alert });
export const DATE_RULE: ValidationSpec = { type: "date", operator: "between", formula1: "=DATE(2000,1,1)", formula2: "=DATE(2099,12,31)", allowBlank: true, alert: "stop" };
const FIGURE: ValidationSpec = { type: "decimal", operator: "between", formula1: "-1000000000000", formula2: "1000000000000", allowBlank: true, alert: "stop" };
const FRACTION: ValidationSpec = { type: "decimal", operator: "between", formula1: "0", formula2: "1", allowBlank: true, alert: "stop" };
const p = (title: string, message: string): InputPrompt => ({ title, message });

const figure = (what: string): ColumnRules => ({ validation: FIGURE, prompt: p(what, `A number. Leave blank if there is no ${what.toLowerCase()} yet.`) });

export const JAP_COLUMN_RULES: Record<string, ColumnRules> = {
  // Warning: an action may come before its objective is written into the JBP.
  objectiveId: { validation: list(LIST_NAMES.objectiveIds, "warning"), prompt: p("JBP objective", "Pick the ID of the JBP objective this action serves.") },
  // Planners write a priority as a rank (1, 2), a level (High) or a name ("Coverage"), and the check
  // accepts all three (rules/priorities.ts): a whole-number rule would refuse what the check accepts,
  // so the cell takes any value and the prompt says what is wanted. The check counts the distinct
  // priorities against JP_MaxPriorities; the live rule marks a rank below 1.
  priority: {
    validation: { type: "any", allowBlank: true, alert: "warning" },
    prompt: p("Priority", "A rank (1 is the most important), a level (High, Medium, Low) or a focus area's name. The critical few: no more distinct priorities than Settings allows."),
  },
  party: { validation: list(LIST_NAMES.actionParties), prompt: p("Party", "Who leads the action: Principal, Distributor or Joint.") },
  // Warning: a new person may own an action before the Roster lists them.
  owner: { validation: list(LIST_NAMES.rosterNames, "warning"), prompt: p("Owner", "One person from the Roster who answers for this action.") },
  start: { validation: DATE_RULE, prompt: p("Start", "The date work starts, as a date (e.g. 2026-03-02).") },
  due: { validation: DATE_RULE, prompt: p("Due", "The date the action must be done, on or after Start.") },
  status: { validation: list(LIST_NAMES.statuses), prompt: p("Status", "Not started, In progress, On hold, Done or Cancelled.") },
  pctComplete: { validation: FRACTION, prompt: p("% complete", "How much is done, from 0 % to 100 %.") },
  direction: { validation: list(LIST_NAMES.directions), prompt: p("Direction", "Is a higher or a lower KPI value better?") },
  baseline: figure("Baseline"),
  target: figure("Target"),
  actual: figure("Actual"),
  lastUpdate: { validation: DATE_RULE, prompt: p("Last update", "The date this row was last brought up to date.") },
  ragOverride: {
    validation: list(LIST_NAMES.rags),
    prompt: p("RAG override", "Only to overrule the computed RAG: Red, Amber, Green or Grey. Give a reason next to it."),
  },
};

export const JBP_COLUMN_RULES: Record<string, ColumnRules> = {
  direction: { validation: list(LIST_NAMES.directions), prompt: p("Direction", "Is a higher or a lower KPI value better?") },
  baseline: figure("Baseline"),
  ...Object.fromEntries(
    [1, 2, 3, 4].flatMap((q) => [
      [`q${q}Target`, figure(`Q${q} target`)],
      [`q${q}Actual`, figure(`Q${q} actual`)],
    ]),
  ),
  fyTarget: figure("FY target"),
  principalOwner: { validation: list(LIST_NAMES.rosterNames, "warning"), prompt: p("Principal owner", "The principal's person for this objective, from the Roster.") },
  distributorOwner: {
    validation: list(LIST_NAMES.rosterNames, "warning"),
    prompt: p("Distributor owner", "The distributor's person for this objective, from the Roster."),
  },
};

export const ROSTER_COLUMN_RULES: Record<string, ColumnRules> = {
  party: { validation: list(LIST_NAMES.parties), prompt: p("Party", "Principal or Distributor.") },
  active: { validation: list(LIST_NAMES.yesNo), prompt: p("Active", "Yes, or No for someone who left. Blank means Yes.") },
};

export const REVIEW_LOG_COLUMN_RULES: Record<string, ColumnRules> = {
  date: { validation: DATE_RULE, prompt: p("Review date", "The date of the monthly review.") },
  status: { validation: list(LIST_NAMES.statuses), prompt: p("Status", "The action's status at the review.") },
  rag: { validation: list(LIST_NAMES.rags), prompt: p("RAG", "The RAG at the review.") },
  ragOverride: { validation: list(LIST_NAMES.rags), prompt: p("RAG override", "The override in force at the review.") },
};
