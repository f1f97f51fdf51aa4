/**
 * Names before their users (formulaNames.ts). Before, the sim took a validation list naming a name
 * that did not exist, so the add-in could write its sheets' lists before the sheets that define
 * the names (Excel: "The Source currently evaluates to an error").
 */
import { namesIn } from "./formulaNames";
import { codeOf, setup } from "./testUtil";

describe("names in validation and conditional formats", () => {
  test("finds the names a formula uses, not functions, sheets, references or strings", () => {
    expect(namesIn(`=AND(ISNUMBER(JP_AsOf),$A2<>"JP_Nope",'JBP 2026'!$A$12:$A$31="x",COUNTIF(JP_RosterNames,A:A),T_Actions[[#This Row],[Owner]],TRUE)`).sort()).toEqual(["JP_AsOf", "JP_RosterNames", "T_Actions"]);
    expect(namesIn("=1E+5+A1*2")).toEqual([]);
  });

  test("a list source naming a name that does not exist is refused; once the name exists it is taken", async () => {
    const { sim, run } = setup();
    const setList = () =>
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B9").dataValidation.rule = { list: { inCellDropDown: true, source: "=JP_People" } };
        await ctx.sync();
      });
    expect(await codeOf(setList())).toBe("InvalidArgument");
    expect(sim.validations("Sheet1")).toEqual([]);
    await run(async (ctx) => {
      ctx.workbook.names.add("JP_People", "=Sheet1!$A$1:$A$5");
      await ctx.sync();
    });
    await setList();
    expect(sim.validations("Sheet1")[0].rule).toEqual({ list: { inCellDropDown: true, source: "=JP_People" } });
  });

  test("a table name counts as a name; a custom validation formula is checked too", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [["Name"], ["a"], ["b"]];
      ws.tables.add("A1:A3", true).name = "People";
      ws.getRange("C2").dataValidation.rule = { custom: { formula: "=COUNTIF(People[Name],C2)>0" } };
      await ctx.sync();
    });
    expect(
      await codeOf(
        run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("D2").dataValidation.rule = { custom: { formula: "=COUNTIF(Nobody[Name],D2)>0" } };
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });

  test("a conditional format may name a name not defined yet (Excel reads it as #NAME?); the sim records it", async () => {
    const { sim, run } = setup();
    await run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("Sheet1").getRange("A2:A9").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=A2>JP_Later";
      cf.custom.format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect(sim.conditionalFormats("Sheet1")[0].namesMissingWhenSet).toEqual(["JP_Later"]);
  });
});
