/**
 * Keeps block ids present and unique in the live editor without per-keystroke work.
 *
 * The shared `registerBlockIdRepair` runs as a RootNode transform, and Lexical 0.52 runs root
 * transforms on every update that dirties any node ("the root is always considered
 * intentionally dirty"): an O(blocks) walk per keystroke, measurable on long posts. Here the
 * repair runs only after a commit that created block-level nodes (Enter, paste, list changes,
 * undo), found with mutation listeners, in one follow-up update merged into the same undo step.
 * Of two blocks sharing an id, the one that existed before keeps it: a pasted copy gets a new one.
 * The loaded body is not walked: the editor is only ever given a body with ids ensured.
 */
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  HISTORY_MERGE_TAG,
  type LexicalEditor,
  type LexicalNode,
  mergeRegister,
  type MutationListener,
  type NodeKey,
  ParagraphNode,
} from 'lexical';
import {
  $blockIdHolders,
  $getBlockId,
  $setBlockId,
  newBlockId,
} from '../../src-shared/richtext/blockIds';
import { ArticleImageNode } from '../../src-shared/richtext/nodes';

const HOLDERS = [ParagraphNode, HeadingNode, QuoteNode, ListNode, ListItemNode, ArticleImageNode];

/** Gives created blocks without a unique id a fresh one; returns how many it set. */
export function $repairBlockIds(created: ReadonlySet<NodeKey>): number {
  const holders = $blockIdHolders();
  const owner = new Map<string, LexicalNode>();
  for (const node of holders) {
    const id = $getBlockId(node);
    if (id && !created.has(node.getKey()) && !owner.has(id)) owner.set(id, node);
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
    let fresh = newBlockId();
    while (owner.has(fresh)) fresh = newBlockId();
    $setBlockId(node, fresh);
    owner.set(fresh, node);
    assigned++;
  }
  return assigned;
}

export function registerBlockIdGuard(editor: LexicalEditor): () => void {
  let created = new Set<NodeKey>();
  let scheduled = false;
  const repair = () => {
    scheduled = false;
    const keys = created;
    created = new Set();
    editor.update(() => void $repairBlockIds(keys), { tag: HISTORY_MERGE_TAG, discrete: true });
  };
  const onMutation: MutationListener = (mutations, { prevEditorState }) => {
    // The first state is the loaded body, whose ids prepareBody ensured: walking it again
    // would cost a second full update (and a forced layout) before the editor is usable.
    if (prevEditorState.isEmpty()) return;
    for (const [key, mutation] of mutations) if (mutation === 'created') created.add(key);
    if (created.size > 0 && !scheduled) {
      scheduled = true;
      queueMicrotask(repair);
    }
  };
  return mergeRegister(
    ...HOLDERS.map((klass) =>
      editor.registerMutationListener(klass, onMutation, { skipInitialization: true }),
    ),
  );
}
