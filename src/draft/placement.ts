// Where a stated fact goes: counts, areas and lengths → 数量; deadlines, durations and periods → 时效; unit
// standards and money splits → 成本; beneficiaries, jobs → 社会效益; income, output value → 经济效益 (water saved,
// irrigation, air and waste shares → 生态效益). Each fact becomes one row with a name read from its own clause.
import type { Role } from "./library/types.js";
import { quantityText, type StatedFact } from "./stated.js";

/** A row drafted from one fact. */
export interface FactRow {
  role: Role;
  name: string;
  value: string;
  description: string;
  basis: string;
}

const ECO_WORDS = /(?:浓度|优良|空气|PM|排放|无害化|降尘|水质|森林覆盖|绿化覆盖|节水|灌溉|排水|水土|碳)/;
const QUALITY_MEASURE = /(?:射程|宽度|高度|厚度|深度|时长|响应|每日|每天|每周|频次|精度|达标)/;
const SATISFIED = /满意/;

/** The role a fact belongs in. */
export function roleOfFact(fact: StatedFact): Role {
  const b = fact.before;
  switch (fact.type) {
    case "budget":
    case "unit-standard":
    case "money-split":
      return "成本";
    case "deadline":
    case "period":
      return "时效";
    case "duration":
      return /(?:时长)$/.test(b) || /^(?:安保|值守|值班|监控|在线|服务|不间断)/.test(fact.after) ? "质量" : "时效";
    case "completion-share":
      if (SATISFIED.test(b)) return "满意度";
      return ECO_WORDS.test(b) ? "生态效益" : "质量";
    case "income":
      return "经济效益";
    case "output-value":
      return ECO_WORDS.test(b) ? "生态效益" : "经济效益";
    case "beneficiaries":
    case "jobs":
      return "社会效益";
    default:
      if (/(?:降尘量|浓度|排放量)/.test(b)) return "生态效益";
      if (fact.effect) return fact.type === "area" && ECO_WORDS.test(b) ? "生态效益" : "社会效益";
      if (fact.value === 0 || QUALITY_MEASURE.test(b.slice(-6))) return "质量";
      return "数量";
  }
}

// ---- names -------------------------------------------------------------------------------------------------

const COUNT_SUFFIX: Record<string, string> = {
  户: "户数", 人: "人数", 名: "人数", 位: "人数", 人次: "人次", 次: "次数", 场: "场次", 场次: "场次", 期: "期数", 届: "届数", 班: "班次",
  平方米: "面积", 平方公里: "面积", 亩: "面积", 公顷: "面积", 公里: "长度", 千米: "长度", 米: "长度", 课时: "课时数",
};
const PERSON_UNITS = new Set(["人", "名", "人次", "户", "位"]);
const ENDS_AS_COUNT = /(?:数|数量|量|人次|场次|面积|长度|里程|规模|容量|课时)$/;
/** Words that open a clause and are not part of its subject. */
const LEADING_WORDS = /^(?:每年|全年|年度|计划|预计|拟|主要|共|累计|通过|其中|并|和|及|同时|根据|按照|将|已|对|在|于|资金分为|分为|包括|项目实施后|项目建成后|项目|工程|实施后|建成后|治理后|完成后|\d+年后|年均)+/;
const SERVE_WORDS = ["惠及", "覆盖", "涉及", "服务", "资助", "帮扶", "救助", "受益", "为", "向", "给"];
const ACTION_WORDS = [
  "改造", "建设", "新建", "改建", "维修", "修缮", "培训", "清运", "整治", "配备", "购置", "发放", "接待", "走访", "开展", "组织",
  "举办", "完成", "推广", "安装", "清理", "治理", "收集", "处理", "慰问", "检查", "巡查", "体检", "接种", "救治", "招聘", "聘用",
  "补助", "补贴", "奖励", "扶持", "支持", "吸纳", "带动", "新增", "建成", "硬化", "铺设", "敷设", "种植", "栽植", "谋划", "编制", "印制",
  "制作", "采购", "聚焦", "提供", "新修", "更换", "设置", "投入", "清淤", "演出", "解决", "保护", "改善",
];
const NOUN_STOP = /(?:提供|进行|开展|参加|参与|实施|享受|获得|给予|发放|接受|完成|实现|达到|用于|纳入|列入|建成|的|和|及|与|等|每|共|在|为|由|将|已|，|。)/;
const AREA_PREFIX = /^(?:全(?:省|市|县|区|镇|乡|旗)|县域内|辖区内?|(?:本|我)(?:省|市|县|区|镇|乡)|(?:省|市|县|区|镇|乡)(?:内|级))+/;
const CLEAN_NOUN = /^[\u4e00-\u9fffA-Za-z0-9.]{2,14}$/;

