// The Handlebars environment: templates/ compiled once, helpers that escape user text for HTML or Markdown.
// Templates use `{{ }}` only; helpers that return SafeString escape every user string themselves.
import { readFileSync, readdirSync } from "node:fs";
import { packagePath } from "../paths.js";
import { createRequire } from "node:module";
import type Handlebars from "handlebars";
import type { CellMarks } from "./view.js";

// src/render and dist/render are both two levels below the package root.
const TEMPLATE_DIR = `${packagePath("templates")}/`;

let env: typeof Handlebars | undefined;
const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** Markdown table cell: HTML-significant characters as entities, Markdown syntax and pipes neutralised. */
export function escapeMarkdown(text: string): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/\r?\n/g, "<br>");
}

function isMarks(value: unknown): value is CellMarks {
  return typeof value === "object" && value !== null && Array.isArray((value as CellMarks).nums);
}

/**
 * The environment, made on the first render: handlebars is loaded then (synchronously, it is CommonJS), so a
 * command that renders nothing (`check`) never pays for it.
 */
function environment(): typeof Handlebars {
  if (env) return env;
  const hbs = (createRequire(import.meta.url)("handlebars") as typeof Handlebars).create();
  const escape = hbs.Utils.escapeExpression;
  hbs.registerHelper("md", (text: unknown) => new hbs.SafeString(escapeMarkdown(text == null ? "" : String(text))));
  hbs.registerHelper("mdMarks", (marks: unknown) =>
    isMarks(marks) && marks.nums.length ? new hbs.SafeString(` ⚠〔${marks.nums.join(",")}〕`) : "",
  );
  // ` class="finding finding-error"` on a marked cell; nothing otherwise.
  hbs.registerHelper("cls", (marks: unknown) =>
    isMarks(marks) && marks.severity ? new hbs.SafeString(` class="finding finding-${marks.severity}"`) : "",
  );
  // The same classes appended to an existing class attribute.
  hbs.registerHelper("clsExtra", (marks: unknown) =>
    isMarks(marks) && marks.severity ? new hbs.SafeString(` finding finding-${marks.severity}`) : "",
  );
  // Superscript note numbers linking to the notes under the table.
  hbs.registerHelper("fn", (marks: unknown, anchor: unknown) => {
    if (!isMarks(marks) || !marks.nums.length) return "";
    const prefix = escape(String(anchor ?? ""));
    const links = marks.nums.map((n) => `<a href="#${prefix}-n${n}">${n}</a>`).join(",");
    return new hbs.SafeString(`<sup class="fn">${links}</sup>`);
  });
  // 3月底, 6月底 one column each; 10月底 and 12月底 two columns each (7-column grid).
  hbs.registerHelper("planSpan", (index: number) => (index >= 2 ? new hbs.SafeString(' colspan="2"') : ""));
  hbs.registerHelper("inc", (index: number) => index + 1);
  hbs.registerHelper("ordinal", (index: number) => ORDINALS[index] ?? String(index + 1));

  for (const file of readdirSync(`${TEMPLATE_DIR}partials`)) {
    if (file.endsWith(".hbs")) hbs.registerPartial(file.replace(/\.hbs$/, ""), readFileSync(`${TEMPLATE_DIR}partials/${file}`, "utf8"));
  }
  env = hbs;
  return hbs;
}

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** A compiled template from templates/<name>.hbs. */
export function template(name: string): Handlebars.TemplateDelegate {
  let compiled = cache.get(name);
  if (!compiled) {
    compiled = environment().compile(readFileSync(`${TEMPLATE_DIR}${name}.hbs`, "utf8"), { strict: false, preventIndent: true });
    cache.set(name, compiled);
  }
  return compiled;
}
