// The accepted scale of qualitative (定性) targets, as data with its source. A 定性 value is measurable when it is
// a grade of a stated scale or a state that can be verified (passed, built, zero incidents); a change word with
// no scale (稳步提高, 有效提升, 较好) says neither how much nor against what. value-vague-grade reads this.
//
// Sources:
// - 财预〔2020〕10号《项目支出绩效评价管理办法》: 定性指标 are judged in three tiers — 达成年度指标、部分达成年度指标并
//   具有一定效果、未达成年度指标且效果较差 — and 评价结果 are graded 优、良、中、差 (90/80/60 points).
// - 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》: 指标值 must be 清晰、可衡量; where
//   a 定性 value is used it is stated by 分级分档 (a grade of a scale), not by a description
//   (notice text: http://lsrwf.cn/news/708af42006d811ec81694b356a0c000d).
// - Provincial templates ask for four grades of a 定性 indicator ("无法设定四个等级的，可根据实际设定考核等级",
//   http://m.dybbs8.com/excel/974350.html).

export interface GradeScale {
  name: string;
  source: string;
  grades: readonly string[];
}

export const GRADE_SCALES: readonly GradeScale[] = [
  {
    name: "达成程度",
    source: "财预〔2020〕10号：达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差",
    grades: ["达到预期", "达到预期目标", "达到预期效果", "符合预期", "基本达到预期", "超出预期", "达成年度指标", "全部达成"],
  },
  {
    name: "评价等级",
    source: "财预〔2020〕10号：评价结果分优、良、中、差",
    grades: ["优", "优秀", "优良", "良", "良好", "合格"],
  },
  {
    name: "可核实的状态",
    source: "财预〔2021〕101号：指标值应可衡量、可核实（通过验收、建成、零事故等可以核对是否达成）",
    grades: [
      "达标", "基本达标", "全部达标", "通过", "通过验收", "验收合格", "验收通过", "通过评审", "通过专家评审", "通过专家论证",
      "通过审查", "评审通过", "全覆盖", "零发生", "无事故", "零事故", "零投诉", "零差错", "零失误", "零伤亡", "合规", "建成",
      "建立", "建立健全", "是", "否", "正常运行", "稳定运行", "安全运行", "运行良好", "日产日清", "日清日结", "当日办结", "即时办结",
    ],
  },
];

const SCALED = new Set(GRADE_SCALES.flatMap((s) => s.grades));

/** A grade of an accepted scale (or a verifiable state); false for a change word or a comparative with no scale. */
export function isScaledGrade(grade: string): boolean {
  return SCALED.has(grade);
}

/** The scale a grade belongs to, for messages and docs; undefined for a vague grade. */
export function scaleOf(grade: string): GradeScale | undefined {
  return GRADE_SCALES.find((s) => s.grades.includes(grade));
}
