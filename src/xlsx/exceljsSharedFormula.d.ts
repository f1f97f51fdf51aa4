/** ExcelJS's own shift of a formula from one cell to another: what it gives back for a shared formula's cell when it reads a file. */
declare module "exceljs/lib/utils/shared-formula" {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}
