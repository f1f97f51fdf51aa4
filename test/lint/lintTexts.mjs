// Lints snippets with the project's ESLint config through ESLint's Node API (new ESLint(), lintText),
// for test/lint/layers.test.ts. A child process: ESLint loads eslint.config.mjs with a dynamic import,
// which Jest's module sandbox cannot run. Reads [{ code, filePath }] as JSON on stdin and prints, for
// each, the messages as [{ ruleId, message }].
import { ESLint } from "eslint";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { code, filePath } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
