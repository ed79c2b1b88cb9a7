// Cue words that place a 三级指标 name in a 二级 (used by category-mismatch). Data only, one place.
// Conservative by design: a cue must be specific enough that a reviewer would agree on sight
// (确保型煤质量 under 数量 is a quality measure; 培训次数 under 时效 is a count).

/** Words of a count or an amount of output: 培训次数, 调查户数, 项目数量, 覆盖面积. */
export const COUNT_CUES: readonly string[] = [
  "数量", "次数", "个数", "户数", "人数", "人次", "家数", "项数", "件数", "场次", "批次", "份数", "期数",
  "套数", "台数", "篇数", "册数", "座数", "面积", "长度", "里程", "规模", "产量", "销量", "容量",
];

/** Names ending in 数 (企业数, 项目数) are counts too, and in 量 — but not 分数/指数/系数 (scores) or 质量/含量. */
export const COUNT_SUFFIX = /(?:(?<![分指系参倍函])数|(?<![质含])量)$/;

/** Words of quality: 合格率, 准确率, 达标, 验收 … */
export const QUALITY_CUES: readonly string[] = [
  "质量", "合格", "达标", "准确", "优良", "验收", "通过率", "正确率", "差错", "误差", "完好率", "规范",
];

/** Words of timeliness: 及时率, 按期完成, 时间, 进度 … */
export const TIME_CUES: readonly string[] = [
  "及时", "时间", "时限", "时效", "期限", "进度", "按期", "按时", "如期", "逾期", "日期", "工期", "周期",
  "季度", "月底", "年底", "年末", "天内", "日内", "限时", "天数", "用时", "工作日",
];

/** Words of satisfaction: belong under 满意度指标 only. */
export const SATISFACTION_CUES: readonly string[] = ["满意"];

/** A name headed by a cost word (年使用费, 培训经费, 项目总成本) is a 成本 measure. */
export const COST_HEAD = /(?:成本|费用|经费|资金|费)$/;

/** Output-rate words that do not describe a benefit: 结果准确性 under 生态效益 is a 质量 measure. */
export const OUTPUT_RATE_CUES: readonly string[] = ["准确率", "准确性", "合格率", "及时率", "按期", "按时"];

/** Benefit verbs that make a cost word a benefit (降低行政成本 under 经济效益 is fine). */
export const SAVING_CUES: readonly string[] = ["降低", "节约", "节省", "减少", "压缩"];
