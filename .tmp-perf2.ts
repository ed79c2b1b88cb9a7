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
for (let k=0;k<6;k++){ let t=performance.now(); validateWith(rules, doc); const a=performance.now()-t; t=performance.now(); validateWith([], doc); const b=performance.now()-t; console.log("mine", a.toFixed(0), "engine", b.toFixed(0)); }
