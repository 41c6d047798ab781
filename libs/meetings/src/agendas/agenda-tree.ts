import { isLabelForDepth, joinNumber, labelFor } from './agenda-number';

/** The parts of an agenda item that the tree operations read and change. */
export interface TreeItem {
  id: string;
  parentId: string | null;
  position: number;
  label: string;
  number: string;
}

export const MAX_AGENDA_DEPTH = 3;

export class TreeError extends Error {}

export function childrenOf<T extends TreeItem>(items: T[], parentId: string | null): T[] {
  return items.filter((i) => i.parentId === parentId).sort((a, b) => a.position - b.position);
}

export function depthOf(items: TreeItem[], id: string | null): number {
  let depth = -1;
  const byId = new Map(items.map((i) => [i.id, i]));
  for (let cur = id ? byId.get(id) : undefined; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) depth++;
  return depth;
}

/** Depth of the deepest descendant below `id`, 0 for a leaf. */
export function subtreeHeight(items: TreeItem[], id: string): number {
  const kids = childrenOf(items, id);
  return kids.length ? 1 + Math.max(...kids.map((k) => subtreeHeight(items, k.id))) : 0;
}

export function isDescendant(items: TreeItem[], ancestorId: string, id: string | null): boolean {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (let cur = id ? byId.get(id) : undefined; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) {
    if (cur.id === ancestorId) return true;
  }
  return false;
}

/** Positions 1..n in the given order; with `relabel`, labels follow positions too. */
export function resequence(items: TreeItem[], parentId: string | null, ordered: TreeItem[], relabel: boolean): void {
  const depth = depthOf(items, parentId) + 1;
  ordered.forEach((item, index) => {
    item.position = index + 1;
    item.parentId = parentId;
    if (relabel) item.label = labelFor(depth, index + 1);
  });
}

/** Recomputes every full number from the labels; returns the ids whose number changed. */
export function recomputeNumbers(items: TreeItem[]): Set<string> {
  const changed = new Set<string>();
  const visit = (parentId: string | null, prefix: string | null) => {
    for (const item of childrenOf(items, parentId)) {
      const number = joinNumber(prefix, item.label);
      if (number !== item.number) {
        item.number = number;
        changed.add(item.id);
      }
      visit(item.id, number);
    }
  };
  visit(null, null);
  return changed;
}

/** Checks a label the user chose for a new item: right form for its depth and free among its siblings. */
export function checkLabel(items: TreeItem[], parentId: string | null, label: string): void {
  const depth = depthOf(items, parentId) + 1;
  if (!isLabelForDepth(label, depth)) {
    throw new TreeError(depth === 0 ? 'a top-level label is a number, e.g. "4"' : 'a sub-item label is lower-case letters, e.g. "f" or "ii"');
  }
  if (childrenOf(items, parentId).some((s) => s.label === label)) throw new TreeError(`label "${label}" is already used at that level`);
}

/** Renumbers the whole agenda: labels follow positions at every level. */
export function renumberAll(items: TreeItem[]): void {
  const visit = (parentId: string | null) => {
    const kids = childrenOf(items, parentId);
    resequence(items, parentId, kids, true);
    kids.forEach((k) => visit(k.id));
  };
  visit(null);
}
