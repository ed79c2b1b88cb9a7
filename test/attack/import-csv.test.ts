// A CSV is parsed by exceljs into a cell object per value (about 50× the file in memory): a large one is refused
// by its size before any parsing.
import { describe, expect, it } from "vitest";
describe("large CSV", () => {
  it("a CSV over 20 MiB is refused before it is parsed, naming both sizes", async () => {
    const { importBytes } = await import("../../src/import/index.js");
    const buffer = Buffer.alloc(20 * 1024 * 1024 + 1, "a,b\n");
    await expect(importBytes({ buffer, name: "大.csv", ext: ".csv" })).rejects.toThrow(/^大\.csv：CSV 文件有 20,971,521 字节（20\.0 MiB）/);
  });
});
