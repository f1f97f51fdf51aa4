import { cleanSheetName, uniqueDefinedName, uniqueSheetName } from "../../../src/plan/sheets/uniqueNames";

describe("unique names", () => {
  it("adds (2), (3) … to a taken sheet name, ignoring case", () => {
    expect(uniqueSheetName("JAP 2026-03", ["Sheet1"])).toBe("JAP 2026-03");
    expect(uniqueSheetName("JAP 2026-03", ["jap 2026-03"])).toBe("JAP 2026-03 (2)");
    expect(uniqueSheetName("JAP 2026-03", ["JAP 2026-03", "JAP 2026-03 (2)"])).toBe("JAP 2026-03 (3)");
  });
  it("stays within 31 characters and Excel's characters", () => {
    const long = "JAP Andes Distribución S.A. 2026-03";
    const first = uniqueSheetName(long, []);
    expect(first.length).toBeLessThanOrEqual(31);
    const second = uniqueSheetName(long, [first]);
    expect(second).toMatch(/ \(2\)$/);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(cleanSheetName("Q1/Q2: [plan]?")).toBe("Q1-Q2- -plan--");
    expect(cleanSheetName("'quoted'")).toBe("quoted");
    expect(cleanSheetName("History")).toBe("History sheet");
  });
  it("gives tables and names _2, _3 …", () => {
    expect(uniqueDefinedName("JP_Actions", ["jp_actions", "JP_Actions_2"])).toBe("JP_Actions_3");
  });
});
