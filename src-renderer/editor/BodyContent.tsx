/**
 * The body's editable element. While the article is read only (in review for an editor,
 * published) it is named "Article text, read only" (the canvas around it takes the focus).
 * An empty body that may be written shows a grey "Write the article here…" on its first line.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $getRoot, $isParagraphNode, type LexicalEditor } from 'lexical';
import { ContentEditableElement } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';

/** One empty paragraph and nothing else (constant time: a long body answers at its first block). */
function bodyIsEmpty(editor: LexicalEditor): boolean {
  return editor.getEditorState().read(() => {
    const root = $getRoot();
    if (root.getChildrenSize() !== 1) return false;
    const first = root.getFirstChild();
    return $isParagraphNode(first) && first.getChildrenSize() === 0;
  });
}

function useBodyIsEmpty(editor: LexicalEditor): boolean {
  const [empty, setEmpty] = useState(() => bodyIsEmpty(editor));
  useEffect(() => {
    setEmpty(bodyIsEmpty(editor));
    return editor.registerUpdateListener(() => setEmpty(bodyIsEmpty(editor)));
  }, [editor]);
  return empty;
}

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
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const empty = useBodyIsEmpty(editor);
  const placeholder = editable ? t('editor.bodyPlaceholder') : undefined;
  return (
    <div className="body__frame">
      <ContentEditableElement
        editor={editor}
        className="body__editable"
        aria-labelledby={editable ? labelledBy : undefined}
        aria-label={editable ? undefined : t('editor.bodyReadOnly')}
        aria-describedby={describedBy}
        aria-placeholder={empty ? placeholder : undefined}
        aria-multiline
        spellCheck={false}
        onBlur={onBlur}
      />
      {empty && placeholder && (
        <div className="body__placeholder" aria-hidden>
          {placeholder}
        </div>
      )}
    </div>
  );
}
