import { cellText, enumKey, formatNumber, isBlank, normalizeValues, parseFlag, parseNumberText, showValue, toCellValue, ERROR_VALUES } from "../../../src/plan/model/cells";
import { matchActionParty, matchDirection, matchRag, matchStatus, matchDateOrder } from "../../../src/plan/model/listValues";

describe("cell values", () => {
  test("blanks: null, empty and whitespace-only text", () => {
    expect([null, "", "   ", "\n\t", undefined].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, false, "x", { error: "#N/A" }].map((v) => isBlank(v as never))).toEqual([false, false, false, false]);
  });

  test("error values handed as text with valueType Error are normalised", () => {
    for (const e of ERROR_VALUES.slice(0, 9)) expect(toCellValue(e, "Error")).toEqual({ error: e });
    expect(normalizeValues([["#N/A", "#N/A", 3]], [["Error", "String", "Double"]])).toEqual([[{ error: "#N/A" }, "#N/A", 3]]);
  });

  test("anything that is not a cell value becomes blank or an error, never a crash", () => {
    expect(toCellValue(undefined)).toBeNull();
    expect(toCellValue(Number.NaN)).toEqual({ error: "#NUM!" });
    expect(toCellValue(Infinity)).toEqual({ error: "#NUM!" });
    expect(toCellValue({ error: "#REF!" })).toEqual({ error: "#REF!" });
    expect(toCellValue({ foo: 1 })).toBeNull();
    expect(toCellValue([1, 2])).toBeNull();
    expect(toCellValue(Symbol("x"))).toBeNull();
    expect(toCellValue(new Date(Date.UTC(2026, 2, 5)))).toBe(46086);
    expect(toCellValue(new Date(Date.UTC(2026, 2, 5, 12)))).toBe(46086.5);
    expect(toCellValue(new Date(Number.NaN))).toBeNull();
  });

  test.each([
    ["1,200", 1200],
    ["1.200,50", 1200.5],
    ["1,200.50", 1200.5],
    ["1,5", 1.5],
    ["-3.5", -3.5],
    ["+7", 7],
    ["(250)", -250],
    ["12 %", 0.12],
    ["50%", 0.5],
    ["1 200", 1200],
    [" 42 ", 42],
    [".5", 0.5],
  ])("numeric text %s is %d", (text, n) => {
    expect(parseNumberText(text)).toBeCloseTo(n, 10);
  });

  test.each(["", "abc", "1,2,3", "12,34,567", "1.2.3", "%", "1e5x", "--3", "1 2"])("'%s' is not a number", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  test("flags: Yes/No, Y/N, TRUE/FALSE, 1/0, and blank is yes", () => {
    const yes = ["Yes", "y", "TRUE", "true", true, 1, null, "", " YES "];
    const no = ["No", "n", "FALSE", "false", false, 0, "no "];
    for (const v of yes) expect(parseFlag(v)).toBe(true);
    for (const v of no) expect(parseFlag(v)).toBe(false);
    for (const v of ["maybe", 2, { error: "#N/A" }]) expect(parseFlag(v)).toBeNull();
  });

  test("list cells match ignoring case and spaces; unknown values are null", () => {
    expect(matchStatus("in progress ")).toBe("In progress");
    expect(matchStatus("INPROGRESS")).toBe("In progress");
    expect(matchStatus("Completed")).toBe("Done");
    expect(matchStatus("Canceled")).toBe("Cancelled");
    expect(matchStatus("Pending review")).toBeNull();
    expect(matchStatus(3)).toBeNull();
    expect(matchDirection("Higher")).toBe("Higher is better");
    expect(matchDirection("lower")).toBe("Lower is better");
    expect(matchDirection("Higher is better")).toBe("Higher is better");
    expect(matchActionParty("joint")).toBe("Joint");
    expect(matchActionParty("Agency")).toBeNull();
    expect(matchRag("r")).toBe("Red");
    expect(matchRag("Gray")).toBe("Grey");
    expect(matchDateOrder("Month first")).toBe("MDY");
    expect(enumKey(" On\nHold ")).toBe("onhold");
  });

  test("text and display of raw values", () => {
    expect(cellText(12)).toBe("12");
    expect(cellText(" A-1 ")).toBe("A-1");
    expect(cellText({ error: "#N/A" })).toBe("");
    expect(cellText(true)).toBe("TRUE");
    expect(showValue("Ana")).toBe("'Ana'");
    expect(showValue(null)).toBe("(blank)");
    expect(showValue({ error: "#REF!" })).toBe("#REF!");
    expect(formatNumber(1200.5)).toBe("1,200.5");
    expect(formatNumber(-1234567)).toBe("-1,234,567");
  });
});
