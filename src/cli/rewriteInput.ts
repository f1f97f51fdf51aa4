/**
 * The first half of the commands that write an edited copy of their input (`review`, `next-month`):
 * the input read once and checked (a readable plan, not the output file itself), and what a rewrite
 * would lose said in one line before anything is written. ExcelJS writes a package anew from what
 * it models, so a chart, a pivot table or macros would be gone from OUT.xlsx: that needs
 * --allow-loss. The files jointplan writes itself go through: the RAG Summary's own charts are
 * written again (src/xlsx/ownCharts.ts), a chart the user added anywhere is a loss.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckResult, SheetGrid } from "../plan/model";
import { partsLostOnRewrite } from "../xlsx/packageInventory";
import { readFileBytes, WorkbookReadError } from "../xlsx/readXlsx";
import { lossSummary } from "../xlsx/rewriteLosses";
import type { RewriteOptions } from "./args";
import { CliError, type CliIo } from "./io";
import { loadPlanFile } from "./loadPlan";

export interface RewriteInput {
  bytes: Buffer;
  grids: SheetGrid[];
  result: CheckResult;
  /** "charts (1) would be lost" given --allow-loss, for the closing note; null when nothing is. */
  lost: string | null;
}

/** OUT.xlsx reached by another path (a link, "./" …) is still the input: refused. */
async function refuseSameFile(file: string, out: string): Promise<void> {
  const [a, b] = await Promise.all([fs.stat(file).catch(() => null), fs.stat(out).catch(() => null)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw new CliError(`${out} is the input file ${file}: jointplan never writes its input; give another output file`);
}

export async function readForRewrite(file: string, out: string, options: RewriteOptions, io: CliIo): Promise<RewriteInput> {
  await refuseSameFile(file, out);
  let bytes: Buffer;
  try {
    bytes = await readFileBytes(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new CliError(e.message, 2);
    throw e;
  }
  const { result, grids } = await loadPlanFile(file, {}, io, bytes);
  const name = path.basename(file);
  const losses = await partsLostOnRewrite(bytes, name).catch((e: unknown) => {
    if (e instanceof WorkbookReadError) throw new CliError(e.message, 2);
    throw e;
  });
  const lost = losses.length > 0 ? lossSummary(losses) : null;
  if (lost && !options.allowLoss) throw new CliError(`${name}: ${lost} in ${path.basename(out)} (jointplan cannot write them back): give --allow-loss to write it without them`, 2);
  return { bytes, grids, result, lost };
}
