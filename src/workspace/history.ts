// History and undo planning over a project's snapshots: entries as the tools show them, and which revision a
// plain undo goes back to.
import { InputError } from "../domain/errors.js";
import type { Snapshot, StoredProject } from "../store/types.js";
import type { HistoryEntry } from "./contracts.js";
import type { Edit } from "./edits.js";

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

export interface UndoPlan {
  undone: HistoryEntry;
  undoneChanges: HistoryEntry[];
  restoredRevision: number;
}

/** Which content an undo restores (the previous change's, or `toRevision`'s) as an edit, or why it cannot. */
export function planUndo(
  snapshots: Snapshot[],
  current: StoredProject,
  toRevision: number | undefined,
): { plan: UndoPlan; edit: Edit & { undoTo: number } } {
  const name = `项目“${current.project.name}”（${current.id}）`;
  if (snapshots.length === 0) throw new InputError(`${name}没有可撤销的修改`);
  let target: number;
  if (toRevision === undefined) {
    const stepped = stepBack(snapshots, current.revision);
    if (stepped === null) throw new InputError(`${name}没有可撤销的修改：已撤销到最早保存的版本`);
    target = stepped;
  } else if (toRevision === current.revision) {
    throw new InputError(`${name}当前就是版本 ${toRevision}，无需撤销。${availableRevisions(snapshots, current.revision)}`);
  } else if (!snapshots.some((s) => s.revision === toRevision)) {
    throw new InputError(`${name}没有版本 ${String(toRevision)} 的快照，无法撤销到该版本。${availableRevisions(snapshots, current.revision)}`);
  } else {
    target = toRevision;
  }
  const snapshot = snapshots.find((s) => s.revision === target)!;
  const reverted = snapshots.filter((s) => s.revision >= target && s.revision < current.revision);
  return {
    plan: { undone: historyEntry(snapshot), undoneChanges: reverted.map(historyEntry), restoredRevision: target },
    edit: { project: snapshot.project, added: [], normalized: [], description: `撤销到版本 ${target}`, undoTo: target },
  };
}
