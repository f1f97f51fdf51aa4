/**
 * The workbook names that formulas, data validation and live rules read: one per setting
 * (JP_AsOf …), the list ranges, and the Roster's columns. The sheets that hold them define them
 * (Settings, Roster, JBP); the RAG rules and the layouts read them, so they live here, below both.
 */
import type { Settings } from "./schemas";

/** The workbook name of each setting's value cell, for formulas (JP_AsOf is today when its cell is blank). */
export const SETTING_NAMES: Record<keyof Settings, string> = {
  asOf: "JP_AsOf",
  greenThreshold: "JP_Green",
  amberThreshold: "JP_Amber",
  dueSoonDays: "JP_DueSoon",
  paceAmber: "JP_PaceAmber",
  paceRed: "JP_PaceRed",
  staleDays: "JP_StaleDays",
  maxPriorities: "JP_MaxPriorities",
  rollUp: "JP_RollUp",
  dateOrder: "JP_DateOrder",
};

/** Workbook names that the Roster sheet defines, over its columns (spare rows below included). */
export const ROSTER_NAMES = { names: "JP_RosterNames", parties: "JP_RosterParties", active: "JP_RosterActive" } as const;

/** Names of the list ranges that data validation and live rules read (never inline lists). */
export const LIST_NAMES = {
  statuses: "JP_Statuses",
  parties: "JP_Parties",
  actionParties: "JP_ActionParties",
  directions: "JP_Directions",
  rags: "JP_Rags",
  rollUpMethods: "JP_RollUpMethods",
  dateOrders: "JP_DateOrders",
  yesNo: "JP_YesNo",
  /** Defined by the Roster sheet: the Owner lists. */
  rosterNames: ROSTER_NAMES.names,
  /** Defined by the JBP sheet over its ID column (objectiveIdsName). */
  objectiveIds: "JP_ObjectiveIds",
} as const;

/** A workbook-scoped defined name as a writer adds it. */
export interface WorkbookName {
  name: string;
  /** "=Settings!$B$2" */
  formula: string;
  comment?: string;
}
