import { createSimulatedExcel } from "./index";
import { codeOf, setup } from "./testUtil";

describe("application.cultureInfo (ExcelApi 1.11, datetimeFormat 1.12)", () => {
  const patternOf = (culture?: string) => {
    const { run } = setup(culture ? { culture } : {});
    return run(async (ctx) => {
      const info = ctx.application.cultureInfo.load("name");
      const dt = ctx.application.cultureInfo.datetimeFormat.load("shortDatePattern,dateSeparator");
      await ctx.sync();
      return { name: info.name, pattern: dt.shortDatePattern, separator: dt.dateSeparator };
    });
  };

  test("gives the configured culture's name and date patterns, en-GB by default", async () => {
    expect(await patternOf("en-US")).toEqual({ name: "en-US", pattern: "M/d/yyyy", separator: "/" });
    expect(await patternOf("en-gb")).toEqual({ name: "en-GB", pattern: "dd/MM/yyyy", separator: "/" });
    expect(await patternOf("de-DE")).toEqual({ name: "de-DE", pattern: "dd.MM.yyyy", separator: "." });
    expect(await patternOf()).toEqual({ name: "en-GB", pattern: "dd/MM/yyyy", separator: "/" });
  });

  test("values only after load and sync; a nested load path works", async () => {
    const { run } = setup({ culture: "ja-JP" });
    await run(async (ctx) => {
      const info = ctx.application.cultureInfo.load("datetimeFormat/shortDatePattern");
      expect(() => info.datetimeFormat.shortDatePattern).toThrow(/is not available/);
      await ctx.sync();
      expect(info.datetimeFormat.shortDatePattern).toBe("yyyy/MM/dd");
    });
  });

  test("an unknown culture is refused when the sim is created", () => {
    expect(() => createSimulatedExcel({ culture: "xx-XX" })).toThrow(/knows no culture 'xx-XX'/);
  });

  test("datetimeFormat needs ExcelApi 1.12 and cultureInfo 1.11: the sync fails as in Excel", async () => {
    const old = setup({ requirementSets: { ExcelApi: "1.11" }, culture: "en-US" });
    expect(
      await old.run(async (ctx) => {
        ctx.application.cultureInfo.load("name");
        await ctx.sync();
        return "ok";
      }),
    ).toBe("ok");
    expect(await codeOf(old.run(async (ctx) => {
      ctx.application.cultureInfo.datetimeFormat.load("shortDatePattern");
      await ctx.sync();
    }))).toBe("ApiNotFound");
    const older = setup({ requirementSets: { ExcelApi: "1.10" } });
    expect(await codeOf(older.run(async (ctx) => {
      ctx.application.cultureInfo.load("name");
      await ctx.sync();
    }))).toBe("ApiNotFound");
  });
});
