// .jixiaorc.json: lookup order and the checks that keep a misspelt setting from being silently ignored.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig, findConfigFile, loadConfig, parseConfig } from "../../src/config.js";
import { InputError } from "../../src/domain/errors.js";

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("config lookup", () => {
  const root = mkdtempSync(join(tmpdir(), "jixiao-config-"));
  const deep = join(root, "a", "b");
  mkdirSync(deep, { recursive: true });
  const cwd = mkdtempSync(join(tmpdir(), "jixiao-cwd-"));

  it("finds the nearest .jixiaorc.json above the input file, before the cwd", () => {
    writeFileSync(join(root, ".jixiaorc.json"), JSON.stringify({ profile: "mof2021" }));
    writeFileSync(join(cwd, ".jixiaorc.json"), JSON.stringify({ profile: "legacy" }));
    expect(findConfigFile(join(deep, "x.json"), cwd)).toBe(join(root, ".jixiaorc.json"));
    expect(loadConfig({ inputPath: join(deep, "x.json"), cwd }).config.profile).toBe("mof2021");
    writeFileSync(join(root, "a", ".jixiaorc.json"), JSON.stringify({ rules: { "value-unit": false } }));
    expect(loadConfig({ inputPath: join(deep, "x.json"), cwd }).config).toEqual({ rules: { "value-unit": false } });
  });

  it("falls back to the cwd, and to no config at all", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "jixiao-none-"));
    // tmpdir itself may hold no config; the cwd one applies.
    expect(loadConfig({ inputPath: join(elsewhere, "x.json"), cwd }).path).toBe(join(cwd, ".jixiaorc.json"));
    const emptyCwd = mkdtempSync(join(tmpdir(), "jixiao-empty-"));
    expect(loadConfig({ inputPath: join(elsewhere, "x.json"), cwd: emptyCwd })).toEqual({ config: {}, path: null });
  });

  it("--config wins over the lookup; a missing --config file is an input error", () => {
    const explicit = join(root, "custom.json");
    writeFileSync(explicit, JSON.stringify({ profile: "legacy" }));
    expect(loadConfig({ configPath: explicit, inputPath: join(deep, "x.json"), cwd }).config.profile).toBe("legacy");
    expect(errorOf(() => loadConfig({ configPath: join(root, "nope.json"), cwd })).message).toContain("nope.json：配置文件不存在");
  });
});

describe("config validation", () => {
  it("accepts every setting form of the markdownlint-like syntax", () => {
    const config = checkConfig(
      {
        profile: "legacy",
        rules: {
          "value-unit": false,
          "goal-copied": true,
          "code-format": "error",
          "satisfaction-low": { severity: "warning", satisfactionFloor: 85 },
          "timeliness-vague": { enabled: false },
        },
      },
      "rc.json",
    );
    expect(config.rules?.["satisfaction-low"]).toEqual({ severity: "warning", satisfactionFloor: 85 });
  });

  it("accepts each rule's documented options", () => {
    const rules = {
      "value-boilerplate": { minRows: 4, minShare: 0.5 },
      "weight-sum": { split: { 产出指标: 60, 效益指标: 20, 满意度指标: 10 } },
      "required-level2-missing": { required: ["数量指标"] },
      "budget-sum": { tolerance: 0.01 },
    };
    expect(checkConfig({ rules }, "rc.json").rules).toEqual(rules);
  });

  it.each([
    [{ rules: { "value-units": false } }, "rc.json：配置项 rules.value-units 不是已知的规则编号（是否想写 value-unit？）"],
    [{ profile: "mof2022" }, "rc.json：配置项 profile 应为"],
    [{ profil: "legacy" }, "rc.json：配置项 profil 不是已知的配置项"],
    [{ rules: { "value-unit": "fatal" } }, "rc.json：配置项 rules.value-unit 应为 false"],
    [{ rules: { "value-unit": { severity: "high" } } }, "rc.json：配置项 rules.value-unit.severity 应为"],
    [{ rules: { "value-unit": { enabled: "no" } } }, "rc.json：配置项 rules.value-unit.enabled 应为 true 或 false"],
    [{ rules: ["value-unit"] }, "rc.json：配置项 rules 应为对象"],
    // Each rule's options are checked against its schema: a misspelt threshold key, a wrong type, a bound.
    [{ rules: { "satisfaction-low": { satisfactionFlor: 85 } } }, "rc.json：配置项 rules.satisfaction-low.satisfactionFlor 不是已知的选项（可用：satisfactionFloor"],
    [{ rules: { "satisfaction-low": { satisfactionFloor: "85" } } }, "rc.json：配置项 rules.satisfaction-low.satisfactionFloor 应为数字"],
    [{ rules: { "satisfaction-low": { satisfactionFloor: 180 } } }, "rc.json：配置项 rules.satisfaction-low.satisfactionFloor 应不大于 100"],
    [{ rules: { "value-boilerplate": { minRows: 5, minshare: 0.5 } } }, "rc.json：配置项 rules.value-boilerplate.minshare 不是已知的选项"],
    [{ rules: { "value-unit": { threshold: 3 } } }, "rc.json：配置项 rules.value-unit.threshold 不是已知的选项（该规则没有可设置的阈值"],
    [{ rules: { "weight-sum": { split: { 产出指标: "50" } } } }, "rc.json：配置项 rules.weight-sum.split.产出指标 应为数字"],
    [[], "rc.json：配置文件应为 JSON 对象"],
  ])("rejects %j naming the file and key", (raw, message) => {
    expect(errorOf(() => checkConfig(raw, "rc.json")).message).toContain(message);
  });

  it("rejects text that is not JSON", () => {
    expect(errorOf(() => parseConfig("{profile: legacy}", "rc.json")).message).toMatch(/^rc\.json：配置文件不是有效的 JSON/);
  });
});