const NOT_PREPOSITION_BEFORE = /[作成行认因以称视更较极最面相绝反方指导朝]$/;
const NOT_PREPOSITION_AFTER = /^[了止主准象接比照应口面导]/;

function prepositionAt(clause: string, w: string): number {
  for (let at = clause.lastIndexOf(w); at >= 0; at = at > 0 ? clause.lastIndexOf(w, at - 1) : -1) {
    if (!NOT_PREPOSITION_BEFORE.test(clause.slice(0, at)) && !NOT_PREPOSITION_AFTER.test(clause.slice(at + 1))) return at;
  }
  return -1;
}

function splitVerb(clause: string): { verb: string; serves: boolean; rest: string } {
  let best: { verb: string; serves: boolean; at: number } | null = null;
  for (const [words, serves] of [[SERVE_WORDS, true], [ACTION_WORDS, false]] as const) {
    for (const w of words) {
      const at = w.length === 1 ? prepositionAt(clause, w) : clause.lastIndexOf(w);
      if (at < 0) continue;
      const end = at + w.length;
      if (!best || end > best.at + best.verb.length) best = { verb: w, serves, at };
    }
  }
  if (!best) return { verb: "", serves: false, rest: clause };
  return { verb: best.verb, serves: best.serves, rest: clause.slice(best.at + best.verb.length) };
}

const noun = (s: string) => s.replace(LEADING_WORDS, "").replace(AREA_PREFIX, "");

function finish(name: string): string | null {
  const clean = name.replace(/^[的之]+/, "");
  if (clean.length < 4) return null;
  return clean.length <= 18 ? clean : clean.slice(-18);
}

/**
 * A short 三级 name for a stated count, from the noun right before the number (农村义务教育学校32所) or,
 * when the number opens the phrase, the noun right after its unit (6个关键产业链): 覆盖农村义务教育学校数量,
 * 受益农户户数, 关键产业链数量. Null when no clean noun can be found.
 */
export function countName(fact: Pick<StatedFact, "before" | "after" | "unit">): string | null {
  const clause = fact.before.replace(LEADING_WORDS, "");
  const { verb, serves, rest } = splitVerb(clause);
  const unit = fact.unit.replace(/^万/, "");
  const suffix = COUNT_SUFFIX[unit] ?? "数量";
  const served = PERSON_UNITS.has(unit) ? "受益" : "覆盖";
  const after = noun(fact.after.split(NOUN_STOP)[0] ?? "");
  const direct = verb !== "" && noun(rest) === "";
  if (CLEAN_NOUN.test(after) && !/^\d/.test(after)) return finish(`${direct ? (serves ? served : verb) : ""}${after}${suffix}`);
  const subject = noun(rest);
  if (!CLEAN_NOUN.test(subject)) return null;
  if (ENDS_AS_COUNT.test(subject)) return finish(`${serves ? "" : verb}${subject}`);
  return finish(`${serves ? served : verb}${subject}${suffix}`);
}

/** The clause as a name stem: leading and area words and a trailing comparison removed. */
function stem(before: string): string {
  return noun(before).replace(/(?:较上年|比上年|同比)/, "").replace(/[^\u4e00-\u9fffA-Za-z0-9.]/g, "");
}

const FUNDING_WORD = /(补助|补贴|奖补|奖励|资助|津贴|投入|物业费|工资|伙食补助|演出费|改造费用|配套|费用|标准)/;

function perPhrase(unit: string): string {
  const per = unit.split("/")[1] ?? "";
  return per.split("·").map((p) => `每${p}`).join("");
}

function op(fact: StatedFact, fallback: "≥" | "≤" | "="): string {
  return fact.op || fallback;
}

