// Units of 指标值 and how to bring a number to base units. Lookup is a Map probed longest key
// first at a position, so `人次` wins over `人`, `个月` over `个`, `万元` over the 万 multiplier.
import type { UnitKind } from "./value.types.js";

export interface UnitInfo {
  kind: UnitKind;
  /** Power of ten to base units: 万元 → 4 (元), ‰ → -1 (percent). Powers of ten keep 1.1万 exact. */
  exp: number;
  /** The standard spelling when this one is nonstandard (百分比 → %). */
  standard?: string;
}

const unit = (kind: UnitKind, exp = 0, standard?: string): UnitInfo => (standard ? { kind, exp, standard } : { kind, exp });

const TABLE: Record<string, UnitInfo> = {
  "%": unit("percent"),
  百分比: unit("percent", 0, "%"),
  百分号: unit("percent", 0, "%"),
  百分率: unit("percent", 0, "%"),
  百分点: unit("percent"),
  个百分点: unit("percent"),
  "‰": unit("permille", -1),
  千分比: unit("permille", -1, "‰"),
  千分号: unit("permille", -1, "‰"),
  元: unit("money"),
  千元: unit("money", 3),
  万元: unit("money", 4),
  百万元: unit("money", 6),
  千万元: unit("money", 7),
  亿元: unit("money", 8),
};

// Sources (public lists, not memory):
// - 法定计量单位: 《中华人民共和国法定计量单位》(国务院 1984-02-27), 表1 国际单位制的基本单位, 表3 具有专门名称的
//   导出单位, 表4 国家选定的非国际单位制单位 (copy at http://mirvacam.com/Laws/Trade/Else/200810/596.shtml).
// - 个体量词: the list in the 个体量词 entry (http://weilinceramic.com/weilinceramic/个体量词/7225205);
//   动量词 次、回、遍、趟、下、顿、番 and 场 (https://wiki.szjm666.com/cn/item/20834.html).
// - Counting words the real tables use beyond those lists (人次, 户次, 例 for cases, 期 for issues …): each seen in
//   test/fixtures/corpus or the seed.
// Words left out on purpose: 分 (a score, 90分, is no unit of a rate), 级 (a grade), 面/身/听 (rarely a count and
// the head of ordinary words).

/** 法定计量单位 of time (表4 and the 周、月、年 of its notes) and the working units tables add (工作日, 学时). */
const DURATIONS = ["天", "日", "个工作日", "工作日", "自然日", "小时", "个小时", "分钟", "秒", "个月", "月", "周", "个周", "星期",
  "年", "周年", "季度", "个季度", "学时", "课时", "h", "min", "s", "d"];
/** 法定计量单位 of length, area, volume, mass, energy, power (表1, 表3, 表4) and the 市制/land units tables use. */
const MEASURES = ["平方米", "平米", "㎡", "m2", "m²", "平方公里", "平方千米", "立方米", "立方", "m3", "m³", "亩", "公顷", "公里", "千米",
  "km", "毫米", "mm", "厘米", "cm", "分贝", "db", "米", "延米", "m", "吨", "千克", "公斤", "kg", "克", "千瓦", "kw", "千瓦时", "kwh", "兆瓦", "mw", "度", "吨标准煤",
  "标准煤", "升", "gb", "tb", "mb", "t", "海里", "瓦", "w", "焦耳", "兆焦", "伏", "安培", // not a bare 安: descriptions write 1安装点, 安全
  "摄氏度", "℃", "赫兹", "hz", "帕", "兆帕", "mpa",
  "流明", "勒克斯", "lx", "毫升", "ml", "l", "立方米/秒", "公吨", "千米/小时", "km/h"];
