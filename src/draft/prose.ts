// Prose to tables: a text with no 绩效目标表 (a project description, a request memo) becomes a one-project
// Document drafted offline, so `jixiao import` can still return something checkable.
import { InputError } from "../domain/errors.js";
import type { JixiaoDocument, ProfileId } from "../domain/schema.js";
import { extractFacts } from "./facts.js";
import { draftOffline } from "./offline.js";

const TITLE_MAX = 40;

/** A project name from the text: its first short line (a title), else the first clause, shortened. */
function titleOf(text: string): { name: string; rest: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? "";
  if (first.length <= TITLE_MAX && !/[。；;]/.test(first) && lines.length > 1) {
    return { name: first.replace(/^[#\s]+/, "").replace(/[：:]$/, ""), rest: lines.slice(1).join("\n") };
  }
  const clause = first.split(/[，,。；;：:]/)[0].slice(0, 20);
  return { name: clause, rest: lines.join("\n") };
}

export function draftFromProse(text: string, opts: { name?: string; budget?: number; profile?: ProfileId; file?: string } = {}): JixiaoDocument {
  const where = opts.file ? `${opts.file}：` : "";
  if (!text.trim()) throw new InputError(`${where}文本为空，无法起草绩效目标表`);
  const { name, rest } = titleOf(text);
  const summary = rest.trim() || text.trim();
  const facts = extractFacts(summary);
  const budget = opts.budget ?? (facts.money.length > 0 ? Math.max(...facts.money) : undefined);
  const draft = draftOffline({ name: opts.name ?? name, summary, budget, profile: opts.profile });
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
