/**
 * The jointplan command line: parses arguments, runs one command, and turns every failure into
 * one line on stderr and an exit code (0 done, 1 check found errors, 2 cannot do it).
 */
import { parseArgs } from "./args";
import { helpText } from "./help";
import { CliError, type CliIo } from "./io";
import { terminalLines } from "./terminalText";
import { runCheck } from "./checkCommand";
import { runNew } from "./newCommand";
import { runRag } from "./ragCommand";
import { runReview } from "./reviewCommand";
import { runQuarterlyReview } from "./quarterlyReviewCommand";
import { runNextMonth } from "./nextMonthCommand";
import { runPack } from "./packCommand";

export interface CliInfo {
  version: string;
}

export async function runCli(argv: readonly string[], io: CliIo, info: CliInfo = { version: "unknown" }): Promise<number> {
  const parsed = parseArgs(argv);
  try {
    switch (parsed.kind) {
      case "help":
        io.out(helpText(parsed.command));
        return 0;
      case "version":
        io.out(`jointplan ${info.version}\n`);
        return 0;
      case "error": {
        const where = parsed.command ? `jointplan ${parsed.command}` : "jointplan";
        io.err(terminalLines([`${where}: ${parsed.message} (see '${where} --help')`]));
        return 2;
      }
      case "new":
        return await runNew(parsed.file, parsed.options, io);
      case "check":
        return await runCheck(parsed.file, parsed.options, io);
      case "rag":
        return await runRag(parsed.file, parsed.options, io);
      case "review":
        return await runReview(parsed.file, parsed.out, parsed.options, io);
      case "quarterly-review":
        return await runQuarterlyReview(parsed.file, parsed.out, parsed.options, io);
      case "next-month":
        return await runNextMonth(parsed.file, parsed.out, parsed.options, io);
      case "pack":
        return await runPack(parsed.file, parsed.options, io);
    }
  } catch (e) {
    const where = `jointplan ${parsed.kind}`;
    if (e instanceof CliError) {
      io.err(terminalLines([`${where}: ${e.message}`]));
      return e.exitCode;
    }
    // A bug of ours: still one line, with a way to see the details.
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    io.err(terminalLines([`${where}: unexpected error: ${message} (set JOINTPLAN_DEBUG=1 for details)`]));
    if (process.env.JOINTPLAN_DEBUG && e instanceof Error && e.stack) io.err(terminalLines(e.stack.split("\n")));
    return 2;
  }
}
