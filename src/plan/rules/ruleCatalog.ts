/**
 * Every validation rule by id, with its severity and what it checks: for the task pane's filters,
 * the README and the preview page. Tests hold it equal to the ids the rules emit.
 */
import type { Severity } from "../model";

export interface RuleInfo {
  id: string;
  /** "error", "warning", or both when the rule's severity depends on the case (see the description). */
  severity: Severity | "error or warning";
  description: string;
}

export const RULES: readonly RuleInfo[] = [
  { id: "owner.required", severity: "error", description: "Every action has an owner." },
  { id: "owner.notOnRoster", severity: "error", description: "The owner is on the Roster (case, spaces, invisible characters and accent encoding ignored); repair: the nearest active name, or (when the row says the party) Add to Roster." },
  { id: "owner.spelling", severity: "warning", description: "The owner matches a Roster name but for case, spaces, invisible characters or how accents are stored, which it names; repair: the Roster's spelling." },
  { id: "owner.inactive", severity: "error", description: "An open action's owner is active on the Roster." },
  { id: "owner.partyMismatch", severity: "error", description: "The owner's party fits the action's Party (Joint fits both), and JBP owners their column." },
  { id: "owner.overloaded", severity: "warning", description: "Nobody owns more than 8 open actions in one JAP." },
  { id: "owner.rosterDuplicate", severity: "error", description: "Roster names are unique (case, spaces, invisible characters and accent encoding ignored)." },
  { id: "owner.rosterNoParty", severity: "error", description: "Each Roster name has a party: Principal or Distributor." },
  { id: "owner.rosterNoName", severity: "error", description: "Each Roster row has a name." },
  { id: "owner.rosterBadActive", severity: "warning", description: "Active is Yes or No (blank is Yes)." },
  { id: "date.missing", severity: "error", description: "Start and Due are filled in." },
  { id: "date.notADate", severity: "error or warning", description: "Dates are real dates, not text; repair: the date the text means. A text date above a table is read, with a warning." },
  { id: "date.ambiguous", severity: "warning", description: "A text date that reads two ways (05/03/2026) is read in the workbook's date order." },
  { id: "date.startAfterDue", severity: "error", description: "Start is on or before Due; a JBP's period starts before it ends." },
  { id: "date.outsidePeriod", severity: "warning", description: "An action overlaps its JAP's month (or the JBP period when the JAP has no month)." },
  { id: "date.updateInFuture", severity: "error", description: "Last update is not after the as-of date." },
  { id: "date.japOutsideJbpYear", severity: "warning", description: "A JAP's month lies inside its JBP's year (its period)." },
  { id: "date.overdue", severity: "warning", description: "An action due before the as-of date is Done or Cancelled." },
  { id: "kpi.targetMissing", severity: "error", description: "A KPI has a numeric target." },
  { id: "kpi.unitMissing", severity: "warning", description: "A KPI has a unit." },
  { id: "kpi.directionMissing", severity: "error", description: "A KPI has a direction." },
  { id: "kpi.badDirection", severity: "error or warning", description: "Direction is Higher is better or Lower is better; another wording is read, with a repair." },
  { id: "kpi.nameMissing", severity: "warning", description: "KPI figures come with the KPI's name." },
  { id: "kpi.notANumber", severity: "error", description: "Baseline, targets, actuals and % complete are numbers; repair when the text is a number (\"1,200\")." },
  { id: "kpi.actualWithoutTarget", severity: "error", description: "An actual has its target." },
  { id: "kpi.targetWorseThanBaseline", severity: "warning", description: "A target is not worse than its baseline, given the direction." },
  { id: "kpi.percentScale", severity: "error", description: "Percentages in one scale: % complete of 50 means 50 %, and a % KPI does not mix 0.25 with 22; repair: the fraction." },
  { id: "kpi.quarterActualMissing", severity: "warning", description: "Once a quarter has ended, each objective with a target for it has its actual (the quarterly review needs it)." },
  { id: "kpi.fyMismatch", severity: "warning", description: "For money and volume units, the FY target is the sum of the quarter targets; repair: the sum." },
  { id: "structure.missingColumn", severity: "error", description: "A table has each required column (the rules that need a missing one are skipped)." },
  { id: "structure.missingId", severity: "error", description: "Every action and objective has an ID." },
  { id: "structure.duplicateId", severity: "error", description: "IDs are unique within a table (case ignored, as Excel's lookups do); a duplicate gets a repair to a new ID no row uses." },
  { id: "structure.required", severity: "error", description: "An action says what will be done; an objective what it aims for." },
  { id: "structure.unknownObjective", severity: "error or warning", description: "An action's JBP objective exists in the JBP; another spelling of an ID gets a repair, an unknown one a repair that chooses among the JBP's objectives." },
  { id: "structure.tooManyPriorities", severity: "error", description: "A JAP has no more distinct priorities than the most allowed (Settings), whether written as ranks (1, 2, 3), levels (High, Medium, Low) or names (\"Coverage\"): one finding a JAP." },
  { id: "structure.mixedPriorities", severity: "warning", description: "A JAP's priorities are written in one form (ranks, levels or names): one finding a JAP." },
  { id: "structure.badPriority", severity: "error or warning", description: "A rank is a whole number from 1; a rank typed as text is read, with a repair." },
  { id: "structure.badStatus", severity: "error or warning", description: "Status is from the list; another wording is read, with a repair." },
  { id: "structure.badParty", severity: "error or warning", description: "Party is Principal, Distributor or Joint; another wording is read, with a repair." },
  { id: "structure.badOverride", severity: "error or warning", description: "A RAG override is Red, Amber, Green or Grey; another wording is read, with a repair." },
  { id: "structure.overrideWithoutReason", severity: "error", description: "A RAG override has a reason." },
  { id: "structure.pctVsStatus", severity: "error or warning", description: "% complete fits the status (Done 100 %, Not started 0 %) and stays within 0 to 100 %." },
  { id: "structure.duplicateJap", severity: "warning", description: "One JAP per distributor and month; of two, only the first is counted." },
  { id: "structure.noRoster", severity: "warning", description: "The workbook has a Roster, so owners can be checked." },
  { id: "structure.headerMissing", severity: "warning", description: "The block above a JBP or JAP has its required labels and values (Distributor, Month …)." },
  { id: "structure.badHeaderValue", severity: "error", description: "A JBP's Year is a whole number from 2000 to 2100." },
  { id: "structure.badSetting", severity: "error", description: "Settings values are readable and in range; otherwise the default is used." },
];
