// Project fields stated as `label value` outside a tab table (web pages, Word copies): 项目名称, 项目编码,
// 资金总额/预算数 (万元 or 元), 财政资金, 其他资金, 资金用途, 年度目标/绩效目标, 主管部门.
import { cleanCell, parseNumber, squash, trimEndOf } from "./lines.js";

export type FieldKind = "code" | "name" | "total" | "fiscal" | "other" | "purpose" | "goals" | "department" | "fundsHeading" | "ignore";

interface FieldLabel {
  kind: FieldKind;
  /** Matched against the text with whitespace removed, at a label position. */
  pattern: RegExp;
}

// Order matters: longer labels first so `年度资金总额` is not read as `资金总额`'s tail.
const LABELS: FieldLabel[] = [
  { kind: "code", pattern: /^(?:项目编码|项目代码|项目编号)/ },
  { kind: "name", pattern: /^项目名称/ },
  { kind: "fundsHeading", pattern: /^(?:项目资金(?:申请)?|预算规模及资金用途|资金情况)(?:\s*[（(](?:万元|元)[）)])?(?=$|[：:]?$|\s*(?:年度)?资金总额)/ },
  {
    kind: "total",
    pattern: /^(?:(?:年度资金总额|项目资金总额|资金总额)(?:及构成)?(?:总额)?|年度预算数|预算数|预算金额|预算资金|项目总金额|预算总额|资金规模|项目金额)(?:[（(](?:万元|元)[）)])?/,
  },
  { kind: "fiscal", pattern: /^(?:其中\s*[：:]?\s*)?(?:财政资金|财政拨款数?|财政性资金)(?:[（(](?:万元|元)[）)])?/ },
  { kind: "other", pattern: /^(?:其他资金|其它资金|自有资金|其他(?=[：:]))(?:[（(](?:万元|元)[）)])?/ },
  { kind: "purpose", pattern: /^资金用途/ },
  { kind: "goals", pattern: /^(?:年度绩效目标|年度目标|项目绩效目标|绩效目标|总体目标|长期目标|中期目标)(?!表|和|指标|及|申报|设定|批复|管理|自评|实现)/ },
  { kind: "department", pattern: /^(?:(?:项目)?主管部门(?:及其?编码)?|预算部门|部门名称|单位名称|预算单位)/ },
  // Labels whose values jixiao does not keep; they end the value before them (主管部门 县财政局 实施单位 …).
  { kind: "ignore", pattern: /^(?:(?:项目)?(?:实施|执行)单位|项目负责人(?:及电话)?|联系电话|项目类别|归口科室|项目属性|项目起\s*止时间|当年资金总额|(?:其中\s*[:：]\s*)?当年财政拨款|当年其他资金)/ },
];

/** Labels found even without a separator before them, as run-together copies write them (…教育局项目执行单位…). */
const ANYWHERE: FieldKind[] = ["ignore"];

export interface FieldHit {
  kind: FieldKind;
  /** The label as written (without the colon). */
  label: string;
  /** Text after the label up to the next label on the line ("" when the value is on the next line). */
  value: string;
}

/** The patterns as sticky expressions, so a label is tried at a position without copying the rest of the line. */
const STICKY = LABELS.map((l) => ({ kind: l.kind, pattern: new RegExp(l.pattern.source.replace(/^\^/, ""), "y") }));

export function labelAt(text: string, at: number): { kind: FieldKind; length: number } | null {
  for (const l of STICKY) {
    l.pattern.lastIndex = at;
    const m = l.pattern.exec(text);
    if (m) return { kind: l.kind, length: m[0].length };
  }
  return null;
}

