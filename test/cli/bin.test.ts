/**
 * The real command, as a child process: bin/jointplan.js compiles build/cli when the sources are
 * newer, then runs; exit codes and streams are what a shell script sees.
 */
import { spawn, spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "jointplan.js");

function jointplan(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  // The first run may compile; that notice is the only stderr line allowed besides errors.
  const err = r.stderr.replace(/^jointplan: compiling the command line \(sources changed\)\.\.\.\n/, "");
  return { code: r.status, out: r.stdout, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "jointplan-bin-"));
  jointplan("--version"); // compile once up front if needed
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bin/jointplan.js", () => {
  it("exits 0 for help and prints the version from package.json", () => {
    const help = jointplan("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage:");
     
    expect(jointplan("--version").out).toBe(`jointplan ${require("../../package.json").version}\n`);
  });

  it("exits 2 with one line and no stack trace for bad arguments and unreadable files", () => {
    for (const args of [["check"], ["check", path.join(dir, "missing.xlsx")], ["rag", "x.xlsx", "--nope"]]) {
      const r = jointplan(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    }
    writeFileSync(path.join(dir, "text.xlsx"), "hello");
    expect(jointplan("check", path.join(dir, "text.xlsx")).err).toBe("jointplan check: text.xlsx is not an Excel workbook (.xlsx)\n");
  });

  it("exits 1 when check finds errors and 0 when the plan is clean, with JSON on stdout", () => {
    const sample = path.join(dir, "sample.xlsx");
    expect(jointplan("new", sample, "--sample", "--as-of", "2026-03-18").code).toBe(0);
    const check = jointplan("check", sample, "--json");
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out).findings.length).toBeGreaterThan(0);
    const blank = path.join(dir, "blank.xlsx");
    expect(jointplan("new", blank).code).toBe(0);
    const clean = jointplan("check", blank);
    expect(clean.code).toBe(0);
    const rag = jointplan("rag", sample, "--json");
    expect(rag.code).toBe(0);
    expect(JSON.parse(rag.out).actions).toHaveLength(20);
  });

  it("ends quietly when its reader closes the pipe early (| head)", async () => {
    const file = path.join(dir, "pipe.xlsx");
    expect(jointplan("new", file, "--sample", "--as-of", "2026-03-18").code).toBe(0);
    const child = spawn(process.execPath, [bin, "rag", file], { cwd: root });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    // The reader is gone before the first line is written, as with a `head` that has had enough.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(err).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
  });
});

describe("bin/jointplan.js output to a full disk", () => {
  (existsSync("/dev/full") ? it : it.skip)("says so in one line and exits 2 (1 would mean 'errors found')", () => {
    const file = path.join(dir, "full.xlsx");
    expect(jointplan("new", file, "--sample", "--as-of", "2026-03-18").code).toBe(0);
    for (const command of ["check", "rag"]) {
      const full = openSync("/dev/full", "w");
      const r = spawnSync(process.execPath, [bin, command, file], { cwd: root, encoding: "utf8", stdio: ["ignore", full, "pipe"], timeout: 120_000 });
      closeSync(full);
      expect({ command, code: r.status, err: r.stderr }).toEqual({ command, code: 2, err: `jointplan ${command}: cannot write the output: the disk is full\n` });
    }
  });
});
