/** The process entry (bin/jointplan.js loads the compiled copy): runs the CLI and sets the exit code. */
import { processIo } from "./io";
import { runCli } from "./main";

export async function main(argv: string[], version: string): Promise<void> {
  // A reader that stops early (`jointplan rag plan.xlsx | head`) closes the pipe: that is not a
  // failure of ours, so end quietly, as Unix tools do, rather than with a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await runCli(argv, processIo, { version });
}
