import { buildEditorFromExtensions } from '@lexical/extension';
import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  configExtension,
  IS_BOLD,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  body,
  lineBreak,
  link,
  list,
  listItem,
  paragraph,
  quote,
  suggestion,
  text,
} from './builders';
import { BodyError, checkBodyEnvelope } from './envelope';
import { articleParser, parseBody } from './headless';
import { ArticleSchemaExtension } from './nodes';
import { SafeBodyJson } from './safeBody';
import {
  $createSuggestionNode,
  $isSuggestionNode,
  $textContentAsRejected,
  SuggestionNode,
} from './suggestionNode';
import { withSuggestionsRejected } from './suggestions';

const anna = { kind: 'insert', author: 'anna', id: 's1' } as const;
const withSuggestions = body(
  paragraph(
    [
      text('Der Rat '),
      suggestion('tagte', { kind: 'delete', author: 'chef', id: 's2' }),
      suggestion('beschloss', anna),
      text(' gestern.'),
      link('https://example.org', [suggestion('Quelle', { ...anna, id: 's3' })]),
    ],
    'p1',
  ),
);

function newEditor() {
  return buildEditorFromExtensions(
    configExtension(ArticleSchemaExtension, { decorateImage: null }),
  );
}

describe('suggestion node', () => {
  it('round-trips kind, author, time and id through parse → toJSON → parse, also in links', () => {
    const first = parseBody(withSuggestions).toJSON();
    expect(first).toMatchObject(withSuggestions);
    const para = first.root.children[0] as unknown as { children: Record<string, unknown>[] };
    expect(para.children[2]).toEqual({
      type: 'suggestion',
      text: 'beschloss',
      detail: 0,
      format: 0,
      mode: 'normal',
      style: '',
      version: 1,
      kind: 'insert',
      author: 'anna',
      at: '2026-12-03T04:00:00.000Z',
      id: 's1',
    });
    expect(parseBody(first).toJSON()).toEqual(first);
  });

  it('is a TextNode that Lexical does not merge with plain text or another suggestion', () => {
    const editor = newEditor();
    editor.update(
      () => {
        const p = $getRoot().getFirstChild();
        if (!$isElementNode(p)) throw new Error('no paragraph');
        p.append(
          $createTextNode('a'),
          $createSuggestionNode('b', { ...anna, at: '2026-12-03T04:00:00.000Z' }),
          $createSuggestionNode('c', { ...anna, id: 's9', at: '2026-12-03T04:00:00.000Z' }),
          $createTextNode('d'),
        );
      },
      { discrete: true },
    );
    editor.read(() => {
      const nodes = $getRoot().getAllTextNodes();
      expect(nodes.map((n) => [n.getType(), n.getTextContent()])).toEqual([
        ['text', 'a'],
        ['suggestion', 'b'],
        ['suggestion', 'c'],
        ['text', 'd'],
      ]);
      expect(nodes.every($isTextNode)).toBe(true);
      expect(nodes[1]?.isSimpleText()).toBe(false);
    });
  });

  it('stays a suggestion with its fields when part of it is formatted (split)', () => {
    const editor = newEditor();
    editor.update(
      () => {
        const p = $getRoot().getFirstChild();
        if (!$isElementNode(p)) throw new Error('no paragraph');
        const s = $createSuggestionNode('abcdef', { ...anna, at: '2026-12-03T04:00:00.000Z' });
        p.append(s);
        const [, middle] = s.splitText(2, 4);
        middle?.toggleFormat('bold');
      },
      { discrete: true },
    );
    editor.read(() => {
      const nodes: LexicalNode[] = $getRoot().getAllTextNodes();
      expect(nodes.map((n) => n.getTextContent())).toEqual(['ab', 'cd', 'ef']);
      expect(nodes.every($isSuggestionNode)).toBe(true);
      expect((nodes as SuggestionNode[]).map((n) => n.getSuggestion().id)).toEqual([
        's1',
        's1',
        's1',
      ]);
      expect((nodes[1] as SuggestionNode).getFormat()).toBe(IS_BOLD);
    });
  });

  it('refuses bad fields with a clear BodyError, and nothing is stored', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ kind: 'replace' }, /"kind" "insert" or "delete"/],
      [{ author: undefined }, /needs an "author"/],
      [{ author: '  ' }, /needs an "author"/],
      [{ at: 'gestern' }, /ISO 8601/],
      [{ id: '' }, /"id"/],
    ];
    for (const [patch, message] of cases) {
      const bad = body(paragraph([{ ...suggestion('x', anna), ...patch }]));
      expect(() => checkBodyEnvelope(bad)).toThrow(BodyError);
      expect(() => checkBodyEnvelope(bad)).toThrow(message);
      const parsed = SafeBodyJson.safeParse(bad);
      expect(parsed.success).toBe(false);
    }
    // A suggestion holds no children and may not stand directly under the root.
    expect(() =>
      checkBodyEnvelope(body(paragraph([{ ...suggestion('x', anna), children: [] }]))),
    ).toThrow(/invalid children/);
    expect(() => checkBodyEnvelope(body(suggestion('x', anna)))).toThrow(/cannot be inside/);
  });

  it('is readable as a typed node by the headless parser', () => {
    parseBody(withSuggestions).read(
      () => {
        const deleted = $getRoot().getAllTextNodes()[1];
        expect($isSuggestionNode(deleted)).toBe(true);
        expect((deleted as SuggestionNode).getSuggestion()).toEqual({
          kind: 'delete',
          author: 'chef',
          at: '2026-12-03T04:00:00.000Z',
          id: 's2',
        });
      },
      { editor: articleParser() },
    );
  });
});

describe('$textContentAsRejected (the editor word count)', () => {
  it('leaves suggested insertions out and is getTextContent() for a body without suggestions', () => {
    const everyBlock = body(
      paragraph([text('eins '), suggestion('neu', anna)], 'a'),
      list('bullet', [listItem([text('zwei')], 'li1'), listItem([text('drei')], 'li2')], 'l'),
      quote([text('vier'), lineBreak(), text('fünf')], 'q'),
      paragraph([link('https://example.org', [text('sechs')])], 'b'),
    );
    const plainOnly = withSuggestionsRejected(everyBlock);
    parseBody(plainOnly).read(
      () => expect($textContentAsRejected()).toBe($getRoot().getTextContent()),
      { editor: articleParser() },
    );
    parseBody(withSuggestions).read(
      () => expect($textContentAsRejected()).toBe('Der Rat tagte gestern.'),
      { editor: articleParser() },
    );
  });
});
