// @vitest-environment happy-dom
/**
 * Suggestions' colour and tooltip on the DOM (suggestionColours.ts): every suggestion gets its
 * author's hue and "who, when"; typing on in one suggestion does not make its tooltip again at
 * every key (a translation and a date format per key on the 1,000-paragraph article).
 */
import { buildEditorFromExtensions } from '@lexical/extension';
import { RichTextExtension } from '@lexical/rich-text';
import {
  $getRoot,
  configExtension,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  defineExtension,
  type TextNode,
} from 'lexical';
import { afterEach, expect, it } from 'vitest';
import { body, paragraph, suggestion, text } from '../../src-shared/richtext/builders';
import { parseBody } from '../../src-shared/richtext/headless';
import { ArticleSchemaExtension } from '../../src-shared/richtext/nodes';
import type { SuggestionFields } from '../../src-shared/richtext/suggestionFields';
import { authorHue } from './authorColour';
import { registerSuggestTyping } from './registerSuggestTyping';
import { registerSuggestionColours } from './suggestionColours';

const AT = '2026-12-03T06:00:00.000Z';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** An article editor holding `json`, not yet attached to the page. */
function editorWith(json: unknown) {
  const editor = buildEditorFromExtensions(
    defineExtension({
      name: 'test',
      dependencies: [
        configExtension(ArticleSchemaExtension, { decorateImage: null }),
        RichTextExtension,
      ],
    }),
  );
  editor.setEditorState(parseBody(json, editor));
  return editor;
}

/** Attaches `editor` to a new editable root in the page. */
function attach(editor: ReturnType<typeof editorWith>): HTMLElement {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  editor.setRootElement(root);
  return root;
}

function open(json: unknown) {
  const editor = editorWith(json);
  const root = attach(editor);
  const titled: SuggestionFields[] = [];
  const stopColours = registerSuggestionColours(editor, (f) => {
    titled.push(f);
    return `${f.kind} by ${f.author} at ${f.at}`;
  });
  const stopTyping = registerSuggestTyping(editor, {
    username: 'chief',
    now: () => AT,
    newId: () => 's-typed',
  });
  cleanups.push(() => {
    stopTyping();
    stopColours();
    editor.setRootElement(null);
    root.remove();
  });
  return { editor, root, titled };
}

const spans = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('[title]')].map((el) => ({
    text: el.textContent,
    title: el.title,
    hue: el.style.getPropertyValue('--suggestion-hue'),
  }));

it('colours and titles every suggestion, and titles a typing run once, not per key', () => {
  const { editor, root, titled } = open(
    body(
      paragraph(
        [
          text('Der Rat '),
          suggestion('tagte', { kind: 'delete', author: 'jonas', id: 's-1', at: AT }),
          text(' gestern.'),
        ],
        'p1',
      ),
    ),
  );
  expect(spans(root)).toEqual([
    { text: 'tagte', title: `delete by jonas at ${AT}`, hue: String(authorHue('jonas')) },
  ]);
  expect(titled).toHaveLength(1);

  // The chief types four keys at the end of the paragraph: one insertion suggestion.
  editor.update(
    () => {
      const texts = $getRoot().getAllTextNodes();
      const last = texts[texts.length - 1] as TextNode;
      last.select(last.getTextContentSize(), last.getTextContentSize());
    },
    { discrete: true },
  );
  for (const ch of ' Neu') {
    editor.update(() => void editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, ch), {
      discrete: true,
    });
  }
  expect(spans(root)).toEqual([
    { text: 'tagte', title: `delete by jonas at ${AT}`, hue: String(authorHue('jonas')) },
    { text: ' Neu', title: `insert by chief at ${AT}`, hue: String(authorHue('chief')) },
  ]);
  // Once for the deletion, once for the typed run (not once per key).
  expect(titled.map((f) => `${f.kind} ${f.author}`)).toEqual(['delete jonas', 'insert chief']);
});

it('colours the suggestions of a body whose root element is attached after registering', () => {
  const editor = editorWith(
    body(
      paragraph(
        [text('A '), suggestion('neu', { kind: 'insert', author: 'mia', id: 's-2', at: AT })],
        'p1',
      ),
    ),
  );
  const stop = registerSuggestionColours(editor, (f) => `${f.kind} by ${f.author}`);
  const root = attach(editor);
  cleanups.push(() => {
    stop();
    editor.setRootElement(null);
    root.remove();
  });
  expect(spans(root)).toEqual([
    { text: 'neu', title: 'insert by mia', hue: String(authorHue('mia')) },
  ]);
});
