import { excelTableOf, firstDataRow, inExcelTable, positionFromAddress, tableRange, withSpareRows, type TablePosition } from "../../../src/plan/model/tablePosition";

const jap: TablePosition = { sheet: "JAP 2026-03", headerRow: 6, lastRow: 9, columns: { id: 0, owner: 5, rag: 19 } };

describe("TablePosition", () => {
  it("comes from an Excel address with its sheet and $ signs, header row included", () => {
    expect(positionFromAddress("JAP 2026-03", "'JAP 2026-03'!$A$7:$W$27", ["id", undefined, "action", "id"])).toEqual({ sheet: "JAP 2026-03", headerRow: 6, lastRow: 26, columns: { id: 0, action: 2 } });
    expect(positionFromAddress("Plan", "C3:E5", ["a", "b", "c"])).toEqual({ sheet: "Plan", headerRow: 2, lastRow: 4, columns: { a: 2, b: 3, c: 4 } });
    expect(positionFromAddress("Plan", "not a range", ["a"])).toBeNull();
  });

  it("reaches to the end of the Excel table it stands in", () => {
    const tables = [
      { name: "Other", sheet: "JAP 2026-03", headers: [], address: "'JAP 2026-03'!$A$40:$W$60" },
      { name: "JP_Actions", sheet: "JAP 2026-03", headers: [], address: "'JAP 2026-03'!$A$7:$W$27" },
    ];
    expect(excelTableOf(jap, tables)?.name).toBe("JP_Actions");
    expect(inExcelTable(jap, tables)).toEqual({ ...jap, lastRow: 26 });
    expect(inExcelTable(jap, [{ name: "Elsewhere", sheet: "JBP", headers: [], address: "JBP!$A$7:$W$27" }])).toBe(jap);
  });

  it("takes spare rows only when asked, from at least one data row", () => {
    expect(withSpareRows(jap, 500).lastRow).toBe(509);
    expect(withSpareRows({ ...jap, lastRow: jap.headerRow }, 2).lastRow).toBe(firstDataRow(jap) + 2);
  });

  it("gives its range across its columns", () => {
    expect(tableRange(jap)).toBe("A7:T10");
  });
});
