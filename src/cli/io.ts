/** What a command may touch of the outside world, so tests run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The clock, for "today" when neither --as-of nor the workbook's Settings give a date. */
  now(): Date;
}

/** A failure with a one-line reason and the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The real process: stdout, stderr and the system clock. */
export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  now: () => new Date(),
};
