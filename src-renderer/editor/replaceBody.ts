/**
 * Puts a merged body into a live (uncontrolled) editor and keeps the caret where it was: the
 * selection is remembered as (block id, character offset in that block) and looked up again in
 * the new document. Tagged as a history merge, so it is not reported as the user's edit.
 */
import {
  $createRangeSelection,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import type { BodyJson } from '../../src-shared/model';
import { $blockIdHolders, $getBlockId } from '../../src-shared/richtext/blockIds';

interface SavedPoint {
  blockId: string;
  offset: number;
}

function $holderOf(node: LexicalNode): LexicalNode | null {
  let current: LexicalNode | null = node;
  while (current) {
    if ($getBlockId(current)) return current;
    current = current.getParent();
  }
  return null;
}

function $savePoint(point: PointType): SavedPoint | null {
  const node = point.getNode();
  const holder = $holderOf(node);
  if (!holder || !$isElementNode(holder)) return null;
  const blockId = $getBlockId(holder);
  if (point.type === 'text') {
    let offset = 0;
    for (const t of holder.getAllTextNodes()) {
      if (t.is(node)) return { blockId, offset: offset + point.offset };
      offset += t.getTextContentSize();
    }
    return { blockId, offset };
  }
  if (holder.is(node) && $isElementNode(node)) {
    const before = node.getChildren().slice(0, point.offset);
    return { blockId, offset: before.reduce((n, c) => n + c.getTextContentSize(), 0) };
  }
  return { blockId, offset: 0 };
}

function $findPoint(
  saved: SavedPoint,
): { key: string; offset: number; type: 'text' | 'element' } | null {
  const holder = $blockIdHolders().find((h) => $getBlockId(h) === saved.blockId);
  if (!holder || !$isElementNode(holder)) return null;
  const texts = holder.getAllTextNodes();
  let rest = saved.offset;
  for (const t of texts) {
    const size = t.getTextContentSize();
    if (rest <= size) return { key: t.getKey(), offset: rest, type: 'text' };
    rest -= size;
  }
  const last = texts.at(-1);
  if (last) return { key: last.getKey(), offset: last.getTextContentSize(), type: 'text' };
  return { key: holder.getKey(), offset: 0, type: 'element' };
}

/** Replaces the editor's document with `body`, keeping the selection where its block still is. */
export function replaceBody(editor: LexicalEditor, body: BodyJson): void {
  const saved = editor.getEditorState().read(() => {
    const s = $getSelection();
    if (!$isRangeSelection(s)) return null;
    const anchor = $savePoint(s.anchor);
    const focus = $savePoint(s.focus);
    return anchor && focus ? { anchor, focus } : null;
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)), { tag: HISTORY_MERGE_TAG });
  if (!saved) return;
  editor.update(
    () => {
      const anchor = $findPoint(saved.anchor);
      const focus = $findPoint(saved.focus);
      if (!anchor || !focus) return;
      const selection = $createRangeSelection();
      selection.anchor.set(anchor.key, anchor.offset, anchor.type);
      selection.focus.set(focus.key, focus.offset, focus.type);
      $setSelection(selection);
    },
    { tag: HISTORY_MERGE_TAG },
  );
}
