/**
 * The compact body JSON (CLI, imports, builders.ts) and Lexical's full export of the same content
 * compare and hash alike, so the block merge sees no edit where nobody changed anything.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { $isListNode, registerList } from '@lexical/list';
import { blockContentKey, canonicalJson, mergeBodies, type BodyLike } from '../merge';
import { blockIdsOf } from './blockIdsJson';
import {
  body,
  heading,
  image,
  lineBreak,
  link,
  list,
  listItem,
  paragraph,
  quote,
  text,
  type BodyJsonShape,
  type NodeJson,
} from './builders';
import { createArticleHeadlessEditor, parseBody } from './headless';
import { withoutLexicalDefaults } from './lexicalDefaults';

/**
 * What the editor stores for a body: Lexical's full export, list items numbered by the list
 * transform (as the editor's list extension does on every update).
 */
function expanded(compact: BodyJsonShape): BodyLike {
  const editor = createArticleHeadlessEditor();
  registerList(editor);
  editor.setEditorState(parseBody(compact, editor));
  editor.update(
    () => {
      const walk = (n: LexicalNode): void => {
        if ($isListNode(n)) n.markDirty();
        if ($isElementNode(n)) n.getChildren().forEach(walk);
      };
      walk($getRoot());
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON();
}

// The exact JSON the editor (Lexical 0.52) writes, and builders.ts' compact form of it.
const EDITOR_PARAGRAPH = {
  children: [
    { detail: 0, format: 0, mode: 'normal', style: '', text: 'Der Rat ', type: 'text', version: 1 },
    { detail: 0, format: 1, mode: 'normal', style: '', text: 'tagt', type: 'text', version: 1 },
    { type: 'linebreak', version: 1 },
    {
      children: [
        { detail: 0, format: 0, mode: 'normal', style: '', text: 'hier', type: 'text', version: 1 },
      ],
      rel: null,
      target: null,
      title: null,
      url: 'https://example.org/',
      direction: null,
      format: '',
      indent: 0,
      type: 'link',
      version: 1,
    },
  ],
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  type: 'paragraph',
  version: 1,
  $: { blockId: 'p1' },
};
const COMPACT_PARAGRAPH = paragraph(
  [
    text('Der Rat '),
    text('tagt', { format: 1 }),
    lineBreak(),
    link('https://example.org/', [text('hier')]),
  ],
  'p1',
);

describe('withoutLexicalDefaults', () => {
  it("the editor's paragraph JSON and builders.ts' compact paragraph are the same content", () => {
    expect(canonicalJson(EDITOR_PARAGRAPH)).not.toBe(canonicalJson(COMPACT_PARAGRAPH));
    expect(withoutLexicalDefaults(EDITOR_PARAGRAPH)).toEqual(COMPACT_PARAGRAPH);
    expect(blockContentKey(EDITOR_PARAGRAPH)).toBe(blockContentKey(COMPACT_PARAGRAPH));
    expect(blockIdsOf(body(EDITOR_PARAGRAPH as NodeJson))).toEqual(
      blockIdsOf(body(COMPACT_PARAGRAPH)),
    );
    // The headless round trip writes exactly the editor's JSON.
    expect(expanded(body(COMPACT_PARAGRAPH)).root.children[0]).toEqual(EDITOR_PARAGRAPH);
  });

  it('a real change still counts: text, a format, an alignment, a non-default value', () => {
    const variants = [
      { ...EDITOR_PARAGRAPH, format: 'center' },
      { ...EDITOR_PARAGRAPH, direction: 'rtl' },
      { ...EDITOR_PARAGRAPH, indent: 1 },
      {
        ...EDITOR_PARAGRAPH,
        children: [
          { ...EDITOR_PARAGRAPH.children[0], format: 2 },
          ...EDITOR_PARAGRAPH.children.slice(1),
        ],
      },
      {
        ...EDITOR_PARAGRAPH,
        children: [
          { ...EDITOR_PARAGRAPH.children[0], text: 'Die Rätin ' },
          ...EDITOR_PARAGRAPH.children.slice(1),
        ],
      },
      {
        ...EDITOR_PARAGRAPH,
        children: [
          ...EDITOR_PARAGRAPH.children.slice(0, 3),
          { ...EDITOR_PARAGRAPH.children[3], target: '_blank' },
        ],
      },
    ];
    const keys = new Set(variants.map(blockContentKey));
    expect(keys.size).toBe(variants.length);
    expect(keys.has(blockContentKey(COMPACT_PARAGRAPH))).toBe(false);
  });

  it('list items: derived numbers and depths are dropped only where Lexical would derive them', () => {
    const compact = list(
      'number',
      [
        listItem([text('a')]),
        listItem([list('bullet', [listItem([text('n')])])]),
        listItem([text('b')]),
      ],
      'l1',
    );
    const full = expanded(body(compact)).root.children[0] as Record<string, unknown>;
    const items = full.children as Record<string, unknown>[];
    // The list transform numbers items 1, 2, 2 (an item that only holds a nested list does not count).
    expect(items.map((i) => i.value)).toEqual([1, 2, 2]);
    expect(blockContentKey(full)).toBe(blockContentKey(compact));
    // A number Lexical would not give (or a start that is not the default) is content.
    const renumbered = { ...full, children: [{ ...items[0], value: 5 }, ...items.slice(1)] };
    expect(blockContentKey(renumbered)).not.toBe(blockContentKey(compact));
    expect(blockContentKey({ ...compact, start: 3 })).not.toBe(blockContentKey(compact));
    expect(blockContentKey({ ...compact, tag: 'ul' })).not.toBe(blockContentKey(compact));
  });

  it('leaves unknown node types and non-children values alone and does not modify its input', () => {
    const node = { type: 'custom', version: 1, format: '', $: { version: 1 }, children: [] };
    const copy = structuredClone(node);
    expect(withoutLexicalDefaults(node)).toEqual(node);
    expect(withoutLexicalDefaults(EDITOR_PARAGRAPH)).not.toBe(EDITOR_PARAGRAPH);
    withoutLexicalDefaults(EDITOR_PARAGRAPH);
    expect(node).toEqual(copy);
    expect(EDITOR_PARAGRAPH.version).toBe(1);
  });
});

// ---- property: compact vs. expanded never conflicts ---------------------------------------------

const word = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s !== '');
const inlineArb: fc.Arbitrary<NodeJson> = fc.oneof(
  fc.tuple(word, fc.constantFrom(0, 1, 2, 3, 8)).map(([t, format]) => text(t, { format })),
  fc.constant(lineBreak()),
  fc
    .tuple(fc.constantFrom('https://a.de/', 'https://b.org/x'), word, fc.boolean())
    .map(([url, t, blank]) => link(url, [text(t)], blank ? '_blank' : undefined)),
);
/** Inline runs; a text never follows a text (Lexical would merge them when it normalizes). */
const inlinesArb = fc
  .array(inlineArb, { minLength: 1, maxLength: 4 })
  .map((xs) => xs.filter((x, i) => !(x.type === 'text' && xs[i - 1]?.type === 'text')));
const itemsArb: fc.Arbitrary<NodeJson[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: inlinesArb.map((c) => listItem(c)) },
    {
      weight: 1,
      arbitrary: fc.array(inlinesArb, { minLength: 1, maxLength: 3 }).map((cs) =>
        listItem([
          list(
            'bullet',
            cs.map((c) => listItem(c)),
          ),
        ]),
      ),
    },
  ),
  { minLength: 1, maxLength: 4 },
);
const blockArb = (id: string): fc.Arbitrary<NodeJson> =>
  fc.oneof(
    inlinesArb.map((c) => paragraph(c, id)),
    fc.tuple(fc.constantFrom('h2', 'h3', 'h4'), inlinesArb).map(([tag, c]) => heading(tag, c, id)),
    inlinesArb.map((c) => quote(c, id)),
    fc
      .tuple(fc.constantFrom('bullet', 'number', 'check') as fc.Arbitrary<'bullet'>, itemsArb)
      .map(([t, items]) => list(t, items, id)),
    fc
      .tuple(word, fc.option(word, { nil: undefined }))
      .map(([caption, alt]) =>
        image({ imageId: `img${caption.length}`, caption, ...(alt ? { alt } : {}) }, id),
      ),
  );