/** Field labels on one line, each with its value. Empty when the line does not start with a label. */
export function readFieldLine(line: string): FieldHit[] {
  // `一、预算资金：250`: list numbering before a label is no part of it.
  const text = line.replace(/[\s\u3000]+/g, " ").trim().replace(/^[一二三四五六七八九十]{1,2}[、.．]\s*(?=\S)/, "");
  const starts: { at: number; kind: FieldKind; length: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const separated = i === 0 || /[\s：:；;，,|（(]/.test(text[i - 1]);
    const hit = labelAt(text, i);
    // `12万元其中：财政拨款…`: a budget part right after an amount (a PDF's text drops the space between them).
    const afterAmount = i > 0 && /[0-9０-９元]/.test(text[i - 1]) && (hit?.kind === "fiscal" || hit?.kind === "other");
    if (hit && !separated && !afterAmount && !ANYWHERE.includes(hit.kind)) continue;
    if (!hit && !separated) continue;
    // Inside a bracket only the parts of a budget start a field: 480.5万元（财政资金 480.5 万元，其他资金 0）.
    if (hit && i > 0 && /[（(]/.test(text[i - 1]) && hit.kind !== "fiscal" && hit.kind !== "other") continue;
    if (hit) {
      starts.push({ at: i, ...hit });
      i += hit.length - 1;
    }
  }
  if (starts.length === 0 || starts[0].at !== 0) return [];
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].at : text.length;
    const value = text
      .slice(s.at + s.length, end)
      .replace(/^[\s：:]+/, "")
      .trim();
    let trimmed = trimEndOf(value, " ；;，,|");
    // The bracket that opened or closes a budget breakdown is no part of the amount.
    if (k + 1 < starts.length && /[（(]$/.test(trimmed)) trimmed = trimEndOf(trimmed.slice(0, -1), " ；;，,|");
    if ((s.kind === "fiscal" || s.kind === "other") && /[）)]$/.test(trimmed) && !/[（(]/.test(trimmed)) trimmed = trimmed.slice(0, -1).trim();
    return { kind: s.kind, label: text.slice(s.at, s.at + s.length), value: cleanCell(trimmed) };
  });
}

/** The unit a label or value states: `资金总额（元）`, `1,200,000元` → 元; `350万元` → 万元. */
export function statedUnit(text: string): "万元" | "元" | "亿元" | null {
  const t = squash(text);
  if (/亿元/.test(t)) return "亿元";
  if (/万元|万$/.test(t)) return "万元";
  if (/元/.test(t)) return "元";
  return null;
}

/**
 * An amount in 万元 (the Document's unit): `350万元` → 350, `1,200,000元` → 120, `860` with unit 万元 → 860.
 * Returns undefined when the text holds no amount, so the caller can warn instead of guessing.
 */
export function parseAmount(text: string, defaultUnit: "万元" | "元" | "亿元" = "万元"): number | null | undefined {
  // `854万(高标准农田建设400万元,…)`: the amount before its breakdown; `854万854万`: the same amount twice.
  let t = squash(text).replace(/[（(][^（()）]*[）)]$/, "");
  const twice = /^(.+?)\1$/.exec(t);
  if (twice && /^[0-9０-９]/.test(twice[1])) t = twice[1];
  if (!t || t === "无" || t === "-" || t === "—") return null;
  const m = /^([0-9０-９][0-9０-９,，.．]*)(亿元|万元|元|万)?$/.exec(t);
  if (!m) return undefined;
  const n = parseNumber(m[1]);
  if (n === null) return undefined;
  const unit = m[2] === "万" ? "万元" : ((m[2] as "万元" | "元" | "亿元" | undefined) ?? defaultUnit);
  const wan = unit === "元" ? n / 10000 : unit === "亿元" ? n * 10000 : n;
  return Math.round(wan * 1e6) / 1e6;
}

const GOAL_ITEM = /(?<=^|\s|[；;。])(?=(?:\d+|[一二三四五六七八九十]+)[.．、](?!\d)|目标\s*[一二三四五六七八九十\d]+\s*[：:])/;

/** A goal cell or paragraph holding several numbered goals (`1.…；2.…`) → one goal each. */
export function splitGoals(text: string): string[] {
  const t = cleanCell(text);
  if (!t) return [];
  const parts = t.split(GOAL_ITEM).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts : [t];
}
