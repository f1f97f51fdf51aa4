import { formulaFunctions, formulaProblems, mostArguments, nestingDepth, renderTemplate, columnRef } from "../../../src/plan/expr/formula";

const ctx = { table: { sheet: "JAP 2026-03", headerRow: 3, lastRow: 203, columns: { owner: 5, due: 7, rag: 19 } }, row: 4 };

describe("renderTemplate", () => {
  it("renders same-row cells, whole columns and the row number", () => {
    expect(renderTemplate("=AND({due}<JP_AsOf,COUNTIF({rag:col},{owner})>0,ROW()={row})", ctx)).toBe("=AND($H5<JP_AsOf,COUNTIF($T$5:$T$204,$F5)>0,ROW()=5)");
  });

  it("leaves text inside string literals alone, doubled quotes included", () => {
    expect(renderTemplate('=IF({owner}="{owner} ""{due}""",1,0)', ctx)).toBe('=IF($F5="{owner} ""{due}""",1,0)');
  });

  it("quotes other sheets' columns and keeps the same sheet unqualified", () => {
    const tables = {
      jap: { sheet: "JAP 2026-03", headerRow: 3, lastRow: 23, columns: { rag: 19 } },
      other: { sheet: "Bob's plan", headerRow: 0, lastRow: 1, columns: { rag: 2 } },
    };
    expect(renderTemplate("={jap.rag:col}&{other.rag:col}", { ...ctx, table: { ...ctx.table, sheet: "JBP" }, tables })).toBe("='JAP 2026-03'!$T$5:$T$24&'Bob''s plan'!$C$2:$C$2");
    expect(renderTemplate("={jap.rag:col}", { ...ctx, tables })).toBe("=$T$5:$T$24");
    expect(columnRef(tables.jap, "rag")).toBe("'JAP 2026-03'!$T$5:$T$24");
    expect(() => columnRef(tables.jap, "nope")).toThrow("no column 'nope'");
  });

  it("leaves unknown placeholders for the writer to notice", () => {
    expect(renderTemplate("={nope}+{jbp.id:col}", ctx)).toBe("={nope}+{jbp.id:col}");
  });
});

describe("formula checks", () => {
  it("lists functions, depth and problems", () => {
    expect([...formulaFunctions('=IF(ISNUMBER(FIND("IFS(",A1)),SUM(B1:B2),0)')].sort()).toEqual(["FIND", "IF", "ISNUMBER", "SUM"]);
    expect(nestingDepth("=IF(AND((1+2)>0,NOT(FALSE)),1,0)")).toBe(3);
    expect(formulaProblems("=IF(A1,1,0)")).toEqual([]);
    expect(formulaProblems("=LET(x,1,x)")).toEqual(["uses LET, which Excel 2016 or LibreOffice cannot compute alike"]);
    expect(formulaProblems("=SEARCH(A1,B1)")[0]).toMatch(/SEARCH/);
    expect(formulaProblems("=IF((A1,1,0)")).toContain("unbalanced parentheses");
    expect(formulaProblems('=IF(A1="x,1,0)')).toContain("unbalanced quotes");
    expect(formulaProblems("={owner}")[0]).toMatch(/placeholder/);
    expect(formulaProblems(`=${"IF(1,".repeat(65)}1${",0)".repeat(65)}`)).toContain("nested 65 levels (Excel allows 64)");
    expect(formulaProblems(`="${"x".repeat(8200)}"`)[0]).toMatch(/longer than 8192/);
    expect(formulaProblems(`=SUM(${Array.from({ length: 256 }, (_, i) => `A${i + 1}`).join(",")})`)).toContain("a function with 256 arguments (Excel allows 255)");
    expect(formulaProblems(`=SUM(${Array.from({ length: 255 }, (_, i) => `A${i + 1}`).join(",")})`)).toEqual([]);
    // Commas in strings, array constants and nested calls are not the outer call's arguments.
    expect(mostArguments('=IF(A1="a,b,c",SUM(1,2,3),{1,2,3,4})')).toBe(3);
    expect(mostArguments("=TODAY()")).toBe(0);
  });
});
