import { buildEditorFromExtensions } from '@lexical/extension';
import { $isLinkNode } from '@lexical/link';
import { $getRoot, $isElementNode, configExtension, IS_BOLD, IS_ITALIC } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $getBlockId } from './blockIds';
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
} from './builders';
import { articleParser, createArticleHeadlessEditor, parseBody } from './headless';
import { $isArticleImageNode, ArticleImageNode, setArticleImageDecorator } from './imageNode';
import { ArticleSchemaExtension } from './nodes';

const GERMAN =
  'Erster Landrat und Kämmerer des LWL, Georg Lunemann, begrüßte die Kooperation: „Durch diesen Schritt wollen wir die Stärken der IT-Dienstleister miteinander verbinden.“ Straße, Öl, Übermut, ÄÖÜäöüß – ‚einfach‘ » « … €';

/** Every node type of the registry, with ids on every block and list item. */
const everyNode = body(
  heading('h2', [text('Überschrift „zwei“')], 'h2id'),
  heading('h3', [text('Drei')], 'h3id'),
  heading('h4', [text('Vier')], 'h4id'),
  paragraph(
    [
      text(GERMAN, { format: IS_BOLD | IS_ITALIC }),
      lineBreak(),
      { type: 'tab' },
      link('https://www.lwl.it', [text('LWL.IT')], '_blank'),
      { type: 'autolink', url: 'http://www.citeq.de', children: [text('www.citeq.de')] },
    ],
    'p1',
  ),
  quote([text('Zitat mit Umlauten: äöü')], 'q1'),
  list(
    'number',
    [
      listItem([text('eins')], 'li1'),
      listItem([list('bullet', [listItem([text('verschachtelt')], 'li2a')])], 'li2'),
    ],
    'l1',
  ),
  image(
    {
      imageId: 'img-1',
      src: 'app://media/img-1',
      alt: 'Alt',
      caption: 'Unterschrift',
      credit: 'LWL',
      width: 800,
      height: 600,
    },
    'im1',
  ),
);

describe('node registry and JSON round trip', () => {
  it('keeps every node type and field through parse → toJSON → parse', () => {
    const first = parseBody(everyNode).toJSON();
    expect(first).toMatchObject(everyNode);
    const second = parseBody(first).toJSON();
    expect(second).toEqual(first);
    // The string form is accepted too and gives the same state.
    expect(parseBody(JSON.stringify(first)).toJSON()).toEqual(first);
  });

  it('writes block ids the way Lexical writes NodeState and image fields flat', () => {
    const json = parseBody(everyNode).toJSON();
    const [h2, , , , , lst, img] = json.root.children as Record<string, unknown>[];
    expect(h2?.$).toEqual({ blockId: 'h2id' });
    expect((lst?.children as Record<string, unknown>[])[0]?.$).toEqual({ blockId: 'li1' });
    expect(img).toEqual({
      type: 'article-image',
      version: 1,
      imageId: 'img-1',
      src: 'app://media/img-1',
      alt: 'Alt',
      caption: 'Unterschrift',
      credit: 'LWL',
      width: 800,
      height: 600,
      $: { blockId: 'im1' },
    });
  });

  it('preserves German text with umlauts and typographic quotes exactly', () => {
    const state = parseBody(everyNode);
    const [fromState, blockId] = state.read(
      () => {
        const p = $getRoot().getChildAtIndex(3);
        if (!$isElementNode(p)) throw new Error('no paragraph');
        return [p.getFirstDescendant()?.getTextContent(), $getBlockId(p)];
      },
      { editor: articleParser() },
    );
    expect(fromState).toBe(GERMAN);
    expect(blockId).toBe('p1');
    expect(JSON.stringify(state.toJSON())).toContain(JSON.stringify(GERMAN));
  });

  it('exposes typed nodes to readers', () => {
    parseBody(everyNode).read(
      () => {
        const img = $getRoot().getLastChild();
        expect($isArticleImageNode(img)).toBe(true);
        expect((img as ArticleImageNode).getFields().caption).toBe('Unterschrift');
        const para = $getRoot().getChildAtIndex(3);
        expect($isElementNode(para) && para.getChildren().some($isLinkNode)).toBe(true);
      },
      { editor: articleParser() },
    );
  });

  it('clamps image fields from JSON', () => {
    const json = parseBody(
      body(
        image({
          imageId: '../etc/passwd',
          width: -5,
          height: 1.5,
          caption: 42,
          alt: 'x'.repeat(5000),
        }),
      ),
    ).toJSON();
    const img = json.root.children[0] as Record<string, unknown>;
    expect(img.imageId).toBeUndefined();
    expect(img.width).toBeUndefined();
    expect(img.height).toBeUndefined();
    expect(img.caption).toBeUndefined();
    expect(img.alt).toBe('x'.repeat(1000));
  });

  it('decorates images only where a decorator is registered', () => {
    const editor = createArticleHeadlessEditor();
    const other = createArticleHeadlessEditor();
    const state = editor.parseEditorState(body(image({ imageId: 'a', caption: 'c' })));
    const node = state.read(() => $getRoot().getFirstChild()) as ArticleImageNode;
    const config = editor._config;
    expect(node.decorate(editor, config)).toBeNull();
    const unregister = setArticleImageDecorator(editor, (n) => `decorated ${n.getKey()}`);
    expect(node.decorate(editor, config)).toBe(`decorated ${node.getKey()}`);
    expect(node.decorate(other, config)).toBeNull();
    unregister();
    expect(node.decorate(editor, config)).toBeNull();
  });

  it('builds an editor from ArticleSchemaExtension that gives loaded blocks ids', () => {
    const editor = buildEditorFromExtensions(ArticleSchemaExtension);
    editor.setEditorState(
      editor.parseEditorState(body(paragraph([text('a')]), paragraph([text('b')]))),
    );
    const ids = editor.getEditorState().read(() => $getRoot().getChildren().map($getBlockId));
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => /^[A-Za-z0-9]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(2);
    editor.dispose();
  });

  it('passes decorateImage from the extension config to image nodes', () => {
    const editor = buildEditorFromExtensions(
      configExtension(ArticleSchemaExtension, {
        decorateImage: (node) => node.getFields().caption,
      }),
    );
    const state = editor.parseEditorState(body(image({ imageId: 'a', caption: 'Bildtext' })));
    // Lexical calls decorate() while reconciling, with the editor state active
    const decorate = () =>
      state.read(
        () => ($getRoot().getFirstChild() as ArticleImageNode).decorate(editor, editor._config),
        {
          editor,
        },
      );
    expect(decorate()).toBe('Bildtext');
    editor.dispose();
    expect(decorate()).toBeNull();
  });
});
