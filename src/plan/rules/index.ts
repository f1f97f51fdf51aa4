/**
 * A plan workbook to findings: the owner, date, KPI and structure rules, their catalogue, the Issues
 * text; checkWorkbook reads, validates and computes the RAG in one call.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { checkWorkbook } from "./checkWorkbook";
export { headerOfColumn, isIssuesText, issuesBySheetRow } from "./issuesText";
export { distinctPriorities, planPriorities, readPriority } from "./priorities";
export type { Priority, PriorityForm } from "./priorities";
export { personKey } from "./rosterIndex";
export { validatePlan } from "./validatePlan";
