import { parseArgs, PLAN_DATES } from "../../src/cli/args";
import { DATE_RULE } from "../../src/plan/layouts";
import { SETTINGS_ROWS } from "../../src/plan/layouts";
import { serialFromIso } from "../../src/plan/model";

describe("parseArgs", () => {
  it("gives overall help for nothing, help, --help and -h", () => {
    for (const argv of [[], ["help"], ["--help"], ["-h"]]) expect(parseArgs(argv)).toEqual({ kind: "help" });
  });

  it("gives a command's help from 'help CMD' and 'CMD --help', even after other flags", () => {
    expect(parseArgs(["help", "check"])).toEqual({ kind: "help", command: "check" });
    expect(parseArgs(["rag", "--help"])).toEqual({ kind: "help", command: "rag" });
    expect(parseArgs(["new", "x.xlsx", "--sample", "-h"])).toEqual({ kind: "help", command: "new" });
  });

  it("parses check and rag with --json and --as-of in both spellings", () => {
    expect(parseArgs(["check", "in.xlsx"])).toEqual({ kind: "check", file: "in.xlsx", options: { json: false, asOf: undefined } });
    expect(parseArgs(["rag", "--json", "in.xlsx", "--as-of", "2026-03-18"])).toEqual({
      kind: "rag",
      file: "in.xlsx",
      options: { json: true, asOf: 46099 },
    });
    expect(parseArgs(["check", "--as-of=2026-03-18", "in.xlsx"])).toMatchObject({ options: { asOf: 46099 } });
    expect(parseArgs(["check", "in.xlsx", "--date-order", "MDY"])).toMatchObject({ options: { dateOrder: "MDY" } });
    expect(parseArgs(["rag", "--date-order=dmy", "in.xlsx"])).toMatchObject({ options: { dateOrder: "DMY" } });
  });

  it("parses every option of new", () => {
    const parsed = parseArgs(["new", "out.xlsx", "--sample", "--distributor", "  Andes SA ", "--principal", "Northwind", "--market", "Peru", "--year", "2026", "--month", "2026-04", "--as-of", "2026-04-02", "--force"]);
    expect(parsed).toEqual({
      kind: "new",
      file: "out.xlsx",
      options: { sample: true, force: true, distributor: "Andes SA", principal: "Northwind", market: "Peru", year: 2026, month: { year: 2026, month: 4 }, asOf: 46114 },
    });
  });

  it("accepts the first and last dates and years a plan's sheets accept, and a name of exactly 32,767 characters", () => {
    expect(parseArgs(["new", "p.xlsx", "--as-of", "2000-01-01"])).toMatchObject({ options: { asOf: PLAN_DATES.first } });
    expect(parseArgs(["new", "p.xlsx", "--as-of", "2099-12-31", "--year", "2099"])).toMatchObject({ options: { asOf: PLAN_DATES.last, year: 2099 } });
    expect(parseArgs(["new", "p.xlsx", "--distributor", "d".repeat(32_767)])).toMatchObject({ kind: "new" });
  });

  it("takes its date range from the workbook's own date validation", () => {
    const date = (formula: string): number | null => {
      const m = /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(formula);
      return m ? serialFromIso(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`) : null;
    };
    const asOfRule = SETTINGS_ROWS.find((r) => r.key === "asOf")!.validation!;
    for (const rule of [DATE_RULE, asOfRule]) {
      if (rule.type !== "date") throw new Error("expected a date rule");
      expect([date(rule.formula1), date(rule.formula2 ?? "")]).toEqual([PLAN_DATES.first, PLAN_DATES.last]);
    }
  });

  it("takes a file that starts with a dash after --", () => {
    expect(parseArgs(["check", "--", "-odd.xlsx"])).toMatchObject({ kind: "check", file: "-odd.xlsx" });
  });

  it.each([
    [["frobnicate"], "Unknown command 'frobnicate'"],
    [["--json"], "Unknown option '--json' (give a command first: new, check, rag, pack, review, quarterly-review or next-month)"],
    [["help", "frob"], "Unknown command 'frob'"],
    [["check", "in.xlsx", "--sample"], "Unknown option '--sample' for 'check'"],
    [["check", "in.xlsx", "--as-of=2026-02-30"], "--as-of must be a real date as YYYY-MM-DD, not '2026-02-30'"],
    [["check", "in.xlsx", "--as-of", "18/03/2026"], "--as-of must be a real date as YYYY-MM-DD, not '18/03/2026'"],
    [["check", "in.xlsx", "--as-of"], "Option --as-of needs a value (YYYY-MM-DD)"],
    [["check", "in.xlsx", "--date-order", "YMD"], "--date-order must be DMY (day first) or MDY (month first), not 'YMD'"],
    [["new", "out.xlsx", "--date-order", "MDY"], "Unknown option '--date-order' for 'new'"],
    [["check", "in.xlsx", "--as-of", "--json"], "Option --as-of needs a value (YYYY-MM-DD)"],
    [["check", "in.xlsx", "--json=yes"], "Option --json takes no value"],
    [["check", "in.xlsx", "--json", "--json"], "Option --json is given twice"],
    [["check"], "Missing IN.xlsx: jointplan check IN.xlsx"],
    [["rag", "a.xlsx", "b.xlsx"], "Unexpected argument 'b.xlsx': 'rag' takes one file"],
    [["new"], "Missing OUT.xlsx: jointplan new OUT.xlsx"],
    [["new", "plan.xls"], "The output file must end in .xlsx, not 'plan.xls'"],
    [["new", "p.xlsx", "--year", "26"], "--year must be a year from 2000 to 2099, not '26'"],
    [["new", "p.xlsx", "--year", "2100"], "--year must be a year from 2000 to 2099, not '2100'"],
    [["new", "p.xlsx", "--month", "2026-13"], "--month must be YYYY-MM from 2000-01 to 2099-12 (e.g. 2026-03), not '2026-13'"],
    [["new", "p.xlsx", "--month", "1999-12"], "--month must be YYYY-MM from 2000-01 to 2099-12 (e.g. 2026-03), not '1999-12'"],
    [["new", "p.xlsx", "--as-of", "1900-02-29"], "--as-of must be a date from 2000-01-01 to 2099-12-31 (the dates a plan's sheets accept), not '1900-02-29'"],
    [["new", "p.xlsx", "--as-of", "9999-12-31"], "--as-of must be a date from 2000-01-01 to 2099-12-31 (the dates a plan's sheets accept), not '9999-12-31'"],
    [["new", "p.xlsx", "--as-of", "1999-12-31"], "--as-of must be a date from 2000-01-01 to 2099-12-31 (the dates a plan's sheets accept), not '1999-12-31'"],
    [["rag", "p.xlsx", "--as-of", "2100-01-01"], "--as-of must be a date from 2000-01-01 to 2099-12-31 (the dates a plan's sheets accept), not '2100-01-01'"],
    [["new", "p.xlsx", "--distributor", "x".repeat(40_000)], "--distributor is 40,000 characters long: A cell holds at most 32,767 characters (Excel's limit)"],
    [["new", "p.xlsx", "--principal", "é".repeat(32_768)], "--principal is 32,768 characters long: A cell holds at most 32,767 characters (Excel's limit)"],
    [["new", "p.xlsx", "--market", "m".repeat(32_768)], "--market is 32,768 characters long: A cell holds at most 32,767 characters (Excel's limit)"],
    [["new", "p.xlsx", "--year", "2026", "--month", "2027-01"], "--month 2027-01 is not in --year 2026"],
    [["new", "p.xlsx", "--distributor", " "], "--distributor needs a name"],
  ])("rejects %j with one clear line", (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe("error");
    expect(parsed.kind === "error" && parsed.message).toBe(message);
  });
});


describe("parseArgs for the commands that write a copy of their input", () => {
  it("parses review with its date, repeated comments (text kept exactly) and switches", () => {
    expect(parseArgs(["review", "in.xlsx", "out.xlsx", "--date", "2026-03-18", "--comment", "A-01==SUM(1)", "--comment=A-02= two ", "--force", "--allow-loss"])).toEqual({
      kind: "review",
      file: "in.xlsx",
      out: "out.xlsx",
      options: { force: true, allowLoss: true, date: 46099, comments: { "A-01": "=SUM(1)", "A-02": " two " } },
    });
    expect(parseArgs(["next-month", "in.xlsx", "out.xlsx"])).toEqual({ kind: "next-month", file: "in.xlsx", out: "out.xlsx", options: { force: false, allowLoss: false } });
  });

  it.each([
    [["review", "in.xlsx"], "Missing OUT.xlsx: jointplan review IN.xlsx OUT.xlsx"],
    [["next-month", "in.xlsx", "out.xlsx", "more.xlsx"], "Unexpected argument 'more.xlsx': 'next-month' takes 2 files (IN.xlsx OUT.xlsx)"],
    [["review", "in.xlsx", "out.csv"], "The output file must end in .xlsx, not 'out.csv'"],
    [["review", "in.xlsx", "./in.xlsx"], "OUT.xlsx is IN.xlsx (in.xlsx): jointplan never writes its input; give another output file"],
    [["review", "in.xlsx", "out.xlsx", "--date", "2026-13-01"], "--date must be a real date as YYYY-MM-DD, not '2026-13-01'"],
    [["review", "in.xlsx", "out.xlsx", "--comment", "=x"], "--comment must be ID=TEXT (an action's ID, then its comment), not '=x'"],
    [["review", "in.xlsx", "out.xlsx", "--comment", "A-1=x", "--comment", "a-1=y"], "--comment gives a-1 twice (also as A-1): give one comment an action"],
    [["next-month", "in.xlsx", "out.xlsx", "--date", "2026-03-01"], "Unknown option '--date' for 'next-month'"],
  ])("rejects %j with one clear line", (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind === "error" && parsed.message).toBe(message);
  });
});
