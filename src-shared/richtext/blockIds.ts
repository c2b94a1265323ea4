/**
 * Stable block ids in a live editor: NodeState key `blockId`, serialized by Lexical as
 * `"$": {"blockId": "…"}` on every top-level block and on every list item of a top-level list
 * (nested lists included). The sync merge (docs/sync.md) diffs bodies by these ids, so they must be
 * present and unique. blockIdsJson.ts has the same rules for stored JSON, without Lexical.
 */
import { $isListItemNode, $isListNode, ListNode } from '@lexical/list';
import {
  $getEditor,
  $getRoot,
  $getState,
  $setState,
  createState,
  type LexicalEditor,
  type LexicalNode,
  mergeRegister,
  NODE_STATE_DIRECT,
  RootNode,
} from 'lexical';
import { isValidBlockId, newBlockId, uniqueId } from './blockIdsJson';

export {
  blockIdsOf,
  type BlockIdHash,
  ensureBlockIdsJson,
  isValidBlockId,
  newBlockId,
} from './blockIdsJson';

/** `resetOnCopyNode`: a node copied with `$copyNode` (split, duplicate) starts without an id. */
export const blockIdState = createState('blockId', {
  parse: (value: unknown): string => (isValidBlockId(value) ? value : ''),
  resetOnCopyNode: true,
});

export function $getBlockId(node: LexicalNode): string {
  return $getState(node, blockIdState);
}

export function $setBlockId<T extends LexicalNode>(node: T, id: string): T {
  return $setState(node, blockIdState, id);
}

/** The nodes that carry a block id, in document order. */
export function $blockIdHolders(): LexicalNode[] {
  const holders: LexicalNode[] = [];
  const addListItems = (list: ListNode): void => {
    for (const item of list.getChildren()) {
      if (!$isListItemNode(item)) continue;
      holders.push(item);
      for (const child of item.getChildren()) if ($isListNode(child)) addListItems(child);
    }
  };
  for (const block of $getRoot().getChildren()) {
    holders.push(block);
    if ($isListNode(block)) addListItems(block);
  }
  return holders;
}

/**
 * Gives every holder without a (valid) id a fresh one and resolves duplicates. Of two nodes
 * with the same id, the one that already had it in the last committed state keeps it (so a
 * pasted copy gets the new id, not the original); otherwise the first in document order.
 * Idempotent; returns how many ids it assigned. Call inside `editor.update()`.
 */
export function $ensureBlockIds(makeId: () => string = newBlockId): number {
  const holders = $blockIdHolders();
  const committed = $getEditor().getEditorState()._nodeMap;
  const owner = new Map<string, LexicalNode>();
  for (const node of holders) {
    const id = $getBlockId(node);
    const before = committed.get(node.getKey());
    if (
      id &&
      !owner.has(id) &&
      before &&
      $getState(before, blockIdState, NODE_STATE_DIRECT) === id
    ) {
      owner.set(id, node);
    }
  }
  let assigned = 0;
  for (const node of holders) {
    const id = $getBlockId(node);
    const holder = id ? owner.get(id) : undefined;
    if (holder === node) continue;
    if (id && holder === undefined) {
      owner.set(id, node);
      continue;
    }
    const fresh = uniqueId(owner, makeId);
    $setBlockId(node, fresh);
    owner.set(fresh, node);
    assigned++;
  }
  return assigned;
}

/**
 * Keeps ids present and unique in a live editor. Runs when the top-level block list or a list
 * changes structurally (insert, paste, split, delete) — not on every keystroke inside a block.
 */
export function registerBlockIdRepair(editor: LexicalEditor): () => void {
  const repair = (): void => void $ensureBlockIds();
  return mergeRegister(
    editor.registerNodeTransform(RootNode, repair),
    editor.registerNodeTransform(ListNode, repair),
  );
}
