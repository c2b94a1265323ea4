/** Block-level formatting of the selection: paragraph, H2/H3, quote, lists. */
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import {
  $createHeadingNode,
  $createQuoteNode,
  $isHeadingNode,
  $isQuoteNode,
} from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

export type BlockKind = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other';

/** The kind of the block holding the selection's anchor (call inside read/update). */
export function $selectedBlockKind(): BlockKind {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'other';
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const block = topBlock(anchor);
  if (!block) return 'other';
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  if ($isQuoteNode(block)) return 'quote';
  return block.getType() === 'paragraph' ? 'paragraph' : 'other';
}

function topBlock(node: LexicalNode): LexicalNode | null {
  let current: LexicalNode | null = node;
  while (current) {
    const parent: LexicalNode | null = current.getParent();
    if (parent === null || $isRootOrShadowRoot(parent)) return current;
    current = parent;
  }
  return null;
}

/** Turns the selected blocks into `kind`; choosing the current kind again makes them paragraphs. */
export function setBlockKind(editor: LexicalEditor, kind: Exclude<BlockKind, 'other'>): void {
  const current = editor.getEditorState().read($selectedBlockKind, { editor });
  if (kind === 'bullet' || kind === 'number') {
    if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    return;
  }
  const target = current === kind && kind !== 'paragraph' ? 'paragraph' : kind;
  editor.update(() => {
    let selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if ($isListNode($getNearestNodeOfType(selection.anchor.getNode(), ListNode))) {
      editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
      if (target === 'paragraph') return;
      selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
    }
    $setBlocksType(selection, () =>
      target === 'paragraph'
        ? $createParagraphNode()
        : target === 'quote'
          ? $createQuoteNode()
          : $createHeadingNode(target),
    );
  });
}
