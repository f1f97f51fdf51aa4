import { formatValue } from "./numberFormat";
import { dateToSerial, interpretInput, serialToDate, valueTypeOf } from "./values";

describe("what a written value becomes (en-US Excel)", () => {
  test.each([
    ["=SUM(A1:A3)", "General", { formula: "=SUM(A1:A3)" }],
    ["'=not a formula", "General", { value: "=not a formula" }],
    ["'007", "General", { value: "007" }],
    ["=1+1", "@", { value: "=1+1" }],
    ["007", "General", { value: 7 }],
    ["007", "@", { value: "007" }],
    ["-5", "General", { value: -5 }],
    ["1.5e3", "General", { value: 1500 }],
    ["10%", "General", { value: 0.1, impliedFormat: "0%" }],
    ["TRUE", "General", { value: true }],
    ["2025-03-31", "General", { value: dateToSerial(2025, 3, 31), impliedFormat: "yyyy-mm-dd" }],
    ["2025-02-30", "General", { value: "2025-02-30" }],
    ["- review stock", "General", { formula: "=- review stock" }],
    ["+44 20 1234", "General", { formula: "=+44 20 1234" }],
    ["@owner", "General", { formula: "=@owner" }],
    ["-", "General", { value: "-" }],
    ["plain text", "General", { value: "plain text" }],
    ["", "General", {}],
  ])("%p in a cell formatted %p", (input, fmt, expected) => {
    expect(interpretInput(input, fmt)).toEqual(expected);
  });

  test("numbers and booleans are kept as they are", () => {
    expect(interpretInput(3.5, "@")).toEqual({ value: 3.5 });
    expect(interpretInput(false, "General")).toEqual({ value: false });
  });

  test("serial dates follow Excel's 1900 system", () => {
    expect(dateToSerial(2025, 1, 1)).toBe(45658);
    expect(serialToDate(45658)).toMatchObject({ y: 2025, m: 1, d: 1 });
    expect(dateToSerial(1900, 3, 1)).toBe(61);
  });

  test("value types", () => {
    expect(valueTypeOf(undefined)).toBe("Empty");
    expect(valueTypeOf("")).toBe("Empty");
    expect(valueTypeOf("x")).toBe("String");
    expect(valueTypeOf(1)).toBe("Double");
    expect(valueTypeOf(true)).toBe("Boolean");
    expect(valueTypeOf("#N/A")).toBe("Error");
  });
});

describe("Range.text", () => {
  test.each([
    [1234.5, "General", "1234.5"],
    [1 / 3, "General", "0.333333333"],
    [0.125, "0%", "13%"],
    [0.125, "0.0%", "12.5%"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [42, "0", "42"],
    [45658, "yyyy-mm-dd", "2025-01-01"],
    [45658, "dd/mm/yyyy", "01/01/2025"],
    [45658, "d-mmm-yyyy", "1-Jan-2025"],
    [45658, "mmm yyyy", "Jan 2025"],
    ["text", "0%", "text"],
    [true, "General", "TRUE"],
    [12, "@", "12"],
  ])("%p as %p is %p", (value, fmt, text) => {
    expect(formatValue(value, fmt)).toBe(text);
  });
  test("an empty cell shows nothing", () => {
    expect(formatValue(undefined, "0%")).toBe("");
  });
});
