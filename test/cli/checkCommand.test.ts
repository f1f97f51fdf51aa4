import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { columnIndex, JAP } from "../../src/plan/layouts";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";
import type { FindingJson } from "../../src/cli/findingsOutput";
import { DUE_OF_A11, HOSTILE_AS_OF, TYPED_OWNERS, typedNamesBytes } from "./hostileWorkbooks";
import { cli } from "./runCli";


describe("check: names as people type them, and error values in date cells", () => {
  let dir: string;
  let file: string;
  let findings: FindingJson[];
  let cellOf: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-names-"));
    file = path.join(dir, "typed.xlsx");
    writeFileSync(file, await typedNamesBytes());
    findings = JSON.parse((await cli("check", file, "--json", "--as-of", HOSTILE_AS_OF)).out).findings;
    // Each action's Owner cell, found by its ID as a user would.
    const wb = await loadWorkbook(file);
    const jap = wb.getWorksheet("JAP")!;
    cellOf = {};
    jap.eachRow((row) => {
      const id = row.getCell(1).value;
      if (typeof id === "string" && TYPED_OWNERS[id]) cellOf[id] = row.getCell(columnIndex(JAP, "owner") + 1).address;
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("matches each owner to the Roster, says what differs, and repairs to the Roster's spelling", () => {
    expect(Object.keys(cellOf).sort()).toEqual(Object.keys(TYPED_OWNERS).sort());
    for (const [id, typed] of Object.entries(TYPED_OWNERS)) {
      const own = findings.filter((f) => f.sheet === "JAP" && f.cell === cellOf[id] && f.rule.startsWith("owner."));
      expect({ id, rules: own.map((f) => f.rule) }).toEqual({ id, rules: ["owner.spelling"] });
      expect({ id, message: own[0].message }).toEqual({ id, message: expect.stringContaining(typed.says) });
      expect(own[0].repair?.value).toEqual(id === "A-07" ? "İlker Yıldız" : typed.owner.normalize("NFC").replace(/[\u200b\u200f]/g, "").replace("\u00a0", " "));
    }
  });

  it("the text listing names the hidden characters and shows them escaped", async () => {
    const run = await cli("check", file, "--as-of", HOSTILE_AS_OF);
    expect(run.out).toContain("Owner 'Ana Silva<U+200B>' has an invisible character (U+200B ZERO WIDTH SPACE) at the end");
    expect(run.out).toContain("Owner '<U+200F>Sofía Castro' has an invisible character (U+200F RIGHT-TO-LEFT MARK) at the start");
    expect(run.out).toContain("repair: Use the Roster's spelling");
  });

  // The cached error of a formula in a date-formatted cell is read as the error it is.
  it("says which error a date cell shows (#N/A from =NA(), not #VALUE!)", () => {
    const due = findings.find((f) => f.cell === DUE_OF_A11 && f.rule === "date.notADate");
    expect(due?.message).toBe("Due shows the error #N/A. Type a date such as 2026-03-05.");
  });
});
