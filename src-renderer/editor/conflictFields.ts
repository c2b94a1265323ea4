/**
 * Which fields of the open article a decided conflict changed in the store: the editor takes
 * them from the store even where the user touched them, so a discarded text leaves the form.
 */
import type { SyncConflict } from '../../src-shared/api';
import { ARTICLE_FIELD_NAMES, type ArticleFields } from '../../src-shared/model';

type FieldKey = keyof ArticleFields;

function isFieldKey(k: string): k is FieldKey {
  return (ARTICLE_FIELD_NAMES as readonly string[]).includes(k);
}

/** Fields a mutation's arguments touch (one mutation, or a list of `{ name, args }`). */
function fieldsOfMutation(name: string, args: unknown): FieldKey[] {
  if (name === 'article.addTag' || name === 'article.removeTag') return ['tags'];
  if (name === 'article.setFields') {
    const values = (args as { values?: unknown } | null)?.values;
    if (values && typeof values === 'object') return Object.keys(values).filter(isFieldKey);
  }
  return [];
}

export function fieldsOfConflict(c: Pick<SyncConflict, 'kind' | 'field' | 'mine'>): FieldKey[] {
  if (c.kind === 'field') return isFieldKey(c.field) ? [c.field] : [];
  if (c.kind === 'body') return [];
  if (Array.isArray(c.mine)) {
    const keys = c.mine.flatMap((m) => {
      const { name, args } = (m ?? {}) as { name?: unknown; args?: unknown };
      return typeof name === 'string' ? fieldsOfMutation(name, args) : [];
    });
    return [...new Set(keys)];
  }
  // A refused mutation whose own arguments are kept; a revoked change may touch anything.
  if (c.kind === 'rejected') return fieldsOfMutation(c.field, c.mine);
  return [...ARTICLE_FIELD_NAMES];
}
