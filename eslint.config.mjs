// ESLint (flat config): typescript-eslint's recommended rules, plus the Office add-in rules of
// eslint-plugin-office-addins (load before read, sync after load, isNullObject, no sync in loops, ...) and
// its React rules for .tsx. We run the plugin directly, not through office-addin-lint, whose CLI sends
// usage data. Formatting (the plugin's prettier/prettier rule) is left out: it is a formatter's job, and a
// style rule must not fail the build.
import { builtinModules } from "node:module";
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

// ---------------------------------------------------------------- layers (DEVELOPERS.md, "How we write code")

/**
 * The rooms of src/plan/, lowest first. A room imports only the rooms before it in this list, and
 * only through their index.ts ("../model", never "../model/cells"); inside a room, files import each
 * other directly. A new room is one more entry in its place (cycle/ and pack/ go after summary).
 */
const PLAN_ROOMS = ["model", "expr", "rag", "layouts", "read", "rules", "sheets", "summary", "cycle", "pack", "workbook"];
/** Rooms beside the chain, with the rooms they may import: the sample plan is data over the model. */
const SIDE_ROOMS = { sample: ["model"] };
const ALL_ROOMS = [...PLAN_ROOMS, ...Object.keys(SIDE_ROOMS)];
/** The layers around the core, which the core never imports. */
const SHELL_LAYERS = ["excel", "xlsx", "cli", "taskpane", "commands"];

const anyOf = (names) => `(?:${names.join("|")})`;
const restrict = (regex, message) => ({ regex, message });

/** Nothing under src/ takes code from the tests, the benchmarks or the preview page. */
const NOT_FROM_TESTS = restrict(`^(?:\\.\\./)+${anyOf(["test", "bench", "preview"])}(?:/|$)`, "Nothing under src/ imports from test/, bench/ or preview/.");

/** Outside src/plan/, the core is imported only through a room's index.ts; `ownRoom` is the room a test folder may reach into. */
const throughRoomIndex = (ownRoom) =>
  restrict(
    `(?:^|/)plan/${ownRoom ? `(?!${ownRoom}/)` : ""}${anyOf(ALL_ROOMS)}/.`,
    "Import the core through a room's index.ts (…/plan/model, never …/plan/model/cells); only a test of that room's internals (test/plan/<room>/) may import its files.",
  );

const CORE_PACKAGES = {
  paths: builtinModules.filter((m) => !m.startsWith("_")).map((name) => ({ name, message: "src/plan/ is pure TypeScript: no Node built-ins (the command line's file access is in src/cli and src/xlsx)." })),
  patterns: [
    { group: ["react", "react/*", "react-dom", "react-dom/*", "@fluentui/*"], message: "src/plan/ is pure TypeScript: no React or Fluent UI (the task pane is src/taskpane)." },
    { group: ["exceljs", "exceljs/*"], message: "src/plan/ is pure TypeScript: no exceljs (the .xlsx files are src/xlsx)." },
    { group: ["node:*"], message: "src/plan/ is pure TypeScript: no Node built-ins." },
  ],
};

/** The imports a file of one room of src/plan/ may not make. */
function roomImports(room) {
  const below = SIDE_ROOMS[room] ?? PLAN_ROOMS.slice(0, PLAN_ROOMS.indexOf(room));
  const notBelow = ALL_ROOMS.filter((r) => r !== room && !below.includes(r));
  const patterns = [
    ...CORE_PACKAGES.patterns,
    restrict(`^(?:\\.\\./)+${anyOf(SHELL_LAYERS)}(?:/|$)`, "The core imports no other layer: src/excel, src/xlsx, src/cli, src/taskpane and src/commands import it."),
    NOT_FROM_TESTS,
  ];
  if (notBelow.length > 0) {
    patterns.push(restrict(`^\\.\\./${anyOf(notBelow)}(?:/|$)`, `The ${room} room imports only the rooms below it (${below.join(", ") || "none"}): ${PLAN_ROOMS.join(" → ")}; sample imports model.`));
  }
  if (below.length > 0) {
    patterns.push(restrict(`^\\.\\./${anyOf(below)}/.`, "Import another room through its index.ts (\"../model\"), never a file inside it."));
  }
  return { paths: CORE_PACKAGES.paths, patterns };
}

/** Excel's API: only src/excel/ calls it. */
const EXCEL_ONLY_SYNTAX = [
  { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Only src/excel/ calls Excel.run." },
  { selector: "CallExpression > MemberExpression.callee[property.name='sync'][object.name=/[cC]ontext$/]", message: "Only src/excel/ calls context.sync()." },
  { selector: "CallExpression > MemberExpression.callee[property.name='sync'][object.property.name=/[cC]ontext$/]", message: "Only src/excel/ calls context.sync()." },
];
const restrictedGlobals = (names, where) => names.map((name) => ({ name, message: `${where} does not use the ${name} global: only src/excel/ touches the Excel API.` }));

const layers = [
  // The core: one block per room.
  ...ALL_ROOMS.map((room) => ({
    files: [`src/plan/${room}/**/*.ts`],
    rules: {
      "no-restricted-imports": ["error", roomImports(room)],
      "no-restricted-globals": ["error", ...restrictedGlobals(["Excel", "Office", "OfficeExtension"], "src/plan/")],
      "no-restricted-syntax": ["error", ...EXCEL_ONLY_SYNTAX],
    },
  })),
  // The one layer that touches Excel.
  {
    files: ["src/excel/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [throughRoomIndex(), NOT_FROM_TESTS] }] },
  },
  // The task pane and the ribbon: Office for onReady and dialogs, never Excel.
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [throughRoomIndex(), NOT_FROM_TESTS] }],
      "no-restricted-globals": ["error", ...restrictedGlobals(["Excel", "OfficeExtension"], "The task pane and the ribbon commands")],
      "no-restricted-syntax": ["error", ...EXCEL_ONLY_SYNTAX],
    },
  },
  // The command line and its .xlsx files run in Node, outside Office.
  {
    files: ["src/cli/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [throughRoomIndex(), NOT_FROM_TESTS] }],
      "no-restricted-globals": ["error", ...restrictedGlobals(["Excel", "Office", "OfficeExtension"], "The command line")],
      "no-restricted-syntax": ["error", ...EXCEL_ONLY_SYNTAX],
    },
  },
  // Tests, benchmarks and the preview page take the core through the rooms' index.ts too; a test of
  // a room's internals (test/plan/<room>/) may import that room's files.
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.{ts,tsx}", "preview/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [throughRoomIndex()] }] },
  },
  ...ALL_ROOMS.map((room) => ({
    files: [`test/plan/${room}/**/*.{ts,tsx}`],
    rules: { "no-restricted-imports": ["error", { patterns: [throughRoomIndex(room)] }] },
  })),
];

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
  ...layers,
);
