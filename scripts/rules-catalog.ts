// The rule catalog as Markdown, from the registry: a summary table, then each rule's own docs.
import { SEVERITY_LABEL } from "../src/domain/vocabulary.js";
import { RULES } from "../src/rules/registry.js";

export function rulesCatalog(): string {
  const head = [
    "# Rule catalog",
    "",
    "Generated from `src/rules/*.ts` by `npm run docs:rules`; do not edit by hand. Each rule is a pure function",
    "of a project (or of the whole document) and the taxonomy profile: no model call, no I/O. The order is the",
    "registry's (`src/rules/registry.ts`): findings of one row are reported in this order, and a rule that judges",
    "a field exclusively (`exclusive`) hides later rules' hits on the same row and field. Severities can be",
    "changed or rules turned off in `.jixiaorc.json`. The same documentation is served to chat clients as the",
    "MCP resource `jixiao://rules/{id}`.",
    "",
    `${RULES.length} rules:`,
    "",
    "| id | severity | scope | fires when |",
    "|---|---|---|---|",
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity}（${SEVERITY_LABEL[r.severity]}） | ${r.scope} | ${r.description.replace(/\|/g, "\\|")} |`),
    "",
  ];
  const sections = RULES.map((r) => {
    // The rules' docs use ## headings; one level down here, under the rule's own heading.
    const docs = r.docs.trim().replace(/^## /gm, "#### ");
    return [`## ${r.id}`, "", `**${r.severity}** · ${r.scope}${"exclusive" in r && r.exclusive ? ` · judges \`${r.exclusive}\`` : ""} — ${r.description}`, "", docs, ""].join("\n");
  });
  return `${head.join("\n")}\n${sections.join("\n")}`;
}
