import { readFileSync } from "node:fs";
import { DocumentSchema } from "./src/domain/schema.js";
import { validateWith } from "./src/rules/engine.js";
import type { Rule } from "./src/rules/types.js";
const ids = ["value-placeholder","value-repeats-name","value-question","value-not-measurable","value-direction","value-over-100","value-unit","cost-not-money","cost-over-budget","satisfaction-low","timeliness-vague","basis-not-source","value-excel-date","cost-zero","direction-conflict"];
const rules: Rule[] = [];
for (const id of ids) rules.push((await import(`./src/rules/${id}.js`)).default);
const seed = JSON.parse(readFileSync("examples/chengde-gxq-2023.gold.json","utf8"));
const projects = [];
for (let i=0;i<715;i++) for (const p of seed.projects) projects.push({...p, code: p.code+"-"+i});
const doc = DocumentSchema.parse({...seed, projects});
console.log("rows", doc.projects.reduce((n,p)=>n+p.indicators.length,0));
for (let k=0;k<3;k++){ const t=performance.now(); const r=validateWith(rules, doc); console.log("mine ms", (performance.now()-t).toFixed(0), r.findings.length); }
for (let k=0;k<2;k++){ const t=performance.now(); const r=validateWith([], doc); console.log("engine only ms", (performance.now()-t).toFixed(0)); }
for (const r of rules) { validateWith([r], doc); const t=performance.now(); validateWith([r], doc); console.log(r.id, (performance.now()-t-550).toFixed(0)); }
