/**
 * `jointplan new OUT.xlsx`: a plan workbook, empty or with the sample, whose sheets are planned by
 * src/plan/sheets and src/plan/workbook as the add-in's are; this file only turns options into plan data and
 * writes the file. An existing file is never replaced without --force.
 */
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import { DEFAULT_SETTINGS, isoFromSerial, serialFromYmd, todaySerial, ymdFromSerial } from "../plan/model";
import { samplePlan } from "../plan/sample";
import { ragCachedValues } from "../xlsx/ragCachedValues";
import { writeXlsx } from "../xlsx/writeXlsx";
import type { NewOptions } from "./args";
import { CliError, type CliIo } from "./io";
import { newJbpHeader, rosterEntries, type Row } from "../plan/sheets";
import { newWorkbook, type NewWorkbookInput } from "../plan/workbook";
import { plural } from "./table";
import { terminalLines } from "./terminalText";
import { writeFailureReason } from "./writeFailure";

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

/**
 * Writes the workbook without ever leaving half a file: the bytes go to a temporary file beside
 * OUT.xlsx, which then becomes OUT.xlsx in one step (a rename with --force, which replaces the old
 * plan only once the new one is whole; a hard link without it, which fails if OUT.xlsx appeared
 * meanwhile, so a plan is never replaced by accident). A full disk loses nothing, and says so.
 */
async function writeFile(file: string, bytes: Buffer, force: boolean): Promise<void> {
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError(`${file} already exists: give --force to replace it`);
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(`Cannot write ${file}: the folder ${path.dirname(file)} does not exist`);
    throw new CliError(`Cannot write ${file}: ${writeFailureReason(e)}`);
  };
  const existing = await fs.stat(file).catch(() => null);
  if (existing && !force) fail(Object.assign(new Error("exists"), { code: "EEXIST" }));
  if (existing?.isDirectory()) fail(Object.assign(new Error("folder"), { code: "EISDIR" }));
  // A device or a pipe (/dev/stdout, a FIFO) is written in place: there is no file to replace.
  if (existing && !existing.isFile()) return void (await fs.writeFile(file, bytes).catch(fail));
  // A plan reached through a symbolic link is replaced where it really is; the link stays.
  const target = existing ? await fs.realpath(file).catch(() => file) : file;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    if (existing) await fs.chmod(temp, existing.mode & 0o7777).catch(() => undefined);
    if (force) await fs.rename(temp, target);
    else await linkOnce(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    fail(e);
  }
  await fs.rm(temp, { force: true }).catch(() => undefined);
}

/** Makes `temp` appear as `file` unless `file` exists; where the disk has no hard links, by an exclusive copy. */
async function linkOnce(temp: string, file: string): Promise<void> {
  try {
    await fs.link(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
    try {
      await fs.copyFile(temp, file, fsConstants.COPYFILE_EXCL);
    } catch (copyError) {
      // Only a copy that we started may be removed: EEXIST means the file is someone else's.
      if ((copyError as NodeJS.ErrnoException).code !== "EEXIST") await fs.rm(file, { force: true }).catch(() => undefined);
      throw copyError;
    }
  }
}

export async function runNew(file: string, options: NewOptions, io: CliIo): Promise<number> {
  const today = todaySerial(io.now());
  const input = newWorkbookInput(options, today);
  const wb = newWorkbook({ ...input, today });
  const specs = wb.specs;
  // The RAG columns and the Meeting pack carry the engine's values as cached values, for Protected View and previewers.
  const { bytes, skippedCharts } = await writeXlsx(specs, [], { cachedValues: { ...ragCachedValues(specs, today), ...wb.packCells } });
  await writeFile(file, bytes, options.force);
  const contents = options.sample
    ? ` with the sample plan (${plural(input.jap.actions.length, "action")}, ${plural(input.jbp.objectives.length, "objective")}, ${plural(input.roster.length, "person", "people")})`
    : "";
  const set = input.settings.asOf;
  const asOf =
    set === null ? "; as-of date blank (today)" : `; as-of date ${isoFromSerial(set)}${options.asOf === undefined ? " (the sample's day: clear it in Settings to judge at today's date)" : ""}`;
  const lines = [`Wrote ${file}: ${specs.map((s) => s.sheetName).join(", ")}${contents}${asOf}.`];
  if (skippedCharts.length > 0) lines.push("Note: the RAG Summary chart is not in files written by jointplan; the add-in draws it.");
  io.out(terminalLines(lines));
  return 0;
}
