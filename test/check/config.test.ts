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

  it.each([
    [{ rules: { "value-units": false } }, "rc.json：配置项 rules.value-units 不是已知的规则编号（是否想写 value-unit？）"],
    [{ profile: "mof2022" }, "rc.json：配置项 profile 应为"],
    [{ profil: "legacy" }, "rc.json：配置项 profil 不是已知的配置项"],
    [{ rules: { "value-unit": "fatal" } }, "rc.json：配置项 rules.value-unit 应为 false"],
    [{ rules: { "value-unit": { severity: "high" } } }, "rc.json：配置项 rules.value-unit.severity 应为"],
    [{ rules: { "value-unit": { enabled: "no" } } }, "rc.json：配置项 rules.value-unit.enabled 应为 true 或 false"],
    [{ rules: ["value-unit"] }, "rc.json：配置项 rules 应为对象"],
    [[], "rc.json：配置文件应为 JSON 对象"],
  ])("rejects %j naming the file and key", (raw, message) => {
    expect(errorOf(() => checkConfig(raw, "rc.json")).message).toContain(message);
  });

  it("rejects text that is not JSON", () => {
    expect(errorOf(() => parseConfig("{profile: legacy}", "rc.json")).message).toMatch(/^rc\.json：配置文件不是有效的 JSON/);
  });
});
