// Validates JSON documents against perf's JSON Schemas with Ajv (draft 2020-12, strict), an independent validator.
// Usage: node validate.mjs <schema folder> <folder of documents>
//   each document is <name>.scenario.json (a scenario) or <name>.include.json (an included file);
// prints one JSON line per document: {"file": ..., "valid": true|false, "errors": ["<path> <message>", ...]}
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [schemaDir, documents] = process.argv.slice(2);
// strict, but for "required" in anyOf/if branches naming properties declared beside them (the usual way to say "one of")
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
for (const name of ["perf-scenario.schema.json", "perf-include.schema.json"]) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, name), "utf8")));
}
const scenario = ajv.getSchema("https://perf.dev/schema/perf-scenario.schema.json");
const include = ajv.getSchema("https://perf.dev/schema/perf-include.schema.json");
for (const file of readdirSync(documents).filter((f) => f.endsWith(".json")).sort()) {
  const validate = file.endsWith(".include.json") ? include : scenario;
  const valid = validate(JSON.parse(readFileSync(join(documents, file), "utf8")));
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  console.log(JSON.stringify({ file, valid, errors }));
}
