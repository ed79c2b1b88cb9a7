import { readFileSync } from "node:fs";
import { DocumentSchema } from "./src/domain/schema.js";
import { validateWith } from "./src/rules/engine.js";
import type { Rule } from "./src/rules/types.js";
const ids = ["value-placeholder","value-repeats-name","value-question","value-not-measurable","value-direction","value-over-100","value-unit","cost-not-money","cost-over-budget","satisfaction-low","timeliness-vague","basis-not-source","value-excel-date","cost-zero","direction-conflict"];
const rules: Rule[] = [];
for (const id of ids) rules.push((await import(`./src/rules/${id}.js`)).default);
const MINE = new Set(["value-placeholder","value-repeats-name","value-question","value-not-measurable","value-direction","value-over-100","value-unit","cost-not-money","cost-over-budget","satisfaction-low","timeliness-vague","basis-not-source","value-excel-date","cost-zero","direction-conflict"]);
const doc = DocumentSchema.parse(JSON.parse(readFileSync("examples/chengde-gxq-2023.gold.json","utf8")));
const t0 = performance.now();
const r = validateWith(rules, doc);
console.error("ms", performance.now()-t0);
const bySeq = new Map(doc.projects.map(p=>[p.code,p]));
for (const f of r.findings) if (MINE.has(f.rule)) {
  const p = bySeq.get(f.project!)!;
  console.log(`P${p.seq} r${f.indicator} ${f.rule} [${f.severity}] ${f.message}${f.fix?"  FIX="+f.fix:""}`);
}
