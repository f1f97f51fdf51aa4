/**
 * A whole new workbook (`jointplan new`): the plan's sheets and the RAG Summary over them.
 *
 * What the rest of the code may use; inside the room, files import each other directly.
 */
export { newWorkbook, newWorkbookSpecs } from "./newWorkbook";
export type { NewWorkbook, NewWorkbookInput } from "./newWorkbook";
export { formulaValues } from "./formulaValues";
export type { FormulaValuesOptions, WorkbookFormulas } from "./formulaValues";
