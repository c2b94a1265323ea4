/**
 * The body blocks a review comment can be anchored to, read from the live Lexical editor: the
 * block the cursor was last in, and every top-level block with its first words.
 */
import { useEffect, useState } from 'react';
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { $getBlockId } from '../../src-shared/richtext/blockIds';

export interface BlockChoice {
  id: string;
  words: string;
}

export function firstWords(text: string, count = 8): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? ' …' : '');
}

/** Top-level blocks that have an id and some text, in order. */
export function listBlocks(editor: LexicalEditor | null): BlockChoice[] {
  if (!editor) return [];
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .flatMap((node) => {
        const id = $getBlockId(node);
        const words = firstWords(node.getTextContent());
        return id && words ? [{ id, words }] : [];
      }),
  );
}

/** The id of the top-level block the cursor was last in (kept when the editor loses focus). */
export function useCurrentBlock(editor: LexicalEditor | null): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (!editor) return;
    return editor.registerUpdateListener(({ editorState }) => {
      const id = editorState.read(() => {
        const sel = $getSelection();
        if (!$isRangeSelection(sel)) return '';
        const top = sel.anchor.getNode().getTopLevelElement();
        return top ? $getBlockId(top) : '';
      });
      if (id) setCurrent(id);
    });
  }, [editor]);
  return current;
}
