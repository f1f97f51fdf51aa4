/**
 * Preloaded (node -r) into a process a benchmark measures: at exit it writes the process's peak
 * resident memory to stderr as one line "PEAK_RSS_KB <n>". On Linux that is VmHWM of
 * /proc/self/status: getrusage's maxRSS would count the parent's memory too, which the child's
 * address space held between fork and exec. Plain JavaScript, so that the measured process loads
 * nothing else (no TypeScript compiler).
 */
"use strict";
const fs = require("fs");

function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: the kernel's maxRSS, which may include the parent's share.
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => {
  process.stderr.write(`\nPEAK_RSS_KB ${peakKb()}\n`);
});
