// History and undo planning over a project's snapshots: entries as the tools show them, and which revision a
// plain undo goes back to.
import type { Snapshot } from "../store/types.js";
import type { HistoryEntry } from "./contracts.js";

export function historyEntry(s: Snapshot): HistoryEntry {
  return {
    revision: s.revision,
    action: s.action,
    description: s.description,
    at: s.at,
    ...(s.undoTo !== undefined ? { undoTo: s.undoTo } : {}),
  };
}

/**
 * The revision a plain undo from `current` goes back to: the one before the last change; when that change was
 * itself an undo (to revision T), the one before the change that made T — so repeated undos keep stepping back.
 * Snapshots are in seq order, so their revisions increase. null: nothing older is stored.
 */
export function stepBack(snapshots: Snapshot[], current: number): number | null {
  let from = current;
  for (;;) {
    const previous = snapshots.filter((s) => s.revision < from).at(-1);
    if (!previous) return null;
    if (previous.revision === from - 1 && previous.action === "undo" && previous.undoTo !== undefined && previous.undoTo < from) {
      from = previous.undoTo;
      continue;
    }
    return previous.revision;
  }
}

export function availableRevisions(snapshots: Snapshot[], current: number): string {
  const list = [...new Set(snapshots.map((s) => s.revision))].filter((r) => r !== current);
  return `可撤销到的版本：${list.join("、") || "（无）"}（当前版本 ${current}；get_project 加 history: true 可查看每个版本的修改）`;
}
