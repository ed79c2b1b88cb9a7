// Word segmentation for matching a summary against library entries. @node-rs/jieba is an optional
// dependency: when it loads, its dictionary segmentation is used; otherwise overlapping character bigrams,
// which match Chinese phrases nearly as well for ranking.
import { createRequire } from "node:module";

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
}

let jieba: Jieba | null | undefined;

function loadJieba(): Jieba | null {
  if (jieba !== undefined) return jieba;
  try {
    if (process.env.JIXIAO_NO_JIEBA) throw new Error("disabled");
    const require = createRequire(import.meta.url);
    const mod = require("@node-rs/jieba") as { Jieba: { withDict(dict: Uint8Array): Jieba } };
    const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
    jieba = mod.Jieba.withDict(dict);
  } catch {
    jieba = null;
  }
  return jieba;
}

const CJK_RUN = /[\u4e00-\u9fff]+|[a-zA-Z0-9]+/g;
const WORDLIKE = /^[\u4e00-\u9fffa-zA-Z0-9]+$/;

/** The fallback segmentation: overlapping character bigrams of each Chinese run; other runs whole. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(CJK_RUN) ?? []) {
    if (/^[a-zA-Z0-9]+$/.test(run)) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Words of a text (≥2 characters), deduplicated. */
export function segment(text: string): string[] {
  const j = loadJieba();
  const words = j ? j.cut(text, false).filter((w) => w.length >= 2 && WORDLIKE.test(w)) : bigrams(text);
  return [...new Set(words)];
}

export function segmenterName(): "jieba" | "bigram" {
  return loadJieba() ? "jieba" : "bigram";
}
