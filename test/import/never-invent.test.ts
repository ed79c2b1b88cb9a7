// Never invent: a project description (prose, no table) given to `import`, `check` or the MCP import_document
// tool is refused with exit 2 / isError and no Document; drafting happens only when asked for.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { inMemoryClient } from "../mcp/inmemory.js";

// A real kind of page: a notice whose header says 指标内容 but that holds no table, only prose and an index line.
const DESCRIPTION = [
  "索 引 号 733569413/2021-00944 发布日期 2021-01-05",
  "关于下达2021年农村义务教育薄弱学校改造补助资金的通知",
  "为改善农村义务教育薄弱学校办学条件，安排资金16万元，用于化工区学校校舍维修改造和设备购置，",
  "计划于2021年9月底前完成，惠及学生300人。",
].join("\n");

describe("a text without a table is refused everywhere", () => {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-never-"));
  const file = join(dir, "通知.txt");
  writeFileSync(file, DESCRIPTION);

  it("import exits 2 naming the file and what was looked for, and prints no Document", async () => {
    const r = await runCli(["import", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/通知\.txt：未找到绩效目标表（需要含“一级指标、二级指标/);
  });

  it("check exits 2 the same way", async () => {
    const r = await runCli(["check", file, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("未找到绩效目标表");
  });

  it("the MCP import_document tool returns isError and stores nothing", async () => {
    const s = await inMemoryClient({ roots: [dir] });
    try {
      const byText = await s.client.callTool({ name: "import_document", arguments: { text: DESCRIPTION } });
      expect(byText.isError).toBe(true);
      expect(JSON.stringify(byText.content)).toContain("未找到绩效目标表");
      const byPath = await s.client.callTool({ name: "import_document", arguments: { path: file } });
      expect(byPath.isError).toBe(true);
      const list = await s.client.callTool({ name: "list_projects", arguments: {} });
      expect(JSON.stringify(list.structuredContent ?? list.content)).not.toContain("薄弱学校");
    } finally {
      await s.close();
    }
  });
});
