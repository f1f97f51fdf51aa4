/** Runs the CLI in-process with captured output and a fixed clock. */
import { runCli } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** 2026-03-18 at noon, local time. */
export const FIXED_NOW = new Date(2026, 2, 18, 12, 0, 0);

export async function cli(...argv: string[]): Promise<CliRun> {
  return cliAt(FIXED_NOW, ...argv);
}

/** The CLI run on another day. */
export async function cliAt(now: Date, ...argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t), now: () => now }, { version: "9.9.9" });
  return { code, out, err };
}

/** Every failure is one line on stderr and nothing that looks like a stack trace. */
export function expectOneLineError(run: CliRun, code = 2): void {
  expect(run.code).toBe(code);
  expect(run.out).toBe("");
  expect(run.err.endsWith("\n")).toBe(true);
  expect(run.err.trimEnd().split("\n")).toHaveLength(1);
  expect(run.err).not.toMatch(/\n\s+at /);
}
