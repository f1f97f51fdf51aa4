/**
 * End-to-end tests (npm run test:e2e): the preview page, with the real task pane against the
 * simulated workbook, in Debian's headless Chromium through playwright-core. The pages are built
 * once (webpack, development) into a temporary folder and served on 127.0.0.1. Needs /usr/bin/chromium
 * (or CHROMIUM_PATH); without it the run fails, it does not skip.
 */
const tsJest = ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  displayName: "e2e",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: { "^.+\\.tsx?$": tsJest },
  globalSetup: "<rootDir>/test/e2e/support/globalSetup.ts",
  globalTeardown: "<rootDir>/test/e2e/support/globalTeardown.ts",
  maxWorkers: 1,
  testTimeout: 120_000,
};
