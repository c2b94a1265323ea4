import { $createListItemNode, $isListNode, type ListNode } from '@lexical/list';
import {
  $copyNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  $ensureBlockIds,
  $getBlockId,
  $setBlockId,
  blockIdsOf,
  ensureBlockIdsJson,
} from './blockIds';
import { body, heading, image, list, listItem, paragraph, text } from './builders';
import { createArticleHeadlessEditor } from './headless';
import { canonicalJson, fnv1a64 } from './hash';
import { bodyFromParagraphs } from './plainText';

function counter(prefix = 'n'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

function allIds(editor: ReturnType<typeof createArticleHeadlessEditor>): string[] {
  return editor.getEditorState().read(() => {
    const ids: string[] = [];
    const visit = (node: LexicalNode, top: boolean): void => {
      if (top || node.getType() === 'listitem') ids.push($getBlockId(node));
      if ($isListNode(node) || node.getType() === 'listitem') {
        for (const child of (node as ListNode).getChildren()) visit(child, false);
      }
    };
    for (const block of $getRoot().getChildren()) visit(block, true);
    return ids;
  });
}

describe('block ids in a live editor', () => {
  const seeded = () => {
    const editor = createArticleHeadlessEditor({ repairBlockIds: true });
    editor.setEditorState(
      editor.parseEditorState(
        body(
          paragraph([text('eins')], 'A'),
          paragraph([text('zwei')], 'B'),
          list('bullet', [listItem([text('x')], 'L1'), listItem([text('y')], 'L2')], 'L'),
        ),
      ),
    );
    return editor;
  };

  it('keeps existing unique ids on load', () => {
    expect(allIds(seeded())).toEqual(['A', 'B', 'L', 'L1', 'L2']);
  });

  it('gives a duplicated (pasted) block a fresh id and the original keeps its own', () => {
    const editor = seeded();
    editor.update(
      () => {
        const [a, b] = $getRoot().getChildren();
        // a paste of JSON carries the original's id; insert the copy *before* the original
        const pasted = $setBlockId($createParagraphNode().append($createTextNode('eins')), 'A');
        a?.insertBefore(pasted);
        b?.insertAfter($setBlockId($createParagraphNode(), 'B'));
      },
      { discrete: true },
    );
    const ids = allIds(editor);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(ids[1]).toBe('A');
    expect(ids[2]).toBe('B');
    expect(ids[0]).not.toBe('A');
    expect(ids[3]).not.toBe('B');
  });

  it('gives $copyNode copies (split, duplicate) and new list items their own ids', () => {
    const editor = seeded();
    editor.update(
      () => {
        const [a, , l] = $getRoot().getChildren();
        if (a) $getRoot().append($copyNode(a));
        (l as ListNode).append($createListItemNode().append($createTextNode('z')));
        const items = (l as ListNode).getChildren();
        items[0]?.insertAfter($setBlockId($createListItemNode(), 'L1'));
      },
      { discrete: true },
    );
    const ids = allIds(editor);
    expect(ids.slice(0, 5)).toEqual(['A', 'B', 'L', 'L1', expect.any(String)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(8);
  });

  it('$ensureBlockIds is idempotent and reports what it assigned', () => {
    const editor = createArticleHeadlessEditor();
    editor.setEditorState(
      editor.parseEditorState(body(paragraph([], 'X'), paragraph([], 'X'), paragraph([]))),
    );
    let first = -1;
    let second = -1;
    editor.update(
      () => {
        first = $ensureBlockIds(counter());
        second = $ensureBlockIds(counter());
      },
      { discrete: true },
    );
    expect([first, second]).toEqual([2, 0]);
    expect(allIds(editor)).toEqual(['X', 'n1', 'n2']);
  });
});

describe('ensureBlockIdsJson', () => {
  it('fills missing ids, replaces malformed ones and renames later duplicates', () => {
    const input = body(
      paragraph([text('a')], 'same'),
      paragraph([text('b')], 'same'),
      heading('h2', [text('c')]),
      paragraph([text('d')], '<script>'),
      list('number', [
        listItem([text('i')], 'same'),
        listItem([list('bullet', [listItem([text('j')])])]),
      ]),
      image({ imageId: 'x' }, 'img'),
    );
    const before = JSON.stringify(input);
    const out = ensureBlockIdsJson(input, counter());
    expect(JSON.stringify(input)).toBe(before);
    expect(blockIdsOf(out).map((b) => b.id)).toEqual(['same', 'n1', 'n2', 'n3', 'n4', 'img']);
    const items = out.root.children[4]?.children as {
      $: { blockId: string };
      children: unknown[];
    }[];
    expect(items.map((i) => i.$.blockId)).toEqual(['n5', 'n6']);
    const nested = (items[1]?.children[0] as { children: { $: { blockId: string } }[] }).children;
    expect(nested[0]?.$.blockId).toBe('n7');
    // already valid: returned unchanged (ids kept, content shared)
    const again = ensureBlockIdsJson(out, counter('z'));
    expect(again).toEqual(out);
    expect(again.root.children[0]).toBe(out.root.children[0]);
  });

  it('keeps other NodeState keys', () => {
    const out = ensureBlockIdsJson(
      body({ type: 'paragraph', children: [], $: { other: 1 } }),
      counter(),
    );
    expect(out.root.children[0]?.$).toEqual({ other: 1, blockId: 'n1' });
  });

  it('leaves non-bodies alone', () => {
    expect(ensureBlockIdsJson(null)).toBeNull();
    expect(ensureBlockIdsJson({ root: 1 })).toEqual({ root: 1 });
  });
});

describe('blockIdsOf', () => {
  it('hashes content, not ids or key order', () => {
    const a = blockIdsOf(
      body(
        paragraph([text('Hallo Welt')], 'p1'),
        list('bullet', [listItem([text('x')], 'i1')], 'l1'),
      ),
    );
    const b = blockIdsOf(
      body(
        paragraph([text('Hallo Welt')], 'p2'),
        list('bullet', [listItem([text('x')], 'i9')], 'l2'),
      ),
    );
    const reordered = blockIdsOf({
      root: {
        type: 'root',
        children: [{ children: [{ text: 'Hallo Welt', type: 'text' }], type: 'paragraph' }],
      },
    });
    expect(a.map((x) => x.id)).toEqual(['p1', 'l1']);
    expect(a.map((x) => x.hash)).toEqual(b.map((x) => x.hash));
    expect(reordered[0]?.hash).toBe(a[0]?.hash);
    expect(reordered[0]?.id).toBe('');
  });

  it('changes when the content changes, even by one character', () => {
    const [a] = blockIdsOf(body(paragraph([text('Münster')], 'p')));
    const [b] = blockIdsOf(body(paragraph([text('Munster')], 'p')));
    const [c] = blockIdsOf(body(paragraph([text('Münster', { format: 1 })], 'p')));
    expect(a?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set([a?.hash, b?.hash, c?.hash]).size).toBe(3);
  });

  it('returns [] for something that is not a body', () => {
    expect(blockIdsOf(undefined)).toEqual([]);
    expect(blockIdsOf({ root: { children: 'x' } })).toEqual([]);
  });
});

describe('hash', () => {
  it('is FNV-1a 64 over UTF-16 code units', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    // bytes 0x61 0x00, computed independently with BigInt
    expect(fnv1a64('a')).toBe('089be207b544f1e4');
  });

  it('canonicalJson sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'ä', c: null }], u: undefined })).toBe(
      '{"a":[{"c":null,"d":"ä"}],"b":1}',
    );
  });
});

describe('bodyFromParagraphs', () => {
  it('gives every paragraph its own valid id', () => {
    const ids = blockIdsOf(bodyFromParagraphs(['a', 'b', ''])).map((b) => b.id);
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => /^[A-Za-z0-9]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });
});
