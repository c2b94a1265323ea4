/**
 * The fields of a suggestion node (suggested text, see suggestionNode.ts), checked without
 * Lexical: by the envelope before a body is stored, and by the pure JSON functions.
 */

export const SUGGESTION_TYPE = 'suggestion';
export const SUGGESTION_KINDS = ['insert', 'delete'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface SuggestionFields {
  kind: SuggestionKind;
  /** Username of who suggested it. */
  author: string;
  /** When it was suggested (ISO 8601, UTC). */
  at: string;
  /** Stable across saves and sync; several nodes may share one id (one suggestion, many formats). */
  id: string;
}

export const MAX_SUGGESTION_AUTHOR = 100;
export const MAX_SUGGESTION_ID = 64;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function isSuggestionKind(value: unknown): value is SuggestionKind {
  return value === 'insert' || value === 'delete';
}

/** Why a suggestion node's fields are invalid, or null when they are fine. */
export function suggestionFieldsProblem(node: Record<string, unknown>): string | null {
  if (!isSuggestionKind(node.kind)) {
    return 'A suggestion node needs "kind" "insert" or "delete".';
  }
  const author = node.author;
  if (typeof author !== 'string' || author.trim() === '') {
    return 'A suggestion node needs an "author".';
  }
  if (author.length > MAX_SUGGESTION_AUTHOR) {
    return `The author of a suggestion is longer than ${MAX_SUGGESTION_AUTHOR} characters.`;
  }
  const at = node.at;
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    return 'A suggestion node needs "at", an ISO 8601 time.';
  }
  const id = node.id;
  if (typeof id !== 'string' || id === '' || id.length > MAX_SUGGESTION_ID) {
    return `A suggestion node needs an "id" of 1 to ${MAX_SUGGESTION_ID} characters.`;
  }
  if (typeof node.text !== 'string') return 'A suggestion node needs its "text".';
  return null;
}
