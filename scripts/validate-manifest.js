#!/usr/bin/env node
/**
 * npm run validate [-- path/to/manifest.xml]: checks the add-in manifest offline.
 *   1. XSD: xmllint against ../shared/manifest-schemas (or $MANIFEST_SCHEMAS), skipped with a message when
 *      the schemas or xmllint are missing;
 *   2. the project's own checks (scripts/lib/manifest-checks.js).
 * A manifest inside dist/ is checked as a build: its URLs must name files that the build produced.
 * The online check of Microsoft's service stays available as npm run validate:online.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { checkManifest, runXmllint } = require("./lib/manifest-checks");

const repo = path.resolve(__dirname, "..");
const manifestPath = path.resolve(process.argv[2] || path.join(repo, "manifest.xml"));
const schemaDir = path.resolve(process.env.MANIFEST_SCHEMAS || path.join(repo, "..", "shared", "manifest-schemas"));
const built = path.dirname(manifestPath) !== repo;
const shown = path.relative(process.cwd(), manifestPath) || manifestPath;

let failed = false;

if (!fs.existsSync(manifestPath)) {
  console.error(`validate: ${shown} does not exist`);
  process.exit(1);
}

const xsd = runXmllint(manifestPath, schemaDir);
if (xsd.status === "passed") console.log(`ok    XSD (${path.relative(process.cwd(), schemaDir)})`);
else if (xsd.status === "skipped") console.log(`skip  XSD: ${xsd.output}; only the project's own checks run`);
else {
  failed = true;
  console.error(`FAIL  XSD (${path.relative(process.cwd(), schemaDir)}):\n${indent(xsd.output)}`);
}

let results;
try {
  results = checkManifest(fs.readFileSync(manifestPath, "utf8"), {
    root: built ? path.dirname(manifestPath) : repo,
    commandsDir: path.join(repo, "src", "commands"),
    built,
  });
} catch (error) {
  console.error(`FAIL  ${error.message}`);
  process.exit(1);
}

for (const [check, problems] of Object.entries(results)) {
  if (problems.length === 0) console.log(`ok    ${check}`);
  else {
    failed = true;
    console.error(`FAIL  ${check}:\n${indent(problems.join("\n"))}`);
  }
}

console.log(failed ? `\n${shown} has problems (above).` : `\n${shown} is valid.`);
process.exit(failed ? 1 : 0);

function indent(text) {
  return text
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");
}
