/**
 * The body's editable element. While the article is read only (in review for an editor,
 * published) it stays in the Tab order under the name "Article text, read only", so keyboard
 * and screen-reader users can still read it.
 */
import { useTranslation } from 'react-i18next';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';

export function BodyContent({
  labelledBy,
  describedBy,
  onBlur,
}: {
  labelledBy: string;
  describedBy?: string;
  onBlur?: () => void;
}) {
  const { t } = useTranslation();
  const editable = useLexicalEditable();
  return (
    <ContentEditable
      className="body__editable"
      aria-labelledby={editable ? labelledBy : undefined}
      aria-label={editable ? undefined : t('editor.bodyReadOnly')}
      aria-describedby={describedBy}
      aria-multiline
      tabIndex={editable ? undefined : 0}
      spellCheck={false}
      onBlur={onBlur}
    />
  );
}
