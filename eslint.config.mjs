// ESLint (flat config): typescript-eslint's recommended rules, plus the Office add-in rules of
// eslint-plugin-office-addins (load before read, sync after load, isNullObject, no sync in loops, ...) and
// its React rules for .tsx. We run the plugin directly, not through office-addin-lint, whose CLI sends
// usage data. Formatting (the plugin's prettier/prettier rule) is left out: it is a formatter's job, and a
// style rule must not fail the build.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The rules that the plugin's recommended config adds to eslint's own (js.configs.recommended is already
 * in), without prettier's and those typescript-eslint sets. Read from the plugin to follow its updates. */
const officeRecommendedRules = Object.fromEntries(
  officeAddins.configs.recommended
    .filter((config) => config.plugins?.["office-addins"])
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => !rule.startsWith("prettier/") && !rule.startsWith("@typescript-eslint/") && rule !== "no-unused-vars"),
);

const officeGlobals = { Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" };

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "test-output/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRecommendedRules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  // The add-in itself runs in the browser, inside Office.
  {
    files: ["src/**/*.{ts,tsx}", "preview/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...officeGlobals } },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser, ...officeGlobals } },
    settings: { react: { version: "detect" } },
    // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
    rules: { ...react.configs.flat.recommended.rules, "react/react-in-jsx-scope": "off" },
  },
  // Tests and benchmarks run in Node (and jsdom), with Jest's globals and fakes of Office's.
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest, ...globals.browser, ...officeGlobals } },
    rules: {
      // Fakes of Office's dynamic API (the simulated workbook) need `any`, and jest.mock factories `require`.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      // Tests break Excel's load/sync rules on purpose, to prove that the simulated workbook throws as
      // Excel does; the rules guard the add-in's own code in src/.
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  // Build scripts and configuration: CommonJS in Node.
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
);
