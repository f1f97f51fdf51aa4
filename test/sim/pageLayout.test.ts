import { createSimulatedExcel } from "./index";

/** The page layout is ExcelApi 1.9: a host without it refuses every member, as Excel does. */
describe("Worksheet.pageLayout", () => {
  it("keeps orientation, zoom, margins, print area, titles and header sections on 1.9", async () => {
    const sim = createSimulatedExcel({ sheets: ["Plan"] });
    const uninstall = sim.install();
    try {
      await Excel.run(async (context) => {
        const page = context.workbook.worksheets.getItem("Plan").pageLayout;
        page.orientation = Excel.PageOrientation.landscape;
        page.zoom = { horizontalFitToPages: 1 };
        page.leftMargin = 28.8;
        page.setPrintArea("A:J");
        page.setPrintTitleRows("$7:$7");
        page.headersFooters.defaultForAllPages.centerHeader = "Joint Action Plan";
        await context.sync();
      });
      expect(sim.sheets()[0].pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1 }, leftMargin: 28.8, printArea: "A:J", printTitleRows: "$7:$7", headersFooters: { centerHeader: "Joint Action Plan" } });
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Plan").pageLayout.leftMargin = -1;
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Plan").pageLayout.headersFooters.defaultForAllPages.leftHeader = "x".repeat(256);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    } finally {
      uninstall();
    }
  });

  it("fails with ApiNotFound on ExcelApi 1.8", async () => {
    const sim = createSimulatedExcel({ sheets: ["Plan"], requirementSets: { ExcelApi: "1.8" } });
    const uninstall = sim.install();
    try {
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Plan").pageLayout.orientation = Excel.PageOrientation.landscape;
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "ApiNotFound" });
      expect(sim.sheets()[0].pageLayout.orientation).toBe("Portrait");
    } finally {
      uninstall();
    }
  });
});
