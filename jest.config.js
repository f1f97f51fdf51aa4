/** Unit and component tests. The core, the Excel layer and the simulated workbook run in Node;
 * React components run in jsdom (files named *.test.tsx). End-to-end tests have their own runner. */
const tsJest = ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  // Whole-file commands (ExcelJS writes and reads) take a few seconds; on a loaded machine more than Jest's 5 s default.
  testTimeout: 30_000,
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", "/test/libreoffice/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
    {
      displayName: "jsdom",
      testEnvironment: "jsdom",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", "/test/libreoffice/"],
      transform: { "^.+\\.tsx?$": tsJest },
    },
  ],
};
