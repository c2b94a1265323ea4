import { $getRoot, $isElementNode, IS_BOLD, IS_ITALIC, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  body,
  link,
  list,
  listItem,
  paragraph,
  suggestion,
  text,
  type BodyJsonShape,
  type NodeJson,
} from '../../src-shared/richtext/builders';
import { createArticleHeadlessEditor, parseBody } from '../../src-shared/richtext/headless';
import {
  resolveSuggestions,
  type SuggestionAction,
  type SuggestionSelector,
} from '../../src-shared/richtext/suggestions';
import { $resolveSuggestions } from './resolveLive';

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AUTHORS = ['anna', 'jonas', 'chief'];
const FORMATS = [0, 0, IS_BOLD, IS_ITALIC];

function randomBody(seed: number) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let block = 0;
  const inline = (): NodeJson[] => {
    const out: NodeJson[] = [];
    const n = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) {
      const r = rnd();
      const format = pick(FORMATS);
      const word = `w${Math.floor(rnd() * 100)} `;
      // Two plain texts side by side never come out of Lexical (it joins them): not generated.
      if (r < 0.35 && out[out.length - 1]?.type !== 'text') out.push(text(word, { format }));
      else if (r < 0.9)
        out.push(
          suggestion(word, {
            kind: rnd() < 0.5 ? 'insert' : 'delete',
            author: pick(AUTHORS),
            id: `s${Math.floor(rnd() * 6)}`,
            format,
          }),
        );
      else
        out.push(
          link('https://example.org', [
            suggestion(word, {
              kind: 'insert',
              author: pick(AUTHORS),
              id: `s${Math.floor(rnd() * 6)}`,
            }),
          ]),
        );
    }
    return out;
  };
  const blocks: NodeJson[] = [];
  const nBlocks = 1 + Math.floor(rnd() * 5);
  for (let b = 0; b < nBlocks; b++) {
    // Lexical joins two lists of one type side by side: not generated either.
    if (rnd() < 0.2 && blocks[blocks.length - 1]?.type !== 'list') {
      blocks.push(
        list(
          'bullet',
          [listItem(inline(), `li${block++}`), listItem(inline(), `li${block++}`)],
          `l${block++}`,
        ),
      );
    } else blocks.push(paragraph(inline(), `p${block++}`));
  }
  return body(...blocks);
}

/**
 * A list item's `value` is renumbered by the list plugin's transform in a live update but kept
 * as parsed from JSON (the fixtures leave it out): not part of what resolving decides.
 */
function withoutListValues<T>(state: T): T {
  return JSON.parse(JSON.stringify(state), (key, value: unknown) =>
    key === 'value' ? undefined : value,
  ) as T;
}

// One editor each, reused: a fresh state is set for every case.
const liveEditor = createArticleHeadlessEditor();
const expectedEditor = createArticleHeadlessEditor();

function liveResolve(json: unknown, selector: SuggestionSelector, action: SuggestionAction) {
  const editor = liveEditor;
  editor.setEditorState(parseBody(json, editor));
  editor.update(() => void $resolveSuggestions(selector, action), { discrete: true });
  return withoutListValues(editor.getEditorState().toJSON());
}

/**
 * resolveSuggestions' JSON as Lexical normalises it when that body is next edited (every node
 * dirty, so the transforms run): two lists that a removed paragraph separated become one, as
 * they do in the live editor.
 */
function expected(json: BodyJsonShape, selector: SuggestionSelector, action: SuggestionAction) {
  const editor = expectedEditor;
  const resolved = resolveSuggestions(json, selector, action);
  // Everything went: the live editor keeps one empty paragraph to type in.
  const typeable = resolved.root.children.length > 0 ? resolved : body(paragraph([]));
  editor.setEditorState(parseBody(typeable, editor));
  const markAll = (node: LexicalNode): void => {
    node.markDirty();
    if ($isElementNode(node)) node.getChildren().forEach(markAll);
  };
  editor.update(() => markAll($getRoot()), { discrete: true });
  return withoutListValues(editor.getEditorState().toJSON());
}

describe('resolving suggestions in the live editor', () => {
  it('gives the same body as resolveSuggestions on the JSON (ids, author, all; 60 bodies)', () => {
    const selectors: SuggestionSelector[] = [
      { ids: ['s1'] },
      { ids: ['s0', 's3', 's5'] },
      { author: 'jonas' },
      { author: 'chief' },
      { all: true },
    ];
    for (let seed = 1; seed <= 60; seed++) {
      const json = randomBody(seed);
      for (const selector of selectors) {
        for (const action of ['accept', 'reject'] as const) {
          const live = liveResolve(json, selector, action);
          expect(live, `seed ${seed} ${JSON.stringify(selector)} ${action}`).toEqual(
            expected(json, selector, action),
          );
        }
      }
    }
  });

  it('keeps format, joins with neighbours and drops a paragraph of only inserted text', () => {
    const json = body(
      paragraph(
        [
          text('Der Rat '),
          suggestion('tagte', { kind: 'delete', author: 'chief', id: 'd1' }),
          suggestion('beschloss', { kind: 'insert', author: 'chief', id: 'i1' }),
          text(' gestern.'),
        ],
        'p1',
      ),
      paragraph(
        [suggestion('Neu.', { kind: 'insert', author: 'chief', id: 'i2', format: IS_BOLD })],
        'p2',
      ),
    );
    const accepted = liveResolve(json, { all: true }, 'accept');
    const rejected = liveResolve(json, { all: true }, 'reject');
    const para = (state: typeof accepted, i: number) =>
      (state.root.children[i] as unknown as { children: { text: string; format: number }[] })
        .children;
    expect(para(accepted, 0)).toMatchObject([{ text: 'Der Rat beschloss gestern.', format: 0 }]);
    expect(para(accepted, 1)).toMatchObject([{ text: 'Neu.', format: IS_BOLD }]);
    expect(para(rejected, 0)).toMatchObject([{ text: 'Der Rat tagte gestern.' }]);
    expect(rejected.root.children).toHaveLength(1);
  });

  it('refuses an unknown action or selector and changes nothing', () => {
    const json = body(paragraph([suggestion('x', { kind: 'insert', author: 'a', id: 'i' })]));
    const editor = createArticleHeadlessEditor();
    editor.setEditorState(parseBody(json, editor));
    const before = JSON.stringify(editor.getEditorState().toJSON());
    expect(() =>
      editor.update(() => void $resolveSuggestions({ all: true }, 'maybe' as never), {
        discrete: true,
      }),
    ).toThrow(/accept or reject/);
    expect(() =>
      editor.update(() => void $resolveSuggestions({ author: '' }, 'accept'), { discrete: true }),
    ).toThrow(/ids, by author or all/);
    expect(JSON.stringify(editor.getEditorState().toJSON())).toBe(before);
  });
});
