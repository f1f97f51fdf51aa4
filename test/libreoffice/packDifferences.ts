/**
 * A Meeting pack as LibreOffice recalculated it against the engine: every formula cell of the pack
 * (packValues over packFigures of the plan as the recalculated file reads back), as a list of
 * differences. Shared by the pack's and the year of cycles' LibreOffice tests.
 */
import { type CellValue, isoFromSerial, parseCellA1, type SheetGrid } from "../../src/plan/model";
import { checkWorkbook } from "../../src/plan/rules";
import { type MeetingPack, packFigures, packReviewLog, packSubjects, packValues } from "../../src/plan/pack";

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";
function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (blank(a) && blank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
const show = (v: CellValue | undefined): string => (v === null || v === undefined ? "blank" : typeof v === "object" ? v.error : typeof v === "number" && v > 30000 && v < 80000 && Number.isInteger(v) ? `${v} (${isoFromSerial(v)})` : JSON.stringify(v));

/** Every formula cell of the pack against the engine, as read back from LibreOffice's file. */
export function differences(grids: SheetGrid[], pack: MeetingPack, asOf: number): { diffs: string[]; compared: number } {
  const result = checkWorkbook(grids, { today: asOf });
  const subject = packSubjects(result.plan, packReviewLog(grids, result.plan).rows).find((s) => s.jap.position.sheet === pack.subject.jap.position.sheet)!;
  const expected = packValues(pack.layout, packFigures(result.plan, subject, result.asOf, pack.input));
  const grid = grids.find((g) => g.name === pack.spec.sheetName)!;
  const diffs: string[] = [];
  let compared = 0;
  for (const [address, want] of Object.entries(expected)) {
    const p = parseCellA1(address)!;
    const got = grid.values[p.row]?.[p.col] ?? null;
    compared++;
    if (!same(got, want)) diffs.push(`${address}: LibreOffice ${show(got)}, engine ${show(want)}`);
  }
  return { diffs, compared };
}

