import { $insertGeneratedNodes } from '@lexical/clipboard';
import { HorizontalRuleNode, $createHorizontalRuleNode } from '@lexical/extension';
import { withDOM } from '@lexical/headless/dom';
import { $generateNodesFromDOM } from '@lexical/html';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { createHeadlessEditor } from '@lexical/headless';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  ElementNode,
  IS_BOLD,
  IS_HIGHLIGHT,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { ARTICLE_NAMESPACE, ARTICLE_NODES } from './nodes';
import { $sanitizeImportedNodes, registerPasteSanitizer } from './paste';

/** An element type the article schema does not know, as another plugin might register. */
class BoxNode extends ElementNode {
  override $config() {
    return this.config('test-box', { extends: ElementNode });
  }
}

function editorWithExtras(): LexicalEditor {
  return createHeadlessEditor({
    namespace: ARTICLE_NAMESPACE,
    nodes: [...ARTICLE_NODES, HorizontalRuleNode, BoxNode],
    onError: (error) => {
      throw error;
    },
  });
}

function sanitizedJson(editor: LexicalEditor, build: () => LexicalNode[]): unknown {
  editor.update(
    () => {
      const clean = $sanitizeImportedNodes(build());
      $getRoot()
        .clear()
        .append(...clean);
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON(true).root.children;
}

describe('$sanitizeImportedNodes', () => {
  it('clears inline styles, alignment, indentation and unsupported formats', () => {
    const json = sanitizedJson(editorWithExtras(), () => [
      $createParagraphNode()
        .setFormat('center')
        .setIndent(2)
        .setStyle('color:red')
        .setTextStyle('font-size:40px')
        .append(
          $createTextNode('Fett')
            .setFormat(IS_BOLD | IS_HIGHLIGHT)
            .setStyle('position:fixed'),
        ),
    ]);
    // textFormat is Lexical's own (the format typing would continue with), not pasted CSS
    expect(json).toEqual([
      {
        type: 'paragraph',
        textFormat: IS_BOLD,
        children: [{ type: 'text', text: 'Fett', format: IS_BOLD }],
      },
    ]);
  });

  it('clamps headings and turns check lists into bullet lists', () => {
    const json = sanitizedJson(editorWithExtras(), () => [
      $createHeadingNode('h1').append($createTextNode('Eins')),
      $createHeadingNode('h6').append($createTextNode('Sechs')),
      $createListNode('check').append($createListItemNode(true).append($createTextNode('x'))),
    ]);
    expect(json).toEqual([
      { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Eins' }] },
      { type: 'heading', tag: 'h4', children: [{ type: 'text', text: 'Sechs' }] },
      {
        type: 'list',
        listType: 'bullet',
        children: [{ type: 'listitem', children: [{ type: 'text', text: 'x' }] }],
      },
    ]);
  });

  it('unwraps links that fail the policy and normalizes the others', () => {
    const json = sanitizedJson(editorWithExtras(), () => [
      $createParagraphNode().append(
        $createLinkNode('javascript:alert(1)').append($createTextNode('böse')),
        $createLinkNode('https://example.org', {
          target: '_top',
          rel: 'opener',
          title: 'x',
        }).append($createTextNode('gut')),
        $createLinkNode('http://www.lwl.it', { target: '_blank' }).append($createTextNode('neu')),
      ),
    ]);
    expect(json).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'böse' },
          { type: 'link', url: 'https://example.org/', children: [{ type: 'text', text: 'gut' }] },
          {
            type: 'link',
            url: 'http://www.lwl.it/',
            target: '_blank',
            rel: 'noopener noreferrer',
            children: [{ type: 'text', text: 'neu' }],
          },
        ],
      },
    ]);
  });

  it('unwraps foreign elements and drops foreign leaves, at the top and nested', () => {
    const json = sanitizedJson(editorWithExtras(), () => [
      new BoxNode().append($createParagraphNode().append($createTextNode('innen'))),
      $createHorizontalRuleNode(),
      $createParagraphNode().append(
        $createTextNode('a'),
        new BoxNode().append($createTextNode('b')),
      ),
    ]);
    expect(json).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'innen' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'ab' }] },
    ]);
  });
});

describe('registerPasteSanitizer with pasted HTML', () => {
  it('cleans what Lexical imports from hostile, styled HTML', () => {
    const editor = editorWithExtras();
    registerPasteSanitizer(editor);
    editor.update(
      () => $getRoot().append($createParagraphNode().append($createTextNode('Start '))),
      { discrete: true },
    );
    const html =
      '<h1 style="color:red">Titel</h1>' +
      '<p style="text-align:center;margin-left:40px"><span style="font-weight:700;background:url(javascript:alert(1))">fett</span> ' +
      '<a href="javascript:alert(1)">böse</a> <a href="https://www.lwl.it" target="_blank">LWL</a></p>' +
      '<img src="https://evil.example/x.gif" onerror="alert(1)"><hr>' +
      '<script>alert(1)</script>';
    withDOM((window) => {
      const dom = new window.DOMParser().parseFromString(html, 'text/html');
      editor.update(
        () => {
          const selection = $getRoot().selectEnd();
          $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
        },
        { discrete: true },
      );
    });
    const json = JSON.stringify(editor.getEditorState().toJSON(true));
    expect(json).not.toMatch(/style|javascript|evil\.example|horizontalrule|center|"indent"/);
    expect(editor.getEditorState().toJSON(true).root.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Start Titel' }] },
      {
        type: 'paragraph',
        textFormat: IS_BOLD,
        children: [
          { type: 'text', text: 'fett', format: IS_BOLD },
          { type: 'text', text: ' böse ' },
          {
            type: 'link',
            url: 'https://www.lwl.it/',
            target: '_blank',
            rel: 'noopener noreferrer',
            children: [{ type: 'text', text: 'LWL' }],
          },
        ],
      },
    ]);
  });
});
