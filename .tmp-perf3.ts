import { readFileSync } from "node:fs";
import { DocumentSchema, isEmptyRow } from "./src/domain/schema.js";
import { parseValue } from "./src/domain/value.js";
import { canonicalLabel, PROFILES } from "./src/domain/taxonomy.js";
import type { Rule, ProjectContext } from "./src/rules/types.js";
const ids = ["value-placeholder","value-repeats-name","value-question","value-not-measurable","value-direction","value-over-100","value-unit","cost-not-money","cost-over-budget","satisfaction-low","timeliness-vague","basis-not-source","value-excel-date","cost-zero","direction-conflict"];
const rules: Rule[] = [];
for (const id of ids) rules.push((await import(`./src/rules/${id}.js`)).default);
const seed = JSON.parse(readFileSync("examples/chengde-gxq-2023.gold.json","utf8"));
const projects = [];
for (let i=0;i<715;i++) for (const p of seed.projects) projects.push({...p, code: p.code+"-"+i});
const doc = DocumentSchema.parse({...seed, projects});
const ctxs: ProjectContext[] = doc.projects.map(project => ({ project, profile: PROFILES.legacy, config: {}, rows: project.indicators.map((indicator, index) => {
  const level2 = canonicalLabel(indicator.level2);
  return { index, indicator, parsed: parseValue(indicator.value, { level2: level2 ?? "" }), level1: canonicalLabel(indicator.level1), level2, empty: isEmptyRow(indicator) };
})}));
const times = new Map<string, number>();
for (let k=0;k<5;k++) {
  // fresh row objects each round so the per-row cache does not carry over
  const fresh = ctxs.map(c => ({...c, rows: c.rows.map(r => ({...r}))}));
  for (const r of rules) { const t=performance.now(); for (const c of fresh) (r as any).check(c); const d=performance.now()-t; times.set(r.id, Math.min(times.get(r.id) ?? 1e9, d)); }
}
let total=0; for (const [id,t] of times) { total+=t; console.log(id, t.toFixed(1)); } console.log("total", total.toFixed(0));
