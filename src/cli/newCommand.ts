/**
 * `jointplan new OUT.xlsx`: a plan workbook, empty or with the sample, whose sheets are planned by
 * src/plan/sheets and src/plan/workbook as the add-in's are; this file only turns options into plan data and
 * writes the file. An existing file is never replaced without --force.
 */
import { DEFAULT_SETTINGS, isoFromSerial, serialFromYmd, todaySerial, ymdFromSerial } from "../plan/model";
import { samplePlan } from "../plan/sample";
import { planCachedValues } from "../xlsx/planCachedValues";
import { writeXlsx } from "../xlsx/writeXlsx";
import type { NewOptions } from "./args";
import type { CliIo } from "./io";
import { newJbpHeader, rosterEntries, type Row } from "../plan/sheets";
import { newWorkbook, type NewWorkbookInput } from "../plan/workbook";
import { plural } from "./table";
import { terminalLines } from "./terminalText";
import { writeOutputFile } from "./outputFile";

/** The plan's year and month: --month, else --year (January unless it is this year), else the reference date's. */
export function planPeriod(options: NewOptions, reference: number): { year: number; month: number } {
  if (options.month) return options.month;
  const ref = ymdFromSerial(reference)!;
  if (options.year !== undefined) return { year: options.year, month: options.year === ref.y ? ref.m : 1 };
  return { year: ref.y, month: ref.m };
}

/** What goes in the workbook, from the options: the sample, or empty tables with headers filled in. */
export function newWorkbookInput(options: NewOptions, today: number): NewWorkbookInput {
  const settings = { ...DEFAULT_SETTINGS, asOf: options.asOf ?? null };
  const reference = options.asOf ?? today;
  const { year, month } = planPeriod(options, reference);
  if (options.sample) {
    // The sample is built around a day of its month: the as-of date, or the 18th of the chosen month.
    const inMonth = ymdFromSerial(reference)!;
    const sampleDay = inMonth.y === year && inMonth.m === month ? reference : serialFromYmd(year, month, 18)!;
    const sample = samplePlan(sampleDay);
    const given = (key: "distributor" | "principal" | "market"): Row => (options[key] !== undefined ? { [key]: options[key] } : {});
    return {
      // The sample's own as-of date (its designed colours on any day), unless --as-of was given.
      settings: options.asOf !== undefined ? settings : sample.settings,
      roster: rosterEntries(sample.roster),
      jbp: { header: { ...sample.jbp.header, ...given("distributor"), ...given("principal"), ...given("market") }, objectives: sample.jbp.objectives },
      jap: { header: { ...sample.jap.header, ...given("distributor") }, actions: sample.jap.actions },
    };
  }
  return {
    settings,
    roster: [],
    jbp: {
      header: newJbpHeader(year, options),
      objectives: [],
    },
    jap: { header: { distributor: options.distributor ?? "", month: serialFromYmd(year, month, 1) }, actions: [] },
  };
}

export async function runNew(file: string, options: NewOptions, io: CliIo): Promise<number> {
  const today = todaySerial(io.now());
  const input = newWorkbookInput(options, today);
  const wb = newWorkbook({ ...input, today });
  const specs = wb.specs;
  // The formula cells (the Meeting pack's too) carry the engine's values as cached values, for Protected View and previewers.
  const { bytes, skippedCharts } = await writeXlsx(specs, [], { cachedValues: { ...planCachedValues(specs, today), ...wb.packCells } });
  await writeOutputFile(file, bytes, options.force);
  const contents = options.sample
    ? ` with the sample plan (${plural(input.jap.actions.length, "action")}, ${plural(input.jbp.objectives.length, "objective")}, ${plural(input.roster.length, "person", "people")})`
    : "";
  const set = input.settings.asOf;
  const asOf =
    set === null ? "; as-of date blank (today)" : `; as-of date ${isoFromSerial(set)}${options.asOf === undefined ? " (the sample's day: clear it in Settings to judge at today's date)" : ""}`;
  const lines = [`Wrote ${file}: ${specs.map((s) => s.sheetName).join(", ")}${contents}${asOf}.`];
  if (skippedCharts.length > 0) lines.push(`Note: not written (jointplan cannot write this chart type): ${skippedCharts.join(", ")}.`);
  io.out(terminalLines(lines));
  return 0;
}
