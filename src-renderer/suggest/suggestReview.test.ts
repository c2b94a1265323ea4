import { afterEach, describe, expect, it, vi } from 'vitest';
import { $getRoot, $isElementNode, $isTextNode, HISTORIC_TAG } from 'lexical';
import {
  body,
  list,
  listItem,
  paragraph,
  suggestion,
  text,
} from '../../src-shared/richtext/builders';
import { createArticleHeadlessEditor, parseBody } from '../../src-shared/richtext/headless';
import { listSuggestions } from '../../src-shared/richtext/suggestions';
import { $listBodySuggestions, watchBodySuggestions } from './bodySuggestions';
import { resolveInEditor } from './resolveLive';
import { holdsSuggestions, suggestedSegments } from './SuggestedText';
import { decisionRecord, readOnlyReasonKey } from './decisions';

const ins = (value: string, id: string, author = 'chief') =>
  suggestion(value, { kind: 'insert', author, id });
const del = (value: string, id: string, author = 'chief') =>
  suggestion(value, { kind: 'delete', author, id });

const article = body(
  paragraph(
    [text('Der Rat '), del('tagte', 's1'), ins('beschloss', 's2'), text(' gestern.')],
    'p1',
  ),
  paragraph([ins('Neu ', 's3', 'jonas'), ins('und fett.', 's3', 'jonas')], 'p2'),
  list('bullet', [listItem([text('eins')], 'li1'), listItem([ins('zwei', 's4')], 'li2')], 'l1'),
);

describe('the live list of body suggestions', () => {
  it('has one item per id in document order, with all its text, like listSuggestions', () => {
    const editor = createArticleHeadlessEditor();
    editor.setEditorState(parseBody(article, editor));
    const items = editor.getEditorState().read($listBodySuggestions, { editor });
    expect(items.map((i) => [i.id, i.kind, i.author, i.text, i.where])).toEqual(
      listSuggestions(article).map((s) => [s.id, s.kind, s.author, s.text, 'body']),
    );
    const s3 = items.find((i) => i.id === 's3');
    expect(s3?.firstKey).not.toBe(s3?.lastKey);
  });
});

describe('watching the live list', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads typing after a pause, but a decision and its undo at once', () => {
    vi.useFakeTimers();
    const editor = createArticleHeadlessEditor();
    editor.setEditorState(parseBody(article, editor));
    const seen: string[][] = [];
    const stop = watchBodySuggestions(editor, (items) => seen.push(items.map((i) => i.id)), 300);
    vi.advanceTimersByTime(0);
    expect(seen).toEqual([['s1', 's2', 's3', 's4']]);

    // Typing in plain text: read only after the pause.
    editor.update(
      () => {
        const p = $getRoot().getFirstChild();
        const first = $isElementNode(p) ? p.getFirstChild() : null;
        if ($isTextNode(first)) first.setTextContent('Der neue Rat ');
      },
      { discrete: true },
    );
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(seen).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(seen).toHaveLength(2);

    // A rejection is in the list at once, and so is its undo.
    const before = editor.getEditorState();
    resolveInEditor(editor, { ids: ['s3'] }, 'reject');
    expect(seen.at(-1)).toEqual(['s1', 's2', 's4']);
    editor.setEditorState(before, { tag: HISTORIC_TAG });
    expect(seen.at(-1)).toEqual(['s1', 's2', 's3', 's4']);
    expect(seen).toHaveLength(4);
    stop();
  });
});

describe('suggested text outside the editor (conflict panel)', () => {
  it('keeps inserted and deleted text, marked, with the author; blocks apart', () => {
    expect(suggestedSegments(article)).toEqual([
      { text: 'Der Rat ' },
      { text: 'tagte', suggestion: { kind: 'delete', author: 'chief' } },
      { text: 'beschloss', suggestion: { kind: 'insert', author: 'chief' } },
      { text: ' gestern.\n\n' },
      { text: 'Neu ', suggestion: { kind: 'insert', author: 'jonas' } },
      { text: 'und fett.', suggestion: { kind: 'insert', author: 'jonas' } },
      { text: '\n\neins\n' },
      { text: 'zwei', suggestion: { kind: 'insert', author: 'chief' } },
    ]);
    // A conflict region's blocks, as the panel gets them.
    expect(holdsSuggestions(article.root.children.slice(1, 2))).toBe(true);
    expect(holdsSuggestions([paragraph([text('nur Text')])])).toBe(false);
    expect(holdsSuggestions(null)).toBe(false);
    expect(suggestedSegments('not a body')).toEqual([]);
  });
});

describe('who may decide', () => {
  const draft = {
    authorId: 'u-author',
    assigneeId: null,
    status: 'draft' as const,
    deletedAt: null,
  };
  const signed = (id: string, role: 'editor' | 'desk_chief') => ({ id, role, signedIn: true });

  it('lets the author and desk chiefs decide, nobody while the article is read only', () => {
    expect(readOnlyReasonKey(draft, signed('u-author', 'editor'), false)).toBeNull();
    expect(readOnlyReasonKey(draft, signed('u-chief', 'desk_chief'), false)).toBeNull();
    expect(readOnlyReasonKey(draft, signed('u-other', 'editor'), false)).toBe(
      'suggestionList.notYours',
    );
    expect(readOnlyReasonKey(draft, signed('u-chief', 'desk_chief'), true)).toBe(
      'suggestionList.locked',
    );
    // The author's article once it left draft: the author may no longer change it.
    expect(
      readOnlyReasonKey({ ...draft, status: 'in_review' }, signed('u-author', 'editor'), false),
    ).toBe('suggestionList.locked');
    // Not signed in: only the desk's own article without an author yet.
    const local = { id: null, role: 'editor' as const, signedIn: false };
    expect(readOnlyReasonKey({ ...draft, authorId: null }, local, false)).toBeNull();
    expect(readOnlyReasonKey(draft, local, false)).toBe('suggestionList.notYours');
  });
});

describe('the record of a decision', () => {
  it('counts the suggestions, names each author once and keeps an excerpt within the limit', () => {
    const item = (id: string, author: string, value: string) => ({
      key: id,
      id,
      kind: 'insert' as const,
      author,
      at: '',
      text: value,
      where: 'body',
    });
    expect(
      decisionRecord(
        [item('a', 'chief', ' eins '), item('b', 'jonas', 'zwei'), item('c', 'chief', '')],
        'reject',
      ),
    ).toEqual({ action: 'reject', count: 3, authors: ['chief', 'jonas'], excerpt: 'eins … zwei' });
    expect(decisionRecord([item('a', 'chief', 'x'.repeat(1000))], 'accept').excerpt).toHaveLength(
      300,
    );
  });
});
