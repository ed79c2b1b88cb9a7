import { afterEach, describe, expect, it } from "vitest";
import { inMemoryClient } from "./inmemory.js";
import { runSeedSession } from "./session.js";

describe("whole session in process", () => {
  let ctx: Awaited<ReturnType<typeof inMemoryClient>>;
  afterEach(() => ctx?.close());

  it("creates the seed project, fixes every error and renders", async () => {
    ctx = await inMemoryClient();
    const out = await runSeedSession(ctx.client);
    const rules = new Set(out.initialErrors.map((f) => f.rule));
    expect(rules).toContain("value-repeats-name");
    expect(rules).toContain("value-placeholder");
    expect(rules).toContain("goal-placeholder");
    expect(out.rounds).toBeGreaterThan(0);
    expect(out.markdown).toContain("≤2万元");
    expect(out.markdown).toContain("≥90%");
  });
});
