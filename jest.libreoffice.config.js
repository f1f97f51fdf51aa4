/** The LibreOffice suite (npm run test:libreoffice): needs soffice, so it is not part of `npm test`. */
const tsJest = ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  displayName: "libreoffice",
  testEnvironment: "node",
  roots: ["<rootDir>/test/libreoffice"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": tsJest },
  testTimeout: 600_000,
};
