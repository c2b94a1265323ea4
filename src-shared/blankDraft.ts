/** What counts as a blank draft: one a stray "New article" left behind. */
import { inlineImagesOf } from './checklist';
import { ARTICLE_FIELD_NAMES, emptyFields, type Article } from './model';
import { bodyPlainText } from './richtext/plainText';

/** No field differs from a new article's and the body holds no text and no image. */
export function hasNoContent(a: Article): boolean {
  const empty = emptyFields();
  const fieldsEmpty = ARTICLE_FIELD_NAMES.every(
    (k) => JSON.stringify(a[k]) === JSON.stringify(empty[k]),
  );
  return fieldsEmpty && bodyPlainText(a.body).trim() === '' && inlineImagesOf(a.body).length === 0;
}

/** A live draft with no content. */
export function isBlankDraft(a: Article): boolean {
  return a.status === 'draft' && a.deletedAt === null && hasNoContent(a);
}
