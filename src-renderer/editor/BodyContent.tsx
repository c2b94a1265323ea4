/**
 * The body's editable element. While the article is read only (in review for an editor,
 * published) it is named "Article text, read only" (the canvas around it takes the focus).
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
      spellCheck={false}
      onBlur={onBlur}
    />
  );
}
