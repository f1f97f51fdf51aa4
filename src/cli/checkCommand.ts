/** `jointplan check IN.xlsx`: every finding; exit 1 when any is an error. */
import * as path from "path";
import { isoFromSerial } from "../plan/model/serialDate";
import type { ReadOptions } from "./args";
import { countFindings, findingsJson, findingsText } from "./findingsOutput";
import type { CliIo } from "./io";
import { loadPlan } from "./loadPlan";

export async function runCheck(file: string, options: ReadOptions, io: CliIo): Promise<number> {
  const result = await loadPlan(file, options, io);
  if (options.json) {
    io.out(JSON.stringify(findingsJson(result.findings), null, 2) + "\n");
  } else {
    io.out(
      findingsText(result.findings, {
        file: path.basename(file),
        asOf: isoFromSerial(result.asOf),
        actions: result.plan.japs.reduce((n, j) => n + j.actions.length, 0),
        objectives: result.plan.jbps.reduce((n, j) => n + j.objectives.length, 0),
      }),
    );
  }
  return countFindings(result.findings).errors > 0 ? 1 : 0;
}
