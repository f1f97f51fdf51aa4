/** `jointplan next-month IN.xlsx OUT.xlsx`: not built yet in this commit (the next one builds it). */
import type { RewriteOptions } from "./args";
import { CliError, type CliIo } from "./io";

export function runNextMonth(_file: string, _out: string, _options: RewriteOptions, _io: CliIo): Promise<number> {
  return Promise.reject(new CliError("next-month is not available yet", 2));
}
