/**
 * Image files dropped on the body or pasted from the clipboard: each is imported through the
 * image desk's import (metadata read, blob stored) and inserted as an article image where it
 * was dropped (Lexical's rich text sets the selection from the drop point before it dispatches
 * DRAG_DROP_PASTE) or at the caret for a paste. A file that is not an image or is too large is
 * refused with a message and changes nothing. Clipboards with text or HTML never get here
 * (Lexical pastes those as before).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import {
  $getSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  mergeRegister,
  type BaseSelection,
} from 'lexical';
import { errorText } from '../../i18n/errors';
import { importImageFile } from './importFile';
import { refuseImageFile } from './refuseFile';
import { insertArticleImage } from './insert';

type Status = { importing: number } | { error: string } | null;

export function ImageDropPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    const receive = async (files: File[], at: BaseSelection | null) => {
      for (const file of files) {
        const refused = refuseImageFile(file);
        if (refused) {
          setStatus({ error: t(`articleImages.drop.${refused}`, { name: file.name }) });
          return;
        }
      }
      setStatus({ importing: files.length });
      let point = at;
      for (const file of files) {
        try {
          const image = await importImageFile(file);
          insertArticleImage(editor, image, point);
          point = null; // the next one goes after it, where the caret now is
        } catch (e) {
          setStatus({
            error: t('articleImages.picker.importFailed', {
              name: file.name,
              message: errorText(t, e),
            }),
          });
          return;
        }
      }
      setStatus(null);
      editor.focus();
    };
    return mergeRegister(
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          if (!editor.isEditable() || files.length === 0) return false;
          const selection = $getSelection();
          void receive(files, selection ? selection.clone() : null);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      // Files dragged over the body: say a drop is welcome (else the browser may open the file).
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!editor.isEditable() || !event.dataTransfer?.types.includes('Files')) return false;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, t]);

  if (!status) return null;
  return 'error' in status ? (
    <p role="alert" className="field__error body__drop-message">
      {status.error}{' '}
      <button type="button" className="button" onClick={() => setStatus(null)}>
        {t('articleImages.drop.dismiss')}
      </button>
    </p>
  ) : (
    <p role="status" className="hint body__drop-message">
      {t('articleImages.drop.importing', { count: status.importing })}
    </p>
  );
}
