import { describe, expect, it } from 'vitest';
import { body, link, list, listItem, paragraph, text } from './builders';
import { BodyError, MAX_BODY_BYTES, MAX_NODE_DEPTH, parseBody } from './headless';

function errorOf(input: unknown): BodyError {
  try {
    parseBody(input);
  } catch (error) {
    if (error instanceof BodyError) return error;
    throw error;
  }
  throw new Error('parseBody accepted the input');
}

/** A list nested `levels` lists deep (each level adds a list and a list item). */
function nestedLists(levels: number): ReturnType<typeof body> {
  let node = list('bullet', [listItem([text('tief')])]);
  for (let i = 1; i < levels; i++) node = list('bullet', [listItem([node])]);
  return body(node);
}

describe('parseBody fails closed', () => {
  it('accepts a plain body as object or string', () => {
    const b = body(paragraph([text('Hallo')]));
    expect(parseBody(b).toJSON().root.children).toHaveLength(1);
    expect(parseBody(JSON.stringify(b)).toJSON().root.children).toHaveLength(1);
  });

  it.each([
    ['a node type Lexical knows but articles do not', body({ type: 'code', children: [] })],
    ['an invented node type', body(paragraph([{ type: 'evil-widget', html: '<script>' }]))],
    ['a Lexical-internal type', body({ type: 'artificial' })],
  ])('rejects %s as unknown_node', (_name, input) => {
    const error = errorOf(input);
    expect(error.code).toBe('unknown_node');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('BodyError');
  });

  it('names the unknown type in the message, quoted and shortened', () => {
    expect(errorOf(body({ type: 'x'.repeat(500) })).message).toBe(
      `Unknown node type "${'x'.repeat(40)}" in the body.`,
    );
  });

  it.each([
    ['not JSON', '{"root": '],
    ['no root', { children: [] }],
    ['null', null],
    ['a root of the wrong type', { root: { type: 'paragraph', children: [] } }],
    ['text directly under the root', body(text('lose'))],
    ['a paragraph inside a paragraph', body(paragraph([paragraph([])]))],
    ['a list item outside a list', body(paragraph([listItem([])]))],
    ['a link inside a link', body(paragraph([link('https://a.de', [link('https://b.de', [])])]))],
    ['children on a text node', body(paragraph([{ type: 'text', text: 'x', children: [] }]))],
    ['children that are not an array', body({ type: 'paragraph', children: { 0: text('x') } })],
    ['a node that is not an object', body('paragraph' as never)],
    ['a node without type', body({ children: [] } as never)],
    [
      'named slots smuggling nodes',
      body({ type: 'paragraph', children: [], $slots: { x: { type: 'code' } } }),
    ],
  ])('rejects %s as invalid', (_name, input) => {
    expect(errorOf(input).code).toBe('invalid');
  });

  it('rejects bodies over 2 MB of JSON, as string and as object', () => {
    const big = body(paragraph([text('ä'.repeat(MAX_BODY_BYTES / 2 + 10))]));
    expect(errorOf(big).code).toBe('too_large');
    expect(errorOf(JSON.stringify(big)).code).toBe('too_large');
    // same character count in ASCII is under the byte limit
    expect(() =>
      parseBody(body(paragraph([text('a'.repeat(MAX_BODY_BYTES / 2 + 10))]))),
    ).not.toThrow();
  });

  it(`accepts ${MAX_NODE_DEPTH} levels of nodes and rejects more`, () => {
    // root + 2 per level + text: 31 levels → depth 64
    expect(() => parseBody(nestedLists(31))).not.toThrow();
    expect(errorOf(nestedLists(32)).code).toBe('too_deep');
  });

  it('rejects hostile nesting without exhausting the stack', () => {
    const deep = nestedLists(100_000);
    expect(errorOf(deep).code).toBe('too_deep');
    const deepString = '{"root":{"type":"root","children":['.concat(
      '{"type":"list","children":[{"type":"listitem","children":['.repeat(20_000),
      ']}]}'.repeat(20_000),
      ']}}',
    );
    expect(errorOf(deepString).code).toBe('too_deep');
    let value: unknown = 1;
    for (let i = 0; i < 50; i++) value = { a: value };
    expect(
      errorOf(body({ type: 'paragraph', children: [], $: { blockId: 'a', x: value } })).code,
    ).toBe('too_deep');
  });
});
