/** The process entry (bin/jointplan.js loads the compiled copy): runs the CLI and sets the exit code. */
import { processIo } from "./io";
import { runCli } from "./main";

export async function main(argv: string[], version: string): Promise<void> {
  process.exitCode = await runCli(argv, processIo, { version });
}
