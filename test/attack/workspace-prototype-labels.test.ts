// Attack 8: labels named like Object.prototype members (constructor, __proto__, toString …) used to reach
// lookups in plain objects and end as 内部错误. They are unknown labels: a clear refusal naming the valid ones,
// and nothing stored changes; a stored row carrying one is judged (level-invalid), not crashed on.
import { afterEach, describe, expect, it } from "vitest";
import { ProjectSchema } from "../../src/domain/schema.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { clientOn, storedState, tempDb, textOf } from "./store-helpers.js";

const HOSTILE = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"];

describe("attack: Object.prototype names as labels", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of closers.splice(0)) await c();
  });

  it("refuses each as 二级 or 一级 in create_project, add_indicators and update_indicator", async () => {
    const { db } = tempDb();
    const s = await clientOn(db);
    closers.push(s.close);
    const made = await s.call("create_project", { name: "甲", budget: { total: 1 }, indicators: [{ level2: "数量指标", name: "次数", value: "≥1次" }] });
    const { project } = made.structuredContent as { project: { id: string; indicators: { id: string }[] } };
    const before = storedState(db);
    for (const label of HOSTILE) {
      const attempts = [
        await s.call("create_project", { name: "乙", budget: { total: 1 }, indicators: [{ level2: label, name: "次数", value: "≥1次" }] }),
        await s.call("add_indicators", { projectId: project.id, indicators: [{ level2: label, name: "次数", value: "≥1次" }] }),
        await s.call("add_indicators", { projectId: project.id, indicators: [{ level1: label, level2: "数量指标", name: "次数", value: "≥1次" }] }),
        await s.call("update_indicator", { projectId: project.id, indicatorId: project.indicators[0].id, patch: { level2: label } }),
        await s.call("update_indicator", { projectId: project.id, indicatorId: project.indicators[0].id, patch: { level1: label } }),
      ];
      for (const r of attempts) {
        expect(r.isError, label).toBe(true);
        expect(textOf(r), label).not.toContain("内部错误");
        expect(textOf(r), label).toMatch(/不在指标体系|是二级指标/);
      }
    }
    expect(storedState(db)).toBe(before);
  });

  it("judges a stored row with such labels instead of failing", async () => {
    const { db } = tempDb();
    const store = openSqliteStore(db);
    const indicators = HOSTILE.map((label) => ({ level1: label, level2: label, name: label, value: "≥1次" }));
    await store.insertProject({ id: "p_old", documentId: null, project: ProjectSchema.parse({ name: "旧", indicators }) });
    await store.close();
    const s = await clientOn(db);
    closers.push(s.close);
    const r = await s.call("validate_project", { projectId: "p_old" });
    expect(r.isError).toBeFalsy();
    const rules = (r.structuredContent as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    expect(rules).toContain("level-invalid");
  });
});
