// Measure words the value rules read (data, one place). A 三级 name is matched against these to learn
// which way its value should point: 满意度 ≥, 差错率 ≤, 成本 ≤. Regexes are compiled once here.
import { AnyWord } from "../any-word.js";

/** Rates where more is better (≤/< on them is backwards). Matched as `<word>率` at the end of a name. */
export const HIGHER_IS_BETTER_RATES: readonly string[] = [
  "满意", "合格", "准确", "完成", "覆盖", "达标", "及时", "到位", "使用", "知晓", "参与", "通过", "优良",
  "执行", "兑现", "正确", "成功", "就业", "出勤", "利用", "普及", "回收", "处理", "结案", "办结", "验收",
  "拨付", "支付", "受益", "落实", "完好", "整改", "开工", "入库", "上线", "在线", "好评", "专款专用",
  "节约", "响应", "解决", "合规", "完整", "达产", "参保", "接种", "入学", "巩固", "录入", "办理", "采纳",
  "转化", "签约", "供应", "配送", "发放", "审核", "检测", "抽检", "巡查", "留存", "保存", "到岗", "培训",
  "考核", "建档", "登记", "公开", "归档", "核实", "核查", "上报", "报送", "审批", "监测", "达成", "实现",
];

/** Rates where less is better (≥/> on them is backwards). Checked before the higher list (不合格率 ⊃ 合格率). */
export const LOWER_IS_BETTER_RATES: readonly string[] = [
  "差错", "超支", "投诉", "事故", "发生", "失误", "返工", "偏差", "错误", "失败", "故障", "流失", "空置",
  "漏报", "误报", "重复", "死亡", "损耗", "不合格", "违规", "退回", "缺陷", "发病", "报废", "返贫", "辍学",
  "误差", "闲置", "超标", "逾期", "延误", "拖欠", "出错", "差评", "漏检", "漏查", "丢失", "破损", "损坏",
  "不达标", "违约", "赔付", "降级", "失效", "超期", "滞留", "积压",
];

/** Counts where less is better: 安全事故次数, 投诉件数. */
export const LOWER_IS_BETTER_COUNT_HEADS: readonly string[] = ["事故", "投诉", "差错", "违规", "失误", "安全事故", "信访", "上访"];

/** Words of satisfaction (满意度, 满意率, 农户对型煤满意). */
export const SATISFACTION_WORDS: readonly string[] = ["满意"];

/** Words that make a name a cost (项目总成本, 年使用费, 培训经费, 单价); 资金 counts only in 成本 rows. */
export const COST_WORDS: readonly string[] = ["成本", "费用", "经费", "单价", "使用费", "造价", "支出", "开支", "费"];

/** Words that turn a money amount into a gain, not a cost (节约资金, 带动投资, 增加收入). */
export const GAIN_WORDS: readonly string[] = [
  "节约", "节省", "降低", "减少", "带动", "撬动", "吸引", "拉动", "争取", "收入", "增收", "效益", "产值", "税收",
  "营业", "销售", "利润", "融资", "奖补", "奖励", "补助", "补贴", "发放", "兑现", "到位率",
];

/** Named cost-control rates: a percentage is the right value for them in a 成本 row. */
export const COST_CONTROL_RATES: readonly string[] = [
  "预算执行率", "执行率", "超支率", "成本节约率", "节约率", "预算控制率", "成本控制率", "成本降低率", "支出进度",
  "资金支出率", "预算完成率", "资金执行率", "支出率",
];

/** Growth measures, where a percentage above 100 is possible (增长率 120%). */
export const GROWTH_WORDS: readonly string[] = ["增长", "增幅", "增加", "增值", "提高", "提升", "同比", "环比", "倍", "增速"];

/** Placeholder forms left from a template (the grammar recognises them; listed for docs and hints). */
export const PLACEHOLDER_WORDS: readonly string[] = ["文字描述", "待定", "待填", "待补充", "%", "**", "XX", "X%"];

/** Question words: a value written as a yes/no question. */
export const QUESTION_WORDS: readonly string[] = ["是否", "能否", "有无", "可否", "是不是", "有没有"];

/** Vague timeliness phrases: a 时效 value made of these promises punctuality without a date. */
export const TIMELY_WORDS: readonly string[] = [
  "按时", "及时", "按期", "如期", "准时", "限期", "时限", "规定时间", "规定期限", "要求时间", "约定时间", "约定期限", "合同约定", "尽快", "适时",
  "定期", "按计划", "按进度", "按要求", "第一时间", "随时", "迅速", "快速",
];

/** Vague phrases that are never a target on their own (按单位完成, 做出贡献). */
export const VAGUE_PHRASES: readonly string[] = ["按单位完成", "做出贡献", "按要求完成", "有所作为", "进一步加强", "稳步推进"];

/** Units that are no source of a value (依据 = 百分比). */
export const UNIT_WORDS: readonly string[] = ["百分比", "百分号", "百分率", "%", "‰", "元", "万元", "个", "次", "件", "户", "人", "人次", "项"];

/** Words that make a 依据 a source (a document, a record, a survey). */
export const SOURCE_WORDS: readonly string[] = [
  "文件", "合同", "方案", "办法", "通知", "制度", "计划", "规定", "标准", "记录", "台账", "批复", "报告", "调查",
  "问卷", "协议", "预算", "要求", "规划", "意见", "纪要", "决议", "统计", "报表", "清单", "测算", "招标", "审计",
  "评估", "评审", "数据", "档案", "政策", "考核", "指南", "目录", "名单", "说明", "书",
];

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join("|");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const LOWER_RATE_RE = new RegExp(`(?:${alternation(LOWER_IS_BETTER_RATES)})率`);
export const HIGHER_RATE_RE = new RegExp(`(?:${alternation(HIGHER_IS_BETTER_RATES)})率|满意度`);
export const LOWER_COUNT_RE = new RegExp(`(?:${alternation(LOWER_IS_BETTER_COUNT_HEADS)})(?:发生)?(?:次数|件数|起数|数量|数|量)$`);
export const SATISFACTION_RE = new RegExp(alternation(SATISFACTION_WORDS));
export const COST_RE = new RegExp(alternation(COST_WORDS));
export const GAIN_RE = new RegExp(alternation(GAIN_WORDS));
export const COST_CONTROL_RE = new RegExp(alternation(COST_CONTROL_RATES));
export const GROWTH_RE = new RegExp(alternation(GROWTH_WORDS));
export const TIMELY_RE = new RegExp(alternation(TIMELY_WORDS));
export const SOURCE_RE = new RegExp(alternation(SOURCE_WORDS));

/** SOURCE_RE.test(text) by a word search, not a regex (a 指标值确定依据 on each of 900,000 rows is searched). */
const SOURCE_SEARCH = new AnyWord(SOURCE_WORDS);
export function namesASource(text: string): boolean {
  return SOURCE_SEARCH.test(text);
}
export const UNIT_WORD_SET: ReadonlySet<string> = new Set(UNIT_WORDS);
/** A name that measures a ratio wants a percentage: it ends in 率, 满意度 or 满意 (not 满意度调查次数, a count; not 频率 or 效率). */
export const RATE_NAME_RE = /(?:(?<![频效])率|满意度|满意)$/;

export type MeasureDirection = "higher" | "lower";

/** Which way a measure points, from its 三级 name; null when the name does not say. */
export function measureDirection(name: string): MeasureDirection | null {
  if (LOWER_RATE_RE.test(name) || LOWER_COUNT_RE.test(name)) return "lower";
  if (HIGHER_RATE_RE.test(name) || SATISFACTION_RE.test(name)) return "higher";
  return null;
}