const bodyArb: fc.Arbitrary<BodyJsonShape> = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => blockArb(`b${i}`))))
  // Lexical joins a list with a next list of the same type: that is a real change, leave it out.
  .map((blocks) =>
    blocks.filter(
      (b, i) => !(b.type === 'list' && i > 0 && blocks[i - 1]?.listType === b.listType),
    ),
  )
  .map((blocks) => body(...blocks));

type Edit = { kind: 'text' | 'delete' | 'insert'; at: number; value: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('text', 'delete', 'insert'),
  at: fc.nat(20),
  value: word,
});

/** One editorial change of a compact body (it keeps the other blocks as they are). */
function edited(b: BodyJsonShape, e: Edit): BodyJsonShape {
  const children = [...b.root.children];
  const i = e.at % children.length;
  const old = children[i] as NodeJson;
  if (e.kind === 'delete') children.splice(i, 1);
  else if (e.kind === 'insert') children.splice(i, 0, paragraph([text(e.value)], 'new'));
  else if (old.type === 'article-image') children[i] = { ...old, caption: `${e.value}!` };
  else if (old.type === 'list')
    children[i] = { ...old, children: [listItem([text(`${e.value}!`)])] };
  else children[i] = { ...old, children: [text(`${e.value}!`)] };
  return { root: { ...b.root, children } };
}

describe('block merge with compact and expanded JSON — property', () => {
  it("base = compact, mine = its full export, theirs = an edit: theirs' edit, no conflict", () => {
    fc.assert(
      fc.property(bodyArb, editArb, (compact, e) => {
        const mine = expanded(compact);
        const theirs = edited(compact, e);
        const r = mergeBodies(compact, mine, theirs as BodyLike);
        expect(r.conflicts).toEqual([]);
        expect(r.body).toEqual(theirs);
        // The forms differ as text, yet hash alike block by block.
        expect(canonicalJson(mine)).not.toBe(canonicalJson(compact));
        expect(blockIdsOf(mine)).toEqual(blockIdsOf(compact));
      }),
      { numRuns: 150 },
    );
  });

  it('base = compact, mine = an edit of the full export, theirs = the full export: mine, no conflict', () => {
    fc.assert(
      fc.property(bodyArb, editArb, (compact, e) => {
        const full = expanded(compact);
        const mine = edited(full as BodyJsonShape, e) as BodyLike;
        const r = mergeBodies(compact, mine, full);
        expect(r.conflicts).toEqual([]);
        expect(r.body.root.children.map(blockContentKey)).toEqual(
          mine.root.children.map(blockContentKey),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('blocks without ids are aligned by their canonical content too', () => {
    const compact = body(
      { type: 'paragraph', children: [text('Eins')] },
      paragraph([text('Zwei')], 'z'),
    );
    const full = expanded(compact);
    const theirs = edited(compact, { kind: 'text', at: 1, value: 'Zwei neu' });
    const r = mergeBodies(compact, full, theirs as BodyLike);
    expect(r.conflicts).toEqual([]);
    expect(r.body).toEqual(theirs);
  });
});
