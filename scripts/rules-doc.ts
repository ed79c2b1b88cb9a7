// `npm run docs:rules`: write docs/rules.md, the rule catalog, from the rules' own descriptions and docs (the
// same text the MCP resource jixiao://rules/{id} serves), in registry order. test/docs/rules-doc.test.ts
// fails when the file is out of date.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rulesCatalog } from "./rules-catalog.js";

const out = fileURLToPath(new URL("../docs/rules.md", import.meta.url));
writeFileSync(out, rulesCatalog());
process.stderr.write(`已写入 ${out}\n`);
