/**
 * Lets Node require TypeScript directly: .ts and .tsx files are transpiled on load with TypeScript's own
 * transpileModule (no type checking: that is npm run typecheck), to CommonJS. Used by npm run bench:
 *   node -r ./scripts/lib/ts-register.js some-file.ts
 */
"use strict";

const fs = require("fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
  sourceMap: false,
};

for (const extension of [".ts", ".tsx"]) {
  require.extensions[extension] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}

// Stack traces point at the TypeScript lines (the inline source maps above).
process.setSourceMapsEnabled?.(true);
