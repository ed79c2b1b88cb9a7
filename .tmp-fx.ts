import { readdirSync } from "node:fs";
import { join } from "node:path";
import { validateWith } from "./src/rules/engine.js";
import type { Rule } from "./src/rules/types.js";
import { parseRuleFixture } from "./test/rules/fixture.js";
const ids = ["value-placeholder","value-repeats-name","value-question","value-not-measurable","value-direction","value-over-100","value-unit","cost-not-money","cost-over-budget","satisfaction-low","timeliness-vague","basis-not-source","value-excel-date","cost-zero","direction-conflict"];
const rules: Rule[] = [];
for (const id of ids) rules.push((await import(`./src/rules/${id}.js`)).default);
const dir = "test/fixtures/rules";
for (const f of readdirSync(dir).filter(f=>f.endsWith(".md")).sort()) {
  const fx = parseRuleFixture(join(dir,f));
  if (!fx.rules.every(r=>ids.includes(r))) continue;
  const r = validateWith(rules, fx.document, { profile: fx.profile });
  const key = (h:any)=>`${h.rule}@${h.project}#${h.indicator}`;
  const actual = new Set(r.findings.filter(x=>fx.rules.includes(x.rule)).map(key));
  const wanted = new Set(fx.expected.filter(h=>fx.rules.includes(h.rule)).map(key));
  const extra = [...actual].filter(a=>!wanted.has(a)), missing=[...wanted].filter(w=>!actual.has(w));
  console.log(f, extra.length||missing.length ? `EXTRA ${extra} MISSING ${missing}` : "ok");
}
