import { parseTextDate, parseTextMonth, textDate, dateOrderOfPattern } from "../../../src/plan/model/textDate";
import { serialFromIso } from "../../../src/plan/model/serialDate";

const s = (iso: string) => serialFromIso(iso);

describe("dates typed as text", () => {
  test.each([
    ["2026-03-05", "DMY", "2026-03-05"],
    ["2026/03/05", "MDY", "2026-03-05"],
    ["2026-3-5", "DMY", "2026-03-05"],
    ["2026-03-05T00:00:00", "DMY", "2026-03-05"],
    ["13/03/2026", "DMY", "2026-03-13"],
    ["13/03/2026", "MDY", "2026-03-13"],
    ["03/13/2026", "MDY", "2026-03-13"],
    ["5.3.2026", "DMY", "2026-03-05"],
    ["5-3-26", "DMY", "2026-03-05"],
    ["5-3-26", "MDY", "2026-05-03"],
    ["1/1/99", "DMY", "1999-01-01"],
    ["5 Mar 2026", "MDY", "2026-03-05"],
    ["5 March 2026", "DMY", "2026-03-05"],
    ["05-Mar-26", "DMY", "2026-03-05"],
    ["March 5, 2026", "DMY", "2026-03-05"],
    ["Sept 30 2026", "DMY", "2026-09-30"],
    ["  5th  March 2026 ", "DMY", "2026-03-05"],
  ] as const)("%s (%s) is %s", (text, order, iso) => {
    expect(textDate(text, order)).toBe(s(iso));
  });

  test("05/03/2026 is read by the workbook's order and reported as ambiguous", () => {
    expect(parseTextDate("05/03/2026", "DMY")).toEqual({ serial: s("2026-03-05"), ambiguous: true, alternative: s("2026-05-03") });
    expect(parseTextDate("05/03/2026", "MDY")).toEqual({ serial: s("2026-05-03"), ambiguous: true, alternative: s("2026-03-05") });
  });

  test("the same day either way is not ambiguous", () => {
    expect(parseTextDate("04/04/2026", "DMY")).toEqual({ serial: s("2026-04-04"), ambiguous: false });
  });

  test.each(["31/02/2026", "2026-02-30", "32/01/2026", "next week", "", "   ", "5 Foo 2026", "2026-03", "12345", "1/2/3/4"])("'%s' is not a date", (text) => {
    expect(parseTextDate(text, "DMY")).toBeNull();
  });

  test("months of a JAP header", () => {
    expect(parseTextMonth("March 2026")).toBe(s("2026-03-01"));
    expect(parseTextMonth("Mar-26")).toBe(s("2026-03-01"));
    expect(parseTextMonth("2026-03")).toBe(s("2026-03-01"));
    expect(parseTextMonth("03/2026")).toBe(s("2026-03-01"));
    expect(parseTextMonth("Marchember 2026")).toBeNull();
  });
});

describe("dateOrderOfPattern: a locale's short date pattern gives the date order", () => {
  test.each([
    ["M/d/yyyy", "MDY"], // en-US
    ["dd/MM/yyyy", "DMY"], // en-GB, fr-FR
    ["dd.MM.yyyy", "DMY"], // de-DE
    ["d/M/yyyy", "DMY"],
    ["MM-dd-yy", "MDY"],
    ["d' de 'MMMM' de 'yyyy", "DMY"], // quoted literals are not fields
    ["'Md' d/M/yy", "DMY"],
    ["yyyy-MM-dd", "DMY"], // year first (sv-SE, ko-KR): says nothing of year-last dates, so the default
    ["yyyy/MM/dd", "DMY"], // ja-JP
    ["", "DMY"],
    ["yyyy", "DMY"],
  ] as const)("%s → %s", (pattern, order) => {
    expect(dateOrderOfPattern(pattern)).toBe(order);
  });
});
