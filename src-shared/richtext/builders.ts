/**
 * Builders for article body JSON in Lexical's compact form (properties at their defaults left
 * out; `parseBody` restores them). For tests, fixtures and imports.
 */
export type NodeJson = { type: string } & Record<string, unknown>;
export interface BodyJsonShape {
  root: { type: 'root'; children: NodeJson[] };
}

const withId = (node: NodeJson, blockId?: string): NodeJson =>
  blockId === undefined ? node : { ...node, $: { blockId } };

export const text = (
  value: string,
  options: { format?: number; style?: string } = {},
): NodeJson => ({
  type: 'text',
  text: value,
  ...(options.format ? { format: options.format } : {}),
  ...(options.style ? { style: options.style } : {}),
});

export const lineBreak = (): NodeJson => ({ type: 'linebreak' });

export const link = (url: string, children: NodeJson[], target?: string): NodeJson => ({
  type: 'link',
  url,
  ...(target ? { target } : {}),
  children,
});

export const paragraph = (children: NodeJson[], blockId?: string): NodeJson =>
  withId({ type: 'paragraph', children }, blockId);

export const heading = (tag: string, children: NodeJson[], blockId?: string): NodeJson =>
  withId({ type: 'heading', tag, children }, blockId);

export const quote = (children: NodeJson[], blockId?: string): NodeJson =>
  withId({ type: 'quote', children }, blockId);

export const listItem = (children: NodeJson[], blockId?: string): NodeJson =>
  withId({ type: 'listitem', children }, blockId);

export const list = (
  listType: 'bullet' | 'number' | 'check',
  items: NodeJson[],
  blockId?: string,
): NodeJson =>
  withId(
    { type: 'list', listType, tag: listType === 'number' ? 'ol' : 'ul', children: items },
    blockId,
  );

export const image = (fields: Record<string, unknown>, blockId?: string): NodeJson =>
  withId({ type: 'article-image', ...fields }, blockId);

export const body = (...children: NodeJson[]): BodyJsonShape => ({
  root: { type: 'root', children },
});

/** Suggested text (suggestionNode.ts); `at` defaults to a fixed time for stable fixtures. */
export const suggestion = (
  value: string,
  fields: { kind: 'insert' | 'delete'; author: string; id: string; at?: string; format?: number },
): NodeJson => ({
  type: 'suggestion',
  text: value,
  ...(fields.format ? { format: fields.format } : {}),
  kind: fields.kind,
  author: fields.author,
  at: fields.at ?? '2026-12-03T04:00:00.000Z',
  id: fields.id,
});
