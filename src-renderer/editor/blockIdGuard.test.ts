// @vitest-environment happy-dom
/**
 * The editor's block-id guard: opening a body (ids ensured by prepareBody) costs no follow-up
 * update, a block created later with a copied id gets a fresh one.
 */
import { buildEditorFromExtensions } from '@lexical/extension';
import { $createParagraphNode, $createTextNode, $getRoot, HISTORY_MERGE_TAG } from 'lexical';
import { afterEach, expect, it } from 'vitest';
import { $getBlockId, $setBlockId } from '../../src-shared/richtext/blockIds';
import { bodyFromParagraphs } from '../../src-shared/richtext/plainText';
import { articleEditorExtension } from './extension';
import { prepareBody } from './prepareBody';

const roots: HTMLElement[] = [];
afterEach(() => roots.splice(0).forEach((r) => r.remove()));

function open(paragraphs: string[]) {
  const { body } = prepareBody(bodyFromParagraphs(paragraphs));
  const editor = buildEditorFromExtensions(
    articleEditorExtension(body, {
      onLinkRequest: () => {},
      onError: (e) => {
        throw e;
      },
    }),
  );
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  roots.push(root);
  // The guard repairs in an update of its own: count those (an update that changes nothing
  // still reads the DOM selection, i.e. forces a layout of the whole body).
  const repairs: unknown[] = [];
  const update = editor.update.bind(editor);
  editor.update = (fn, options) => {
    if (options?.tag === HISTORY_MERGE_TAG) repairs.push(options.tag);
    update(fn, options);
  };
  editor.setRootElement(root);
  return { editor, body, repairs };
}

const ids = (editor: ReturnType<typeof open>['editor']) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((n) => $getBlockId(n)),
  );

it('opens a long body without walking it again', async () => {
  const { editor, body, repairs } = open(Array.from({ length: 200 }, (_, i) => `Absatz ${i}`));
  await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  expect(repairs).toEqual([]);
  const stored = (body.root.children as { $?: { blockId?: string } }[]).map((b) => b.$?.blockId);
  expect(ids(editor)).toEqual(stored);
});

it('gives a block created with a copied id a fresh one; the original keeps its id', async () => {
  const { editor } = open(['Eins', 'Zwei']);
  const [first, second] = ids(editor);
  editor.update(
    () => {
      const copy = $createParagraphNode().append($createTextNode('Kopie'));
      $getRoot().append($setBlockId(copy, first!));
    },
    { discrete: true },
  );
  await new Promise((r) => setTimeout(r, 0));
  const after = ids(editor);
  expect(after.slice(0, 2)).toEqual([first, second]);
  expect(after[2]).toMatch(/\S/);
  expect(new Set(after).size).toBe(3);
});