/** One row for one fact; null when the fact is the budget (the total-cost row carries it). */
export function factRow(fact: StatedFact, year: (f: StatedFact, end?: boolean) => number): FactRow | null {
  const role = roleOfFact(fact);
  const q = quantityText(fact);
  const s = stem(fact.before);
  const basis = "项目概况（申报材料）中的数字";
  const row = (name: string, value: string, description: string): FactRow => ({ role, name, value, description, basis });
  switch (fact.type) {
    case "budget":
      return null;
    case "unit-standard": {
      // 1760株/栋 is a density, not a cost: 每栋株数.
      if (!/^万?元/.test(fact.unit)) {
        const name = `${perPhrase(fact.unit)}${fact.unit.split("/")[0]}数`;
        return row(name, `=${q}`, `项目概况确定的${name}`);
      }
      const word = fact.before.match(new RegExp(FUNDING_WORD.source, "g"))?.pop() ?? "成本";
      const name = `${perPhrase(fact.unit)}${word === "标准" ? "" : word}标准`;
      const subsidy = /(补助|补贴|奖补|奖励|资助|津贴|配套)/.test(word);
      return row(name, `${subsidy ? "=" : op(fact, "≤")}${q}`, `项目概况确定的${name}（按文件标准执行，不由预算推算）`);
    }
    case "money-split": {
      const name = s ? (/(?:费|资金|经费|成本)$/.test(s) ? s : `${s}资金`) : "分项资金";
      return row(finish(name) ?? name, `≤${q}`, `项目概况确定的${name}`);
    }
    case "completion-share": {
      const base = s || "任务完成";
      const name = /(?:率|比例|比重|覆盖率)$/.test(base) ? base : `${base}比例`;
      return row(finish(name) ?? name, `${op(fact, "≥")}${q}`, `项目概况确定的${name}`);
    }
    case "deadline": {
      const name = `${s.replace(/(?:于|在)$/, "") || "任务"}完成时间`;
      const day = fact.day ? `${fact.day}日` : "底";
      return row(finish(name) ?? "任务完成时间", `${year(fact)}年${fact.month}月${day}前`, "项目概况确定的完成时限");
    }
    case "period": {
      const name = /服务/.test(fact.before) ? "服务期限" : /活动/.test(fact.before) ? "活动开展时间" : /培训/.test(fact.before) ? "培训实施时间" : "项目实施期限";
      const from = `${year(fact)}年${fact.month}月${fact.day ? `${fact.day}日` : ""}`;
      const to = `${year(fact, true)}年${fact.toMonth}月${fact.toDay ? `${fact.toDay}日` : ""}`;
      return row(name, `${from}至${to}`, "项目概况确定的实施期限");
    }
    case "duration": {
      const base = s || noun(fact.after.split(NOUN_STOP)[0] ?? "");
      const name = /(?:期|期限|时间|时长|工期)$/.test(base) ? (base === "服务期" ? "服务期限" : base) : `${base}时长`;
      const fallback = role === "质量" ? "≥" : /(?:工期|响应|完成)/.test(base) ? "≤" : "=";
      return row(finish(name) ?? "服务时长", `${op(fact, fallback)}${q}`, `项目概况确定的${name}`);
    }
    case "income":
    case "output-value": {
      const name = s ? (/(?:量|值|收|收入|支出|能)$/.test(s) ? s : `${s}金额`) : fact.type === "income" ? "受益对象增收金额" : "新增产值";
      return row(finish(name) ?? name, `${op(fact, "≥")}${q}`, `项目实施后${name}`);
    }
    case "jobs":
      return row(/就业/.test(fact.before + fact.after) ? "带动就业人数" : "带动务工人数", `${op(fact, "≥")}${q}`, "项目带动的务工就业人数");
    case "beneficiaries": {
      const named = countName(fact);
      const name = named && /受益|覆盖|惠及/.test(named) ? named : `受益${stem(fact.before).replace(/^(?:受益|惠及|解决|保护)/, "") || "群众"}${fact.unit === "户" ? "户数" : fact.unit === "人次" ? "人次" : "人数"}`;
      return row(finish(name) ?? "受益人数", `${op(fact, "≥")}${q}`, "项目直接惠及的对象数量");
    }
    default: {
      const name = countName(fact) ?? (s ? `${s}${COUNT_SUFFIX[fact.unit] ?? "数量"}` : `完成工作量（${fact.unit}）`);
      const fallback = role === "质量" && fact.value === 0 ? "=" : "≥";
      return row(finish(name) ?? name, `${op(fact, fallback)}${q}`, `项目概况中确定的${name}`);
    }
  }
}
