/**
 * Excel's formula limits ("Excel specifications and limits":
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * 8,192 characters, 64 nested levels of functions, 255 arguments to a function. Before, the sim
 * stored any formula; each test below wrote one past a limit and saw it stored. A write that
 * refuses one formula writes none of its cells.
 */
import { formulaShape } from "./formulaLimits";
import { codeOf, setup } from "./testUtil";

/** A formula of exactly `n` characters. */
const ofLength = (n: number): string => `="${"x".repeat(n - 3)}"`;
const nested = (levels: number): string => `=${"ABS(".repeat(levels)}1${")".repeat(levels)}`;
const withArgs = (n: number): string => `=SUM(${Array.from({ length: n }, () => "1").join(",")})`;

describe("formula limits", () => {
  it("takes a formula of 8,192 characters and refuses 8,193 with FormulaLengthExceedsLimit", async () => {
    const { sim, run } = setup();
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[ofLength(8192)]];
      await context.sync();
    });
    expect(sim.cell("Sheet1", "A1").formula).toHaveLength(8192);
    const code = await codeOf(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [[ofLength(8193)]];
        await context.sync();
      }),
    );
    expect(code).toBe("FormulaLengthExceedsLimit");
    expect(sim.cell("Sheet1", "A2").formula).toBeNull();
  });

  it("refuses a formula written through values too (text starting with = is a formula), and writes none of the range", async () => {
    const { sim, run } = setup();
    const code = await codeOf(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [["=1+1"], [ofLength(9000)]];
        await context.sync();
      }),
    );
    expect(code).toBe("FormulaLengthExceedsLimit");
    expect(sim.cell("Sheet1", "A1").formula).toBeNull();
  });

  it("takes 64 nested functions and refuses 65", async () => {
    const { sim, run } = setup();
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[nested(64)]];
      await context.sync();
    });
    expect(sim.cell("Sheet1", "A1").formula).toBe(nested(64));
    const code = await codeOf(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [[nested(65)]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("takes 255 arguments and refuses 256", async () => {
    const { sim, run } = setup();
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[withArgs(255)]];
      await context.sync();
    });
    expect(sim.cell("Sheet1", "A1").formula).toBe(withArgs(255));
    const code = await codeOf(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [[withArgs(256)]];
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("counts neither parentheses nor commas inside strings, sheet names or array constants", () => {
    expect(formulaShape(`=IF(A1="(,,,)",'Sheet (1,2)'!B1,SUM({1,2,3}))`)).toEqual({ depth: 2, maxArgs: 3 });
    expect(formulaShape("=TODAY()")).toEqual({ depth: 1, maxArgs: 0 });
    expect(formulaShape("=(1+2)*3")).toEqual({ depth: 0, maxArgs: 0 });
  });

  it("holds conditional-format and validation formulas and names to the same limits", async () => {
    const { run } = setup();
    const cf = await codeOf(
      run(async (context) => {
        const f = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").conditionalFormats.add("Custom");
        f.custom.rule.formula = ofLength(8193);
        await context.sync();
      }),
    );
    expect(cf).toBe("FormulaLengthExceedsLimit");
    const dv = await codeOf(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("B1:B5").dataValidation.rule = { custom: { formula: nested(65) } };
        await context.sync();
      }),
    );
    expect(dv).toBe("InvalidArgument");
    const name = await codeOf(
      run(async (context) => {
        context.workbook.names.add("TooLong", ofLength(8193));
        await context.sync();
      }),
    );
    expect(name).toBe("FormulaLengthExceedsLimit");
  });
});
