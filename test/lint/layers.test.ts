/**
 * The layers are held by the linter (eslint.config.mjs): each rule fails on a deliberate bad import or
 * global and passes on a good one. The snippets are linted with the project's own config through
 * ESLint's Node API, in one child process (test/lint/lintTexts.mjs says why).
 */
import { execFileSync } from "child_process";
import { join } from "path";

interface Case {
  name: string;
  filePath: string;
  code: string;
  /** The rule that must report, or null when none of the layer rules may. */
  fails: "no-restricted-imports" | "no-restricted-globals" | "no-restricted-syntax" | null;
}

const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"]);
const uses = (from: string, name = "x"): string => `import { ${name} } from "${from}";\nexport const used = ${name};\n`;

const bad = (name: string, filePath: string, code: string, rule: NonNullable<Case["fails"]>): Case => ({ name, filePath, code, fails: rule });
const good = (name: string, filePath: string, code: string): Case => ({ name, filePath, code, fails: null });

const CASES: Case[] = [
  // src/plan/: pure TypeScript.
  bad("the core imports react", "src/plan/summary/probe.ts", uses("react", "useState"), "no-restricted-imports"),
  bad("the core imports react-dom", "src/plan/summary/probe.ts", uses("react-dom/client", "createRoot"), "no-restricted-imports"),
  bad("the core imports Fluent UI", "src/plan/rag/probe.ts", uses("@fluentui/react-components", "Button"), "no-restricted-imports"),
  bad("the core imports exceljs", "src/plan/sheets/probe.ts", uses("exceljs", "Workbook"), "no-restricted-imports"),
  bad("the core imports a Node built-in", "src/plan/read/probe.ts", uses("fs", "readFileSync"), "no-restricted-imports"),
  bad("the core imports a node: built-in", "src/plan/read/probe.ts", uses("node:path", "join"), "no-restricted-imports"),
  bad("the core imports the Excel layer", "src/plan/rules/probe.ts", uses("../../excel/context", "runExcel"), "no-restricted-imports"),
  bad("the core imports the task pane", "src/plan/model/probe.ts", uses("../../taskpane/shared/dates", "x"), "no-restricted-imports"),
  bad("the core imports the ribbon commands", "src/plan/model/probe.ts", uses("../../commands/noticeText", "x"), "no-restricted-imports"),
  bad("the core imports the .xlsx files", "src/plan/sheets/probe.ts", uses("../../xlsx/fileKind", "x"), "no-restricted-imports"),
  bad("the core imports the command line", "src/plan/sheets/probe.ts", uses("../../cli/io", "x"), "no-restricted-imports"),
  bad("the core imports the simulated workbook", "src/plan/summary/probe.ts", uses("../../../test/sim", "createSimulatedExcel"), "no-restricted-imports"),
  bad("the core uses the Excel global", "src/plan/summary/probe.ts", "export const run = Excel.run;\n", "no-restricted-globals"),
  bad("the core uses the Office global", "src/plan/model/probe.ts", "export const ready = Office.onReady;\n", "no-restricted-globals"),
  bad("the core uses the OfficeExtension global", "src/plan/model/probe.ts", "export const E = OfficeExtension.Error;\n", "no-restricted-globals"),
  bad("the core calls Excel.run", "src/plan/model/probe.ts", "export const f = () => Excel.run(async () => undefined);\n", "no-restricted-syntax"),
  bad("the core calls context.sync", "src/plan/model/probe.ts", "export async function f(context: { sync(): Promise<void> }) {\n  await context.sync();\n}\n", "no-restricted-syntax"),
  good("the core imports zod", "src/plan/model/probe.ts", uses("zod/mini", "z")),

  // The rooms: one way, through index.ts.
  bad("a room imports a room above it", "src/plan/model/probe.ts", uses("../rag", "computePlanRag"), "no-restricted-imports"),
  bad("rag imports layouts (above it)", "src/plan/rag/probe.ts", uses("../layouts", "JAP"), "no-restricted-imports"),
  bad("read imports rules (above it)", "src/plan/read/probe.ts", uses("../rules", "validatePlan"), "no-restricted-imports"),
  bad("sheets imports workbook (above it)", "src/plan/sheets/probe.ts", uses("../workbook", "newWorkbook"), "no-restricted-imports"),
  bad("a room imports a file inside a room below it", "src/plan/rag/probe.ts", uses("../model/cells", "isBlank"), "no-restricted-imports"),
  bad("a room imports a room's index.ts by its file name", "src/plan/rules/probe.ts", uses("../read/index", "readPlan"), "no-restricted-imports"),
  bad("a room imports the sample", "src/plan/sheets/probe.ts", uses("../sample", "samplePlan"), "no-restricted-imports"),
  bad("the sample imports a room other than model", "src/plan/sample/probe.ts", uses("../layouts", "JAP"), "no-restricted-imports"),
  good("a room imports rooms below it through their index.ts", "src/plan/rag/probe.ts", `${uses("../model", "a")}${uses("../expr", "b").replace("used", "used2")}`),
  good("the top room imports every room below it", "src/plan/workbook/probe.ts", uses("../summary", "buildSummaryLayout")),
  good("files of one room import each other directly", "src/plan/rag/probe.ts", uses("./ragRules", "ACTION_RULES")),
  good("the sample imports the model", "src/plan/sample/probe.ts", uses("../model", "DEFAULT_SETTINGS")),

  // Only src/excel/ touches the Excel API.
  good("the Excel layer calls Excel.run and context.sync", "src/excel/probe.ts", "export const f = () => Excel.run(async (context) => {\n  await context.sync();\n});\n"),
  good("the Excel layer imports a room's index.ts", "src/excel/probe.ts", uses("../plan/model", "isBlank")),
  bad("the Excel layer imports a file inside a room", "src/excel/probe.ts", uses("../plan/model/cells", "isBlank"), "no-restricted-imports"),
  bad("the Excel layer imports the simulated workbook", "src/excel/probe.ts", uses("../../test/sim", "createSimulatedExcel"), "no-restricted-imports"),
  bad("the task pane uses the Excel global", "src/taskpane/probe.ts", "export const run = Excel.run;\n", "no-restricted-globals"),
  bad("the task pane calls Excel.run", "src/taskpane/probe.ts", "export const f = () => Excel.run(async () => undefined);\n", "no-restricted-syntax"),
  bad("the task pane calls context.sync", "src/taskpane/probe.tsx", "export async function f(context: { sync(): Promise<void> }) {\n  await context.sync();\n}\n", "no-restricted-syntax"),
  good("the task pane uses Office for onReady", "src/taskpane/probe.ts", "Office.onReady(() => undefined);\nexport {};\n"),
  bad("a ribbon command uses the Excel global", "src/commands/probe.ts", "export const sheets = () => Excel.run(async (c) => c.workbook.worksheets);\n", "no-restricted-globals"),
  good("a ribbon command uses Office for its dialog", "src/commands/probe.ts", "export const ui = () => Office.context.ui;\n"),
  bad("the task pane imports a file inside a room", "src/taskpane/probe.tsx", uses("../plan/summary/overview", "emptyOverview"), "no-restricted-imports"),
  bad("the preview page's code stays out of src/", "src/taskpane/probe.tsx", uses("../../preview/gridModel", "x"), "no-restricted-imports"),
  bad("the command line uses the Office global", "src/cli/probe.ts", "export const ready = Office.onReady;\n", "no-restricted-globals"),
  bad("the command line imports a file inside a room", "src/cli/probe.ts", uses("../plan/rules/checkWorkbook", "checkWorkbook"), "no-restricted-imports"),
  bad("the .xlsx files import the benchmarks", "src/xlsx/probe.ts", uses("../../bench/support/alternate", "x"), "no-restricted-imports"),
  bad("the .xlsx files use the Excel global", "src/xlsx/probe.ts", "export const run = Excel.run;\n", "no-restricted-globals"),
  good("the .xlsx files import a room's index.ts", "src/xlsx/probe.ts", uses("../plan/sheets", "buildTableSheetSpec")),

  // Outside src/: the core through the rooms' index.ts; a room's own tests may reach inside it.
  bad("a test of the Excel layer imports a file inside a room", "test/excel/probe.test.ts", uses("../../src/plan/read/findTables", "findTables"), "no-restricted-imports"),
  good("a test of the Excel layer imports a room's index.ts", "test/excel/probe.test.ts", uses("../../src/plan/read", "readPlan")),
  good("a room's test imports a file of its own room", "test/plan/rag/probe.test.ts", uses("../../../src/plan/rag/engine", "computePlanRag")),
  bad("a room's test imports a file inside another room", "test/plan/rag/probe.test.ts", uses("../../../src/plan/model/cells", "isBlank"), "no-restricted-imports"),
  bad("a shared test helper imports a file inside a room", "test/support/probe.ts", uses("../../src/plan/model/schemas", "Settings"), "no-restricted-imports"),
  bad("a benchmark imports a file inside a room", "bench/probe.bench.ts", uses("../src/plan/rag/engine", "computePlanRag"), "no-restricted-imports"),
  bad("the preview page imports a file inside a room", "preview/probe.tsx", uses("../src/plan/sample/samplePlan", "samplePlan"), "no-restricted-imports"),
  good("the preview page imports the simulated workbook", "preview/probe.tsx", uses("../test/sim", "createSimulatedExcel")),
];

let results: { ruleId: string | null; message: string }[][];

beforeAll(() => {
  const root = join(__dirname, "../..");
  const input = JSON.stringify(CASES.map(({ code, filePath }) => ({ code, filePath: join(root, filePath) })));
  results = JSON.parse(execFileSync(process.execPath, [join(__dirname, "lintTexts.mjs")], { cwd: root, input, encoding: "utf8" }));
}, 120_000);

describe("the layers eslint holds", () => {
  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_name, i) => {
    const c = CASES[i];
    const fired = results[i].filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId));
    // The snippet itself must lint: a parse error would make a "good" case pass for nothing.
    expect(results[i].filter((m) => m.ruleId === null)).toEqual([]);
    if (c.fails === null) expect(fired).toEqual([]);
    else expect(fired.map((m) => m.ruleId)).toContain(c.fails);
  });
});