/** 个体量词 and 动量词 of the lists above, with the compound counts (人次, 户次 …) tables write. */
const COUNTS = [
  "个", "次", "户", "人次", "人", "家", "项", "份", "场", "期", "篇", "套", "台", "件", "批", "所", "座", "处", "条", "本",
  "册", "部", "辆", "名", "位", "支", "张", "间", "类", "村", "企业", "户次", "场次", "批次", "车次", "架次", "班", "门",
  "种", "册次", "块", "棵", "株", "头", "只", "宗", "笔", "单", "份次", "期次", "轮", "组", "队", "盏", "根", "口", "眼",
  "栋", "幢", "间次", "床", "课", "节", "户数", "人数", "个数", "家次", "点", "站", "所次", "镇", "乡", "社区", "街道", "台次",
  "人天", "人日", "个次", "项次", "条次", "篇次", "处次", "页", "箱", "袋", "盒", "册数", "字", "个点位",
  // 个体量词 list
  "把", "瓣", "出", "道", "顶", "锭", "朵", "封", "幅", "副", "服", "杆", "管", "剂", "架", "具", "颗", "粒", "列", "枚", "盘",
  "匹", "片", "曲", "扇", "首", "艘", "堂", "尾", "员", "帧", "桩", "尊", "枝",
  // 动量词
  "回", "遍", "趟", "下", "顿", "番",
  // Counting words of real tables
  "例", "人/次", "学时数", "亩次", "场/次", "期/次",
  // Measure words of project descriptions (1届艺术节, 事故0起).
  "届", "起", "樘", "孔", "棚",
];
// Upper-case spellings of metric symbols (80M, 5KM, 10KG): understood, with the standard symbol as the fix.
for (const [written, standard, kind] of [["M", "m", "measure"], ["KM", "km", "measure"], ["KG", "kg", "measure"], ["CM", "cm", "measure"], ["MM", "mm", "measure"]] as const) {
  TABLE[written] = unit(kind, 0, standard);
}
for (const u of DURATIONS) TABLE[u] ??= unit("duration");
for (const u of MEASURES) TABLE[u] ??= unit("measure");
for (const u of COUNTS) TABLE[u] ??= unit("count");

const UNITS = new Map(Object.entries(TABLE));
const MAX_UNIT_LENGTH = Math.max(...[...UNITS.keys()].map((k) => k.length));

/** 万/亿/千 in front of a unit multiply the number (1.1万户). 万元/亿元 are units, matched first. */
const MULTIPLIERS = new Map<string, number>([["千万", 7], ["百万", 6], ["亿", 8], ["万", 4], ["千", 3], ["百", 2]]);

/** Every unit word the grammar knows, with its kind: the one list value-unit and the drafter read. */
export function knownUnits(): ReadonlyMap<string, UnitInfo> {
  return UNITS;
}

export function unitInfo(text: string): UnitInfo | undefined {
  return UNITS.get(text) ?? UNITS.get(text.toLowerCase());
}

const ASCII_LETTER = /[A-Za-z]/;

/** The longest unit written at `pos`, or null. ASCII units (km, kW) compare case-insensitively. */
export function matchUnit(s: string, pos: number): { unit: string; info: UnitInfo } | null {
  const ascii = ASCII_LETTER.test(s[pos] ?? "");
  for (let len = Math.min(MAX_UNIT_LENGTH, s.length - pos); len > 0; len--) {
    const key = s.slice(pos, pos + len);
    const info = UNITS.get(key) ?? (ascii ? UNITS.get(key.toLowerCase()) : undefined);
    if (info) {
      // An ASCII unit must not be the head of a longer word (`5 mg` is not metres).
      if (ascii && ASCII_LETTER.test(s[pos + len] ?? "")) continue;
      return { unit: key, info };
    }
  }
  return null;
}

/** A multiplier word (万, 亿, 千万 …) at `pos`: its text and power of ten. */
export function matchMultiplier(s: string, pos: number): { text: string; exp: number } | null {
  const two = s.slice(pos, pos + 2);
  const exp2 = MULTIPLIERS.get(two);
  if (exp2 !== undefined) return { text: two, exp: exp2 };
  const one = s[pos];
  const exp1 = one === undefined ? undefined : MULTIPLIERS.get(one);
  return exp1 === undefined ? null : { text: one, exp: exp1 };
}
