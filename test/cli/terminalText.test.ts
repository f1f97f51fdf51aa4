import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { loadWorkbook } from "../../src/xlsx/rewriteWorkbook";
import { terminalJson, terminalLines, terminalText } from "../../src/cli/terminalText";
import { HOSTILE, HOSTILE_AS_OF, hostileSampleBytes } from "./hostileWorkbooks";
import { cli, expectOneLineError } from "./runCli";

/**
 * What must never reach a terminal raw, written out independently of the module under test:
 * C0 (but the listing's own line breaks), DEL, C1, bidi controls and the invisible ones.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;

describe("terminalText", () => {
  it("shows every control, bidi and invisible character as <U+XXXX> and leaves other text alone", () => {
    expect(terminalText("\u001b[2J\u001b]0;t\u0007")).toBe("<U+001B>[2J<U+001B>]0;t<U+0007>");
    expect(terminalText("a\u009bb\u0085c\u007f")).toBe("a<U+009B>b<U+0085>c<U+007F>");
    expect(terminalText("x\u202ey\u2066z\u200e\u200f\u061c")).toBe("x<U+202E>y<U+2066>z<U+200E><U+200F><U+061C>");
    expect(terminalText("Ana\u200b\ufeff\u2060\u00ad")).toBe("Ana<U+200B><U+FEFF><U+2060><U+00AD>");
    expect(terminalText("line\nbreak\ttab\r")).toBe("line<U+000A>break<U+0009>tab<U+000D>");
    // Accents, CJK, Arabic, emoji with joiners, and plain ASCII punctuation stay as they are.
    for (const ok of ["Laura Méndez", "İlker Işık", "王小明", "محمد", "👩‍👩‍👧", "C:\\plans\\<U+0041>", "50 % of €1,200"]) expect(terminalText(ok)).toBe(ok);
  });

  it("makes each given line one printed line", () => {
    expect(terminalLines(["first", "a\nb"])).toBe("first\na<U+000A>b\n");
  });

  it("keeps JSON valid and equal to the original strings, with C1 and bidi controls as \\u escapes", () => {
    const value = { s: "\u001b[2J \u009b2J \u202eevil \u2028 é", n: [1, null] };
    const json = terminalJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).toContain("\\u001b[2J \\u009b2J \\u202eevil \\u2028 é");
    expect(json.replace(/\n/g, "")).not.toMatch(RAW_CONTROL);
    expect(json.endsWith("}\n")).toBe(true);
  });
});

describe("hostile text stored in a workbook", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "jointplan-hostile-"));
    file = path.join(dir, "hostile.xlsx");
    writeFileSync(file, await hostileSampleBytes());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the fixture holds the characters themselves, as a reader sees them", async () => {
    const wb = await loadWorkbook(file);
    const texts = wb.getWorksheet("JAP")!.getSheetValues().flat(2).filter((v): v is string => typeof v === "string");
    for (const h of [HOSTILE.clearAndTitle, HOSTILE.fakeAllClear, HOSTILE.c1, HOSTILE.bidi, HOSTILE.lineBreak]) expect(texts).toContain(h.read);
  });

  it("check and rag listings print the escapes, never the characters", async () => {
    const check = await cli("check", file);
    const rag = await cli("rag", file);
    for (const run of [check, rag]) {
      expect(run.err).toBe("");
      expect(run.out).not.toMatch(RAW_CONTROL);
    }
    expect(rag.out).toContain("<U+001B>[2J<U+001B>[H<U+001B>]0;pwned<U+0007>A-01");
    expect(rag.out).toContain("A-02<U+009B>2J");
    expect(rag.out).toContain("Budget approved<U+000D><U+001B>[2KAll clear: no findings");
    expect(check.out).toContain("Ana Silva<U+202E>avliS anA");
    expect(check.out).toContain("Carlos<U+000A><U+0009>Rojas");
    // Every action is still one line: the listing's row count is the plan's.
    expect(rag.out.split("\n").filter((l) => /^ {2}\S.* (Red|Amber|Green|Grey) /.test(l)).length).toBe(20 + 5);
  });

  it("JSON output keeps the exact texts and shows no raw control character", async () => {
    const rag = await cli("rag", file, "--json");
    expect(rag.out.replace(/\n/g, "")).not.toMatch(RAW_CONTROL);
    const ids = (JSON.parse(rag.out).actions as { id: string }[]).map((a) => a.id);
    expect(ids).toContain(HOSTILE.clearAndTitle.read);
    expect(ids).toContain(HOSTILE.c1.read);
    const check = await cli("check", file, "--json", "--as-of", HOSTILE_AS_OF);
    expect(check.out.replace(/\n/g, "")).not.toMatch(RAW_CONTROL);
    const messages = (JSON.parse(check.out).findings as { message: string }[]).map((f) => f.message).join("\n");
    expect(messages).toContain(HOSTILE.bidi.read);
  });

  it("a file name with control characters stays one escaped line in errors and in `new`", async () => {
    const name = path.join(dir, "plan\u001b[2J\nAll clear.xlsx");
    const missing = await cli("check", name);
    expectOneLineError(missing);
    expect(missing.err).toContain("plan<U+001B>[2J<U+000A>All clear.xlsx");
    const made = await cli("new", name, "--as-of", HOSTILE_AS_OF);
    expect(made.code).toBe(0);
    expect(made.out).not.toMatch(RAW_CONTROL);
    expect(made.out).toContain("plan<U+001B>[2J<U+000A>All clear.xlsx");
    const bad = await cli("rag", file, "--as-of", "\u001b[2J");
    expectOneLineError(bad);
    expect(bad.err).toContain("'<U+001B>[2J'");
  });
});
