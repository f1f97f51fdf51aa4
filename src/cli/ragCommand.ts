/** `jointplan rag IN.xlsx`: the colour of every action and objective, and the roll-ups. */
import * as path from "path";
import type { ReportOptions } from "./args";
import { countFindings } from "./findingsOutput";
import type { CliIo } from "./io";
import { japsJson } from "./japsJson";
import { loadPlan } from "./loadPlan";
import { ragJson, ragText } from "./ragOutput";
import { plural } from "./table";
import { terminalJson, terminalLines } from "./terminalText";

export async function runRag(file: string, options: ReportOptions, io: CliIo): Promise<number> {
  const result = await loadPlan(file, options, io);
  if (options.json) {
    io.out(terminalJson(ragJson(result.rag, result.asOf, japsJson(result.plan))));
    return 0;
  }
  io.out(ragText(result.rag, result.asOf, path.basename(file)));
  const { errors } = countFindings(result.findings);
  // A colour computed from faulty data deserves a pointer to the faults.
  if (errors > 0) io.out(terminalLines(["", `${plural(errors, "error")} in the plan may affect these colours: run 'jointplan check ${file}'.`]));
  return 0;
}
