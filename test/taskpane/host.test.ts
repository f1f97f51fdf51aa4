import { detectHost, officeThemeKind } from "../../src/taskpane/host";

describe("detectHost", () => {
  it("is Excel only when Office says Excel and the Excel API is there", () => {
    expect(detectHost({ host: "Excel", hasExcel: true })).toBe("excel");
    expect(detectHost({ host: "Excel", hasExcel: false })).toBe("outside");
    expect(detectHost({ host: null, hasExcel: false })).toBe("outside");
    expect(detectHost({ host: "Word", hasExcel: false })).toBe("outside");
  });
  it("is the preview when the preview page says so, whatever office.js reports", () => {
    expect(detectHost({ host: null, hasExcel: true, preview: true })).toBe("preview");
  });
});

describe("officeThemeKind", () => {
  it("reads dark from a dark body background, light otherwise", () => {
    expect(officeThemeKind({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(officeThemeKind({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(officeThemeKind({ bodyBackgroundColor: "#e6e6e6" })).toBe("light");
    expect(officeThemeKind(undefined)).toBe("light");
    expect(officeThemeKind({ bodyBackgroundColor: "black" })).toBe("light");
  });
});
