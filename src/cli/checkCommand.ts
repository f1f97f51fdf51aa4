/** `jointplan check IN.xlsx`: every finding; exit 1 when any is an error. */
import * as path from "path";
import { currentPlan, isoFromSerial, planRowCounts } from "../plan/model";
import type { ReportOptions } from "./args";
import { countFindings, findingsJson, findingsText } from "./findingsOutput";
import type { CliIo } from "./io";
import { japsJson } from "./japsJson";
import { loadPlan } from "./loadPlan";
import { terminalJson } from "./terminalText";

export async function runCheck(file: string, options: ReportOptions, io: CliIo): Promise<number> {
  const result = await loadPlan(file, options, io);
  if (options.json) {
    io.out(terminalJson({ ...findingsJson(result.findings), japs: japsJson(result.plan) }));
  } else {
    io.out(
      findingsText(result.findings, {
        file: path.basename(file),
        asOf: isoFromSerial(result.asOf),
        // The headline counts the current JAPs: earlier months are history.
        ...planRowCounts(currentPlan(result.plan)),
      }),
    );
  }
  return countFindings(result.findings).errors > 0 ? 1 : 0;
}
