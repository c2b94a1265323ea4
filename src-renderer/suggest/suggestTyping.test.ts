import { buildEditorFromExtensions } from '@lexical/extension';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { RichTextExtension } from '@lexical/rich-text';
import {
  $getRoot,
  configExtension,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  defineExtension,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  FORMAT_TEXT_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  IS_BOLD,
  type LexicalCommand,
  type LexicalEditor,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type TextNode,
  UNDO_COMMAND,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { body, paragraph, suggestion, text } from '../../src-shared/richtext/builders';
import { parseBody } from '../../src-shared/richtext/headless';
import { ArticleSchemaExtension } from '../../src-shared/richtext/nodes';
import { checkBodyEnvelope } from '../../src-shared/richtext/envelope';
import { withSuggestionsRejected } from '../../src-shared/richtext/suggestions';
import { registerSuggestTyping } from './registerSuggestTyping';
import type { SuggestContext } from './suggestEdits';

const AT = '2026-12-03T06:00:00.000Z';
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function context(username = 'chief'): SuggestContext {
  let n = 0;
  return { username, now: () => AT, newId: () => `s-new${++n}` };
}

function setup(json: unknown, options: { suggest?: boolean; username?: string } = {}) {
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
  const history = createEmptyHistoryState();
  const stopHistory = registerHistory(editor, history, 10_000);
  (editor as unknown as { history: unknown }).history = history;
  const stopSuggest =
    options.suggest === false ? () => {} : registerSuggestTyping(editor, context(options.username));
  cleanup = () => {
    stopSuggest();
    stopHistory();
  };
  return editor;
}

/** Runs `fn` as one committed update. */
function act(editor: LexicalEditor, fn: () => void) {
  editor.update(fn, { discrete: true });
}

function dispatch<P>(editor: LexicalEditor, command: LexicalCommand<P>, payload: P) {
  act(editor, () => void editor.dispatchCommand(command, payload));
}

function undo(editor: LexicalEditor) {
  editor.dispatchCommand(UNDO_COMMAND, undefined);
  editor.update(() => {}, { discrete: true }); // commits the restored state
}

function type(editor: LexicalEditor, chars: string) {
  for (const ch of chars) dispatch(editor, CONTROLLED_TEXT_INSERTION_COMMAND, ch);
}

/** Caret (or range) in the n-th text node of the first paragraph. */
function select(editor: LexicalEditor, node: number, offset: number, focusOffset = offset) {
  act(editor, () => {
    const texts = $getRoot().getAllTextNodes();
    (texts[node] as TextNode).select(offset, focusOffset);
  });
}

type Row = [string, string] | [string, string, string, string];
/** Each paragraph's text nodes as [text, 'plain'] or [text, kind, author, id]. */
function rows(editor: LexicalEditor): Row[][] {
  const json = editor.getEditorState().toJSON() as unknown as {
    root: { children: { children: Record<string, unknown>[] }[] };
  };
  return json.root.children.map((p) =>
    p.children.map((n) =>
      n.type === 'suggestion'
        ? [String(n.text), String(n.kind), String(n.author), String(n.id)]
        : [String(n.text), 'plain'],
    ),
  );
}

const stored = (editor: LexicalEditor) => editor.getEditorState().toJSON();

const plainBody = () => body(paragraph([text('Der Rat tagte gestern.')], 'p1'));

describe('typing in suggestion mode', () => {
  it('makes typed text one insertion by the user, extended while typing on', () => {
    const editor = setup(plainBody());
    select(editor, 0, 8); // before "tagte"
    type(editor, 'nicht ');
    expect(rows(editor)).toEqual([
      [
        ['Der Rat ', 'plain'],
        ['nicht ', 'insert', 'chief', 's-new1'],
        ['tagte gestern.', 'plain'],
      ],
    ]);
    // The stored body passes the envelope checks (author, time, id are all there).
    expect(() => checkBodyEnvelope(stored(editor))).not.toThrow();
    const node = (stored(editor).root.children[0] as unknown as { children: object[] }).children[1];
    expect(node).toMatchObject({ at: AT, kind: 'insert', author: 'chief' });
  });

  it('typing inside an own insertion extends it; typing inside someone else’s starts a new one', () => {
    const editor = setup(
      body(
        paragraph(
          [
            text('A '),
            suggestion('mine', { kind: 'insert', author: 'chief', id: 'm' }),
            suggestion('theirs', { kind: 'insert', author: 'anna', id: 't' }),
          ],
          'p1',
        ),
      ),
    );
    select(editor, 1, 2);
    type(editor, 'XY');
    select(editor, 2, 3);
    type(editor, 'Z');
    expect(rows(editor)).toEqual([
      [
        ['A ', 'plain'],
        ['miXYne', 'insert', 'chief', 'm'],
        ['the', 'insert', 'anna', 't'],
        ['Z', 'insert', 'chief', 's-new1'],
        ['irs', 'insert', 'anna', 't'],
      ],
    ]);
  });

  it('outside suggestion mode typing and deleting stay plain edits', () => {
    const editor = setup(plainBody(), { suggest: false });
    select(editor, 0, 8);
    type(editor, 'nicht ');
    select(editor, 0, 0, 4);
    dispatch(editor, REMOVE_TEXT_COMMAND, null);
    dispatch(editor, FORMAT_TEXT_COMMAND, 'bold'); // collapsed: only the next typing
    expect(rows(editor)).toEqual([[['Rat nicht tagte gestern.', 'plain']]]);
  });

  it('outside suggestion mode text typed next to a suggestion is plain, not part of it', () => {
    const editor = setup(
      body(
        paragraph(
          [text('A '), suggestion('neu', { kind: 'insert', author: 'chief', id: 'm' })],
          'p1',
        ),
      ),
      { suggest: false },
    );
    select(editor, 1, 3);
    type(editor, 'X');
    select(editor, 1, 0);
    type(editor, 'Y');
    expect(rows(editor)).toEqual([
      [
        ['A Y', 'plain'],
        ['neu', 'insert', 'chief', 'm'],
        ['X', 'plain'],
      ],
    ]);
  });

  it('stops when the plugin is removed (toggling off)', () => {
    const editor = setup(plainBody());
    cleanup?.();
    cleanup = null;
    select(editor, 0, 0);
    type(editor, 'X');
    expect(rows(editor)).toEqual([[['XDer Rat tagte gestern.', 'plain']]]);
  });
});

describe('deleting in suggestion mode', () => {
  it('Backspace marks plain text deleted, keeps it, and moves the caret past it', () => {
    const editor = setup(plainBody());
    select(editor, 0, 13); // after "tagte"
    for (let i = 0; i < 5; i++) dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    // One deletion, not five, and the text is still there.
    expect(rows(editor)).toEqual([
      [
        ['Der Rat ', 'plain'],
        ['tagte', 'delete', 'chief', 's-new1'],
        [' gestern.', 'plain'],
      ],
    ]);
    // The caret is before the deletion: the next Backspace takes the space before it.
    dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    expect(rows(editor)[0]?.[0]).toEqual(['Der Rat', 'plain']);
    expect(rows(editor)[0]?.[1]).toEqual([' tagte', 'delete', 'chief', 's-new1']);
    // Typing now goes in front of the struck-through text.
    type(editor, 'X');
    expect(rows(editor)[0]?.map((r) => r[0])).toEqual(['Der Rat', 'X', ' tagte', ' gestern.']);
  });

  it('Delete (forward) marks text deleted and the caret jumps over it', () => {
    const editor = setup(plainBody());
    select(editor, 0, 0);
    dispatch(editor, DELETE_CHARACTER_COMMAND, false);
    dispatch(editor, DELETE_CHARACTER_COMMAND, false);
    type(editor, 'd');
    expect(rows(editor)).toEqual([
      [
        ['De', 'delete', 'chief', 's-new1'],
        ['d', 'insert', 'chief', 's-new2'],
        ['r Rat tagte gestern.', 'plain'],
      ],
    ]);
  });

  it('deleting inside an own insertion removes the characters for real', () => {
    const editor = setup(plainBody());
    select(editor, 0, 8);
    type(editor, 'nihct');
    dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    type(editor, 'cht ');
    expect(rows(editor)).toEqual([
      [
        ['Der Rat ', 'plain'],
        ['nicht ', 'insert', 'chief', 's-new1'],
        ['tagte gestern.', 'plain'],
      ],
    ]);
    // Backspacing all of it leaves no empty suggestion behind (the plain text joins again).
    for (let i = 0; i < 6; i++) dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    expect(rows(editor)).toEqual([[['Der Rat tagte gestern.', 'plain']]]);
  });

  it("deleting someone else's insertion makes it the user's deletion", () => {
    const editor = setup(
      body(
        paragraph(
          [text('A '), suggestion('neu', { kind: 'insert', author: 'anna', id: 'a1' })],
          'p1',
        ),
      ),
    );
    select(editor, 1, 3);
    dispatch(editor, DELETE_WORD_COMMAND, true);
    expect(rows(editor)).toEqual([
      [
        ['A ', 'plain'],
        ['neu', 'delete', 'chief', 's-new1'],
      ],
    ]);
  });

  it('deleting over an existing deletion only moves the caret', () => {
    const editor = setup(
      body(
        paragraph(
          [text('ab'), suggestion('XYZ', { kind: 'delete', author: 'anna', id: 'd1' }), text('cd')],
          'p1',
        ),
      ),
    );
    select(editor, 2, 0); // before "cd", right after anna's deletion
    dispatch(editor, DELETE_CHARACTER_COMMAND, true);
    expect(rows(editor)).toEqual([
      [
        ['a', 'plain'],
        ['b', 'delete', 'chief', 's-new1'],
        ['XYZ', 'delete', 'anna', 'd1'],
        ['cd', 'plain'],
      ],
    ]);
  });

  it('word and line deletes mark the word and the rest of the block', () => {
    const editor = setup(plainBody());
    select(editor, 0, 13); // after "tagte"
    dispatch(editor, DELETE_WORD_COMMAND, true);
    expect(rows(editor)[0]?.[1]).toEqual(['tagte', 'delete', 'chief', 's-new1']);
    select(editor, 2, 0); // before " gestern."
    dispatch(editor, DELETE_LINE_COMMAND, false);
    expect(rows(editor)[0]?.map((r) => r.slice(0, 2))).toEqual([
      ['Der Rat ', 'plain'],
      ['tagte gestern.', 'delete'], // joined with the deletion next to it
    ]);
    expect(rows(editor)[0]?.[1]?.[3]).toBe('s-new1');
    expect(rows(editor)[0]?.map((r) => r.slice(0, 2))).toEqual([
      ['Der Rat ', 'plain'],
      ['tagte gestern.', 'delete'],
    ]);
  });

  it('a selection removed (cut, Delete) becomes one deletion; typing over it inserts after it', () => {
    const editor = setup(plainBody());
    select(editor, 0, 8, 13);
    type(editor, 'beriet');
    expect(rows(editor)).toEqual([
      [
        ['Der Rat ', 'plain'],
        ['tagte', 'delete', 'chief', 's-new1'],
        ['beriet', 'insert', 'chief', 's-new2'],
        [' gestern.', 'plain'],
      ],
    ]);
    select(editor, 0, 0, 3);
    dispatch(editor, REMOVE_TEXT_COMMAND, null);
    expect(rows(editor)[0]?.[0]).toEqual(['Der', 'delete', 'chief', 's-new3']);
  });

  it('as rejected, the body reads exactly as before the suggestions', () => {
    const editor = setup(plainBody());
    const before = rows(editor);
    select(editor, 0, 8, 13);
    type(editor, 'beriet');
    select(editor, 0, 2);
    dispatch(editor, DELETE_WORD_COMMAND, false);
    const rejected = parseBody(withSuggestionsRejected(stored(editor)));
    const textOf = rejected.read(() => $getRoot().getTextContent());
    expect(textOf).toBe('Der Rat tagte gestern.');
    expect(before).toEqual([[['Der Rat tagte gestern.', 'plain']]]);
  });
});

describe('formatting, Enter, paste and undo in suggestion mode', () => {
  it("pasted text is the user's insertion, its lines new paragraphs", () => {
    const editor = setup(plainBody());
    select(editor, 0, 22);
    const clipboard = { getData: (type: string) => (type === 'text/plain' ? ' Eins\nZwei' : '') };
    let prevented = false;
    const event = { clipboardData: clipboard, preventDefault: () => (prevented = true) };
    dispatch(editor, PASTE_COMMAND, event as unknown as ClipboardEvent);
    expect(prevented).toBe(true);
    expect(rows(editor)).toEqual([
      [
        ['Der Rat tagte gestern.', 'plain'],
        [' Eins', 'insert', 'chief', 's-new1'],
      ],
      [['Zwei', 'insert', 'chief', 's-new2']],
    ]);
  });

  it('bold on plain text is a deletion of the old text plus an insertion in bold', () => {
    const editor = setup(plainBody());
    select(editor, 0, 8, 13);
    dispatch(editor, FORMAT_TEXT_COMMAND, 'bold');
    expect(rows(editor)).toEqual([
      [
        ['Der Rat ', 'plain'],
        ['tagte', 'delete', 'chief', 's-new1'],
        ['tagte', 'insert', 'chief', 's-new2'],
        [' gestern.', 'plain'],
      ],
    ]);
    const nodes = (stored(editor).root.children[0] as unknown as { children: { format: number }[] })
      .children;
    expect(nodes[1]?.format ?? 0).toBe(0);
    expect(nodes[2]?.format).toBe(IS_BOLD);
    // Bold again on the user's own (selected) insertion changes it for real.
    dispatch(editor, FORMAT_TEXT_COMMAND, 'bold');
    expect(rows(editor)[0]).toHaveLength(4);
    const again = (stored(editor).root.children[0] as unknown as { children: { format: number }[] })
      .children;
    expect(again[2]?.format ?? 0).toBe(0);
  });

  it('Enter starts a paragraph whose typed text is an insertion', () => {
    const editor = setup(plainBody());
    select(editor, 0, 22); // end
    dispatch(editor, INSERT_PARAGRAPH_COMMAND, undefined);
    type(editor, 'Neu.');
    expect(rows(editor)).toEqual([
      [['Der Rat tagte gestern.', 'plain']],
      [['Neu.', 'insert', 'chief', 's-new1']],
    ]);
    // Rejecting it removes the emptied paragraph.
    const rejected = withSuggestionsRejected(stored(editor)) as { root: { children: unknown[] } };
    expect(rejected.root.children).toHaveLength(1);
  });

  it('outside suggestion mode undo works as before', () => {
    const editor = setup(plainBody(), { suggest: false });
    select(editor, 0, 8);
    type(editor, 'nicht ');
    undo(editor);
    expect(rows(editor)).toEqual([[['Der Rat tagte gestern.', 'plain']]]);
  });

  it('undo takes back one typing run at once', () => {
    const editor = setup(plainBody());
    select(editor, 0, 8);
    type(editor, 'nicht ');
    undo(editor);
    expect(rows(editor)).toEqual([[['Der Rat tagte gestern.', 'plain']]]);
  });
});
