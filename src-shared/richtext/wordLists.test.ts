import { readFileSync } from 'node:fs';
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ARTICLE_NAMESPACE, ARTICLE_NODES } from './nodes';
import { registerPasteSanitizer } from './paste';
import { convertWordLists, hasWordLists } from './wordLists';

const wordHtml = readFileSync(
  new URL('../../tests/fixtures/paste/word-lists.html', import.meta.url),
  'utf8',
);

type Json = { type: string; listType?: string; text?: string; children?: Json[] };

/** Pastes HTML into an empty article editor, as the body editor does (sanitizer included). */
function paste(html: string, convert: boolean): Json[] {
  const editor = createHeadlessEditor({
    namespace: ARTICLE_NAMESPACE,
    nodes: ARTICLE_NODES,
    onError: (e) => {
      throw e;
    },
  });
  registerPasteSanitizer(editor);
  editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true });
  withDOM((window) => {
    const dom = new window.DOMParser().parseFromString(html, 'text/html');
    if (convert) convertWordLists(dom.body);
    editor.update(
      () => {
        $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), $getRoot().selectEnd());
      },
      { discrete: true },
    );
  });
  return editor.getEditorState().toJSON().root.children;
}

const text = (n: Json): string =>
  n.text ??
  (n.children ?? [])
    .filter((c) => c.type !== 'list')
    .map(text)
    .join('');

describe('Word lists on paste', () => {
  it('recognises Word list HTML', () => {
    expect(hasWordLists(wordHtml)).toBe(true);
    expect(hasWordLists('<ul><li>x</li></ul>')).toBe(false);
  });

  it('arrive as paragraphs starting with "·" without the conversion', () => {
    const blocks = paste(wordHtml, false);
    expect(blocks.some((b) => b.type === 'list')).toBe(false);
    expect(blocks.map(text).join('\n')).toContain('·');
  });

  it('become a bullet list with a nested item and a numbered list', () => {
    const blocks = paste(wordHtml, true).filter((b) => text(b).trim() !== '' || b.type === 'list');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph', 'list']);
    const [, bullets, , numbers] = blocks as [Json, Json, Json, Json];
    expect(bullets.listType).toBe('bullet');
    expect(numbers.listType).toBe('number');
    expect(numbers.children!.map(text)).toEqual(['Eins', 'Zwei']);
    const items = bullets.children!;
    expect(items.map(text).filter(Boolean)).toEqual(['Erster Punkt', 'Zweiter Punkt']);
    // "Unterpunkt" is a list nested in the bullet list.
    const nested = items.flatMap((i) => i.children ?? []).find((c) => c.type === 'list');
    expect(nested?.children?.map(text)).toEqual(['Unterpunkt']);
    const all = JSON.stringify(blocks);
    expect(all).not.toMatch(/·|mso|"o"/);
    expect(all).toContain('"format":1'); // the bold "Punkt" stays bold
  });
});
