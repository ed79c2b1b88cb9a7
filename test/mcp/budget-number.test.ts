// A model that writes `budget: 2` (a bare number) gets a project with 预算数 2, not a protocol error.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inMemoryClient } from "./inmemory.js";

let ctx: Awaited<ReturnType<typeof inMemoryClient>>;
beforeEach(async () => (ctx = await inMemoryClient()));
afterEach(async () => ctx.close());

describe("create_project budget", () => {
  it("advertises the object form in its input schema", async () => {
    const { tools } = await ctx.client.listTools();
    const create = tools.find((t) => t.name === "create_project")!;
    const budget = (create.inputSchema.properties as Record<string, { description?: string }>).budget;
    expect(JSON.stringify(budget)).toContain("total");
  });

  it("reads a bare number as the total", async () => {
    const r = await ctx.client.callTool({ name: "create_project", arguments: { name: "基层统计人员业务培训", budget: 2 } });
    expect(r.isError).toBeFalsy();
    const project = (r.structuredContent as { project: { budget: { total: number } } }).project;
    expect(project.budget.total).toBe(2);
  });

  it("still refuses a negative amount", async () => {
    const r = await ctx.client.callTool({ name: "create_project", arguments: { name: "甲", budget: -1 } });
    expect(r.isError).toBe(true);
  });
});
