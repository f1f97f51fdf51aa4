import { colToLetters, formatAddress, formatRect, lettersToCol, looksLikeReference, parseAddress, quoteSheetName } from "./address";

describe("A1 addresses", () => {
  test("columns convert both ways up to XFD", () => {
    expect(colToLetters(0)).toBe("A");
    expect(colToLetters(25)).toBe("Z");
    expect(colToLetters(26)).toBe("AA");
    expect(colToLetters(16383)).toBe("XFD");
    expect(lettersToCol("XFD")).toBe(16383);
    expect(lettersToCol("XFE")).toBe(-1);
    expect(lettersToCol("ab")).toBe(27);
  });

  test.each([
    ["A1", undefined, { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["B2:D9", undefined, { r0: 1, c0: 1, r1: 8, c1: 3 }],
    ["D9:B2", undefined, { r0: 1, c0: 1, r1: 8, c1: 3 }],
    ["$A$1", undefined, { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["A:C", undefined, { r0: 0, c0: 0, r1: 1048575, c1: 2 }],
    ["2:5", undefined, { r0: 1, c0: 0, r1: 4, c1: 16383 }],
    ["Sheet1!A1:B2", "Sheet1", { r0: 0, c0: 0, r1: 1, c1: 1 }],
    ["'Sheet name'!A1", "Sheet name", { r0: 0, c0: 0, r1: 0, c1: 0 }],
    ["'It''s'!$B$2", "It's", { r0: 1, c0: 1, r1: 1, c1: 1 }],
    ["XFD1048576", undefined, { r0: 1048575, c0: 16383, r1: 1048575, c1: 16383 }],
  ])("parses %s", (text, sheet, rect) => {
    expect(parseAddress(text)).toEqual({ sheet, rect });
  });

  test.each(["", "A0", "XFE1", "A1048577", "A1:B2:C3", "A", "5", "Hello world", "A1:"])("rejects %p", (text) => {
    expect(parseAddress(text)).toBeNull();
  });

  test("formats as Excel does, quoting sheet names when needed", () => {
    expect(formatRect({ r0: 1, c0: 1, r1: 8, c1: 3 })).toBe("B2:D9");
    expect(formatRect({ r0: 0, c0: 0, r1: 1048575, c1: 2 })).toBe("A:C");
    expect(formatRect({ r0: 1, c0: 0, r1: 4, c1: 16383 })).toBe("2:5");
    expect(formatRect({ r0: 1, c0: 1, r1: 1, c1: 1 }, true)).toBe("$B$2");
    expect(formatAddress("Sheet1", { r0: 1, c0: 1, r1: 8, c1: 3 })).toBe("Sheet1!B2:D9");
    expect(formatAddress("RAG Summary", { r0: 0, c0: 0, r1: 0, c1: 0 })).toBe("'RAG Summary'!A1");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("JAP_2025")).toBe("JAP_2025");
  });

  test("recognises names that would read as references", () => {
    expect(looksLikeReference("A1")).toBe(true);
    expect(looksLikeReference("XFD100")).toBe(true);
    expect(looksLikeReference("R1C1")).toBe(true);
    expect(looksLikeReference("R")).toBe(true);
    expect(looksLikeReference("c")).toBe(true);
    expect(looksLikeReference("Settings")).toBe(false);
    expect(looksLikeReference("XFE1")).toBe(false);
  });
});
