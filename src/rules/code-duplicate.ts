// code-duplicate: the same 项目编码 on several projects of one document.
import { quoted } from "./structure-util.js";
import type { DocumentRule, RuleHit } from "./types.js";

const rule: DocumentRule = {
  id: "code-duplicate",
  severity: "error",
  scope: "document",
  description: "同一文件中多个项目使用了同一个项目编码",
  docs: `## 说明
项目编码唯一标识一个预算项目；两个项目同一编码时，预算系统只能把绩效目标挂到其中一个上，另一个等于没有绩效目标。
比较时忽略空格和大小写。第一次出现的项目不报，之后每个重复的项目各报一次。

## 依据
预算管理一体化系统中项目编码唯一标识一个项目（财办〔2023〕12号《预算管理一体化规范》）；同一文档中重复即为录入错误。

## 错误示例
项目“商务工作专项”与“统计调查工作专项”的编码都是 13081123P00003610002N。

## 正确示例
商务工作专项 13081123P00003610002N；统计调查工作专项 13081123P000038100022。`,
  check(ctx) {
    const first = new Map<string, string>();
    const hits: RuleHit[] = [];
    for (const { project } of ctx.projects) {
      const key = (project.code ?? "").replace(/\s+/g, "").toUpperCase();
      if (key === "") continue;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, project.name);
        continue;
      }
      hits.push({
        project: project.code,
        field: "code",
        message: `项目“${quoted(project.name, 30)}”的项目编码“${project.code.trim()}”与项目“${quoted(earlier, 30)}”重复`,
        hint: "从预算管理一体化系统中核对并填写本项目自己的项目编码",
      });
    }
    return hits;
  },
};

export default rule;
