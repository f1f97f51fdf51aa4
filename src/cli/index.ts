/** The process entry (bin/jointplan.js loads the compiled copy): runs the CLI and sets the exit code. */
import { COMMANDS } from "./args";
import { processIo } from "./io";
import { runCli } from "./main";
import { terminalLines } from "./terminalText";
import { writeFailureReason } from "./writeFailure";

export async function main(argv: string[], version: string): Promise<void> {
  const where = COMMANDS.includes(argv[0] as (typeof COMMANDS)[number]) ? `jointplan ${argv[0]}` : "jointplan";
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`jointplan rag plan.xlsx | head`) closes the pipe: that is not a
    // failure of ours, so end quietly, as Unix tools do, rather than with a stack trace.
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // Output redirected to a full disk (or a closed device): the listing is lost, so exit 2, in one line.
    process.stderr.write(terminalLines([`${where}: cannot write the output: ${writeFailureReason(error)}`]));
    process.exit(2);
  });
  process.exitCode = await runCli(argv, processIo, { version });
}
