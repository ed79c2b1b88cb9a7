// Prose to tables: a text with no 绩效目标表 (a project description, a request memo) becomes a one-project
// Document drafted offline, so `jixiao import` can still return something checkable.
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument, ProfileId } from "../domain/schema.js";
import { stripNumbering } from "../rules/structure-util.js";
import { extractFacts } from "./facts.js";
import { draftOffline } from "./offline.js";
import type { DraftInput, TextGenerator } from "./index.js";

const TITLE_MAX = 40;
const SUMMARY_MAX = 2000;

/**
 * A project name from the text: its first short line (a title); else a short head before a colon
 * (`垃圾清运：2024年…`); else the first clause's subject, shortened.
 */
export function splitTitle(text: string): { name: string; rest: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? "";
  if (first.length <= TITLE_MAX && !/[。；;]/.test(first) && lines.length > 1) {
    return { name: stripNumbering(first.replace(/^[#\s]+/, "").replace(/[：:]$/, "")), rest: lines.slice(1).join("\n") };
  }
  const head = /^#*\s*([^，,。；;：:]{2,30})[：:](.+)$/s.exec(first);
  if (head) return { name: stripNumbering(head[1].trim()), rest: [head[2].trim(), ...lines.slice(1)].join("\n") };
  // The clause's subject: a project name ends where a preposition opens what it does (…计划为全县…).
  const clause = first.split(/[，,。；;：:]/)[0];
  const subject = /^(.{4,20}?)(?:为|对|向|给|按照|通过|用于)/.exec(clause)?.[1];
  return { name: subject ?? clause.slice(0, 20), rest: lines.join("\n") };
}

interface ProseOptions {
  name?: string;
  budget?: number;
  profile?: ProfileId;
  file?: string;
}

function proseInput(text: string, opts: ProseOptions): DraftInput {
  const where = opts.file ? `${opts.file}：` : "";
  if (!text.trim()) throw new InputError(`${where}文本为空，无法起草绩效目标表`);
  const { name, rest } = splitTitle(text);
  // A project description is a few paragraphs; a huge text (a whole report) is cut, not copied into 项目概况.
  const summary = (rest.trim() || text.trim()).slice(0, SUMMARY_MAX);
  const facts = extractFacts(summary);
  const budget = opts.budget ?? (facts.money.length > 0 ? Math.max(...facts.money) : undefined);
  return { name: opts.name ?? name, summary, budget, profile: opts.profile };
}

/**
 * Prose to tables with a model: the LLM endpoint (or any TextGenerator) drafts and repairs the project;
 * without a generator this is the offline drafter.
 */
export async function draftFromProseWith(text: string, opts: ProseOptions & { generator?: TextGenerator } = {}): Promise<JixiaoDocument> {
  if (!opts.generator) return draftFromProse(text, opts);
  // The drafter's entry (and the LLM client behind it) loads here: splitTitle alone must stay light.
  const { draftProject } = await import("./index.js");
  const result = await draftProject(proseInput(text, opts), { generator: opts.generator });
  const where = opts.file ? `${opts.file}：` : "";
  return {
    unit: "万元",
    toc: [],
    profile: result.project.profile,
    projects: [result.project],
    importWarnings: [
      {
        line: null,
        message: `${where}文本中没有绩效目标表，已由 ${result.drafterLabel} 按文字起草项目“${result.project.name}”（${result.rounds} 轮，剩余 ${result.findings.length} 个问题）`,
      },
    ],
  };
}

export function draftFromProse(text: string, opts: ProseOptions = {}): JixiaoDocument {
  const where = opts.file ? `${opts.file}：` : "";
  const draft = draftOffline(proseInput(text, opts));
  const pending = draft.project.indicators.filter((i) => i.needsConfirmation).length;
  return {
    unit: "万元",
    toc: [],
    profile: draft.project.profile,
    projects: [draft.project],
    importWarnings: [
      {
        line: null,
        message: `${where}文本中没有绩效目标表，已按文字起草项目“${draft.project.name}”（${draft.kind.label}类，${draft.project.indicators.length} 项指标，其中 ${pending} 项为默认值需确认）`,
      },
    ],
  };
}
