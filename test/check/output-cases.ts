// The inputs whose `check` output is pinned byte for byte (test/fixtures/check-output/): the seed and the
// corpus, each in text and JSON, and the corpus folder as one multi-file run.
import { readdirSync } from "node:fs";

export interface OutputCase {
  /** File name of the expected output under test/fixtures/check-output/. */
  name: string;
  args: string[];
}

const CORPUS = "test/fixtures/corpus";
const inputs = [
  "examples/chengde-gxq-2023.txt",
  "examples/chengde-gxq-2023.gold.json",
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt") || f.endsWith(".gold.json"))
    .sort()
    .map((f) => `${CORPUS}/${f}`),
];

export const OUTPUT_CASES: OutputCase[] = [
  ...inputs.flatMap((input) =>
    ["text", "json"].map((format) => ({
      name: `${input.split("/").pop()}.${format === "json" ? "json" : "txt"}.out`,
      args: ["check", input, "--format", format],
    })),
  ),
  { name: "corpus-folder.json.out", args: ["check", CORPUS, "--format", "json"] },
  { name: "corpus-folder.txt.out", args: ["check", CORPUS, "--format", "text"] },
];

/** What is pinned of a run: exit code, stdout and stderr, as one text. */
export function pinnedOutput(r: { code: number | null; stdout: string; stderr: string }): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}
