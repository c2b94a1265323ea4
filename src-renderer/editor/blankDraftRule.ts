/** What counts as a blank draft: one a stray "New article" left behind. */
import { inlineImagesOf } from '../../src-shared/checklist';
import { ARTICLE_FIELD_NAMES, emptyFields, type Article } from '../../src-shared/model';
import { bodyPlainText } from '../../src-shared/richtext/plainText';

/** No field differs from a new article's and the body holds no text and no image. */
export function isBlankDraft(a: Article): boolean {
  if (a.status !== 'draft' || a.deletedAt !== null) return false;
  const empty = emptyFields();
  const fieldsEmpty = ARTICLE_FIELD_NAMES.every(
    (k) => JSON.stringify(a[k]) === JSON.stringify(empty[k]),
  );
  return fieldsEmpty && bodyPlainText(a.body).trim() === '' && inlineImagesOf(a.body).length === 0;
}
