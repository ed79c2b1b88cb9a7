// Synthetic documents from the seed's projects (each with its own valid code and name, deterministic), in memory
// or as a Document JSON file written project by project (a 600 MB file is more than one string can hold).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocumentJson } from "../src/import/json.js";
import type { JixiaoDocument, Project } from "../src/domain/schema.js";
import { REPO } from "./measure.js";

export function seedDocument(): JixiaoDocument {
  return parseDocumentJson(readFileSync(join(REPO, "examples/chengde-gxq-2023.gold.json"), "utf8"), "seed");
}

/** Project i of a synthetic document: the seed's projects in turn, with a running serial in the code. */
export function syntheticProject(seed: JixiaoDocument, i: number): Project {
  const base = seed.projects[i % seed.projects.length];
  const serial = String(i + 1).padStart(6, "0");
  return {
    ...structuredClone(base),
    seq: i + 1,
    // 13081123P + 11 digits + check letter: the seed's prefix with a running serial in the middle.
    code: `${base.code.slice(0, 9)}${base.code.slice(9, 14)}${serial}${base.code.slice(-1)}`,
    name: `${base.name}（${Math.floor(i / seed.projects.length) + 1}）`,
  };
}

export function syntheticDocument(seed: JixiaoDocument, projects: number): JixiaoDocument {
  return { ...seed, toc: [], projects: Array.from({ length: projects }, (_, i) => syntheticProject(seed, i)) };
}

/** A compact Document JSON of `projects` projects, cached in the temp folder across bench runs. */
export function documentFile(projects: number): { path: string; bytes: number; rows: number } {
  const dir = join(tmpdir(), "jixiao-bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `document-${projects}.json`);
  const seed = seedDocument();
  const rows = Array.from({ length: projects }, (_, i) => seed.projects[i % seed.projects.length].indicators.length).reduce((a, b) => a + b, 0);
  if (!existsSync(path)) {
    const partial = `${path}.partial`;
    const fd = openSync(partial, "w");
    const { projects: _, ...head } = { ...seed, toc: [] };
    writeSync(fd, `${JSON.stringify(head).slice(0, -1)},"projects":[`);
    let batch: string[] = [];
    for (let i = 0; i < projects; i++) {
      batch.push(JSON.stringify(syntheticProject(seed, i)));
      if (batch.length === 1000 || i === projects - 1) {
        writeSync(fd, (i < 1000 ? "" : ",") + batch.join(","));
        batch = [];
      }
    }
    writeSync(fd, "]}");
    closeSync(fd);
    renameSync(partial, path);
  }
  return { path, bytes: statSync(path).size, rows };
}
