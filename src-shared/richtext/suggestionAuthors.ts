/**
 * Who a pushed body's new suggestion marks name. A suggestion carries its author's user name, and
 * only that user may make it: the server refuses a body that brings a mark naming someone else.
 * Marks already in the stored body or in the pusher's merge base are not new: merges, and
 * accepting or rejecting other people's suggestions, keep or drop them untouched.
 */
import { SUGGESTION_TYPE } from './suggestionFields';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every suggestion node's (id, author) of a body; a node names one suggestion. */
function marksOf(body: unknown, visit: (id: string, author: string) => void): void {
  const walk = (node: unknown): void => {
    if (!isObject(node)) return;
    if (node.type === SUGGESTION_TYPE) {
      visit(String(node.id), String(node.author));
      return;
    }
    if (Array.isArray(node.children)) for (const child of node.children) walk(child);
  };
  walk(isObject(body) ? body.root : null);
}

const key = (id: string, author: string) => `${id}\u0000${author}`;

/**
 * The authors other than `username` named by suggestion marks of `body` that none of `known`
 * holds (same id and author), each once, in document order.
 */
export function foreignNewSuggestionAuthors(
  body: unknown,
  known: readonly unknown[],
  username: string,
): string[] {
  const seen = new Set<string>();
  for (const k of known) marksOf(k, (id, author) => seen.add(key(id, author)));
  const foreign = new Set<string>();
  marksOf(body, (id, author) => {
    if (author !== username && !seen.has(key(id, author))) foreign.add(author);
  });
  return [...foreign];
}
