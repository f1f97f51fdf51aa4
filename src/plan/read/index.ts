/**
 * Grids to a plan workbook: tables found by their headers on any sheet, rows parsed into the model.
 * Never throws on a cell: what cannot be read is a finding.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { ambiguousFinding, dateRepair } from "./dateFindings";
export { columnKeyMap, findTables, gridCell, headerKey, origin } from "./findTables";
export { READ_LAYOUTS, readPlan } from "./readPlan";
export type { PlanReadOptions } from "./readPlan";
