import { fileFormula } from "../../src/xlsx/fileFormula";

describe("fileFormula", () => {
  it("drops the = and stores post-2007 functions with _xlfn.", () => {
    expect(fileFormula("=IFERROR(AGGREGATE(15,6,ROW(A1:A9)/(A1:A9>0),1),\"\")")).toBe('IFERROR(_xlfn.AGGREGATE(15,6,ROW(A1:A9)/(A1:A9>0),1),"")');
    expect(fileFormula("=ifna(x,1)+SUM(1)")).toBe("_xlfn.IFNA(x,1)+SUM(1)");
    expect(fileFormula("=STDEV.S(A1:A3)")).toBe("_xlfn.STDEV.S(A1:A3)");
  });

  it("leaves string literals, names and already prefixed calls alone", () => {
    expect(fileFormula('=IF(A1="AGGREGATE(1)","IFNA(""x"")",MY_AGGREGATE(1))')).toBe('IF(A1="AGGREGATE(1)","IFNA(""x"")",MY_AGGREGATE(1))');
    expect(fileFormula("=_xlfn.AGGREGATE(1,6,A1:A2)")).toBe("_xlfn.AGGREGATE(1,6,A1:A2)");
    expect(fileFormula("JP_Limit")).toBe("JP_Limit");
  });
});
