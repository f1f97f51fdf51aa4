import { SUMMARY_MARK, summaryMark, summarySheetName, type SheetHead } from "../../../src/plan/summary/summaryMark";

/** A sheet whose first cells are `a1`, `a2`, `a3`. */
const sheet = (name: string, a1: string | null = null, a2: string | null = null, a3: string | null = null): SheetHead => ({
  name,
  cell: (at) => ({ A1: a1, A2: a2, A3: a3 })[at],
});
const ours = (name: string) => sheet(name, "RAG Summary", "As of", "Plan RAG");

describe("summaryMark", () => {
  it("names the summary's A1, quoting the sheet as a formula needs", () => {
    expect(summaryMark("RAG Summary (2)")).toMatchObject({ name: SUMMARY_MARK, formula: "='RAG Summary (2)'!$A$1" });
    expect(summaryMark("Status")).toMatchObject({ formula: "=Status!$A$1" });
    expect(summaryMark("Bob's board").formula).toBe("='Bob''s board'!$A$1");
  });
});

describe("summarySheetName", () => {
  it("is the sheet the mark names, whatever it is called, and never a user's RAG Summary", () => {
    const sheets = [sheet("RAG Summary", "RAG Summary", "As of", "Plan RAG"), ours("RAG Summary (2)"), sheet("Status board")];
    expect(summarySheetName(sheets, "='RAG Summary (2)'!$A$1")).toBe("RAG Summary (2)");
    expect(summarySheetName(sheets, "='Status board'!$A$1")).toBe("Status board");
    expect(summarySheetName(sheets, summaryMark("Bob's board").formula)).toBeNull();
    expect(summarySheetName([sheet("Bob's board")], summaryMark("Bob's board").formula)).toBe("Bob's board");
  });

  it("is no sheet when the mark's sheet was deleted", () => {
    expect(summarySheetName([ours("RAG Summary")], "=#REF!$A$1")).toBeNull();
  });

  it("without a mark (a workbook written before it), is a sheet named RAG Summary (or RAG Summary (n)) that starts as the summary does", () => {
    expect(summarySheetName([sheet("Plan"), ours("RAG Summary")], null)).toBe("RAG Summary");
    expect(summarySheetName([sheet("RAG Summary", "my notes"), ours("RAG Summary (2)")], null)).toBe("RAG Summary (2)");
    expect(summarySheetName([ours("rag summary")], null)).toBe("rag summary");
    expect(summarySheetName([sheet("RAG Summary", "RAG Summary")], null)).toBeNull();
    expect(summarySheetName([sheet("RAG Summary", "my notes", "As of", "Plan RAG")], null)).toBeNull();
    expect(summarySheetName([ours("RAG Summary copy"), ours("Summary")], null)).toBeNull();
  });
});
