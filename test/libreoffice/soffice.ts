/**
 * LibreOffice as a formula engine: converts .xlsx files to .xlsx with a fresh profile that makes
 * Calc recalculate every formula on load (it trusts the cached results otherwise), so the cached
 * results in the output are LibreOffice's own. Many files go through one soffice call (~1 s each).
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const candidates = [process.env.SOFFICE, "soffice", "libreoffice"].filter((c): c is string => !!c);
  for (const c of candidates) {
    const r = spawnSync(c, ["--version"], { encoding: "utf8", timeout: 60_000 });
    if (r.status === 0) return c;
  }
  return null;
}

/** A fresh user profile whose settings make Calc recalculate on load; returns its file: URL. */
export function makeRecalcProfile(dir: string): string {
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  return "file://" + path.resolve(dir);
}

/**
 * Has LibreOffice open and save each file as .xlsx into outDir (recalculating on load);
 * returns the output paths in input order. Throws with soffice's output when a file is missing.
 */
export function recalculate(soffice: string, files: string[], outDir: string): string[] {
  const profileDir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-profile-"));
  try {
    mkdirSync(outDir, { recursive: true });
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=${makeRecalcProfile(profileDir)}`,
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...files,
    ];
    const log = execFileSync(soffice, args, { encoding: "utf8", timeout: 300_000, stdio: ["ignore", "pipe", "pipe"] });
    const outputs = files.map((f) => path.join(outDir, path.basename(f)));
    const missing = outputs.filter((o) => !existsSync(o));
    if (missing.length) throw new Error(`LibreOffice did not write ${missing.join(", ")}:\n${log}`);
    return outputs;
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * Has LibreOffice print each file to PDF into outDir (recalculating on load, as `recalculate`),
 * with each sheet's own page setup; returns the PDF paths in input order.
 */
export function printToPdf(soffice: string, files: string[], outDir: string): string[] {
  const profileDir = mkdtempSync(path.join(tmpdir(), "jointplan-lo-profile-"));
  try {
    mkdirSync(outDir, { recursive: true });
    const args = ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=${makeRecalcProfile(profileDir)}`, "--convert-to", "pdf", "--outdir", outDir, ...files];
    const log = execFileSync(soffice, args, { encoding: "utf8", timeout: 300_000, stdio: ["ignore", "pipe", "pipe"] });
    const outputs = files.map((f) => path.join(outDir, path.basename(f).replace(/\.xlsx$/i, ".pdf")));
    const missing = outputs.filter((o) => !existsSync(o));
    if (missing.length) throw new Error(`LibreOffice did not print ${missing.join(", ")}:\n${log}`);
    return outputs;
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/**
 * describe() when LibreOffice is present. Missing in CI is a failure; locally the suite is
 * skipped with a loud message, because developers may not have LibreOffice installed.
 */
export function describeWithSoffice(title: string, body: (soffice: string) => void): void {
  const soffice = findSoffice();
  if (soffice) {
    describe(title, () => body(soffice));
    return;
  }
  if (process.env.CI && process.env.CI !== "false") {
    describe(title, () => {
      it("needs LibreOffice (soffice) on the PATH", () => {
        throw new Error("soffice not found: install libreoffice-calc-nogui (CI=true, so this suite must run)");
      });
    });
    return;
  }
  console.warn(`\n*** ${title}: SKIPPED, soffice not found. Install libreoffice-calc-nogui to run it. ***\n`);
  describe.skip(title, () => body("soffice"));
}
