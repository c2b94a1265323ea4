import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Undo2, X } from 'lucide-react';
import { UNDO_MS, useTrash } from '../state/trash';
import { errorText } from '../i18n/errors';
import './trash.css';

/**
 * Says what a delete or restore did, with "Undo" for a few seconds after a delete. Announced
 * politely (refusals assertively); the countdown waits while the pointer or focus is on it, so
 * nobody loses the button while reaching for it.
 */
export function TrashToast() {
  const { t } = useTranslation();
  const note = useTrash((s) => s.note);
  const dismiss = useTrash((s) => s.dismiss);
  const restore = useTrash((s) => s.restore);
  const [held, setHeld] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!note || held) return;
    const ms = note.kind === 'deleted' ? UNDO_MS : 5000;
    const timer = setTimeout(dismiss, ms);
    return () => clearTimeout(timer);
  }, [note, held, dismiss]);

  const text =
    note === null
      ? ''
      : note.kind === 'error'
        ? errorText(t, note.error)
        : t(`trash.${note.kind}`, { headline: note.headline || t('list.untitled') });

  return (
    <div className="toast-region">
      <div role="status" aria-live="polite" className="visually-hidden">
        {note && note.kind !== 'error' ? text : ''}
      </div>
      <div role="alert" className="visually-hidden">
        {note?.kind === 'error' ? text : ''}
      </div>
      {note && (
        <div
          ref={box}
          className={`toast${note.kind === 'error' ? ' toast--error' : ''}`}
          data-testid="trash-toast"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={(e) => !box.current?.contains(e.relatedTarget) && setHeld(false)}
        >
          <span className="toast__text">{text}</span>
          {note.kind === 'deleted' && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void restore(note.id, note.headline)}
            >
              <Undo2 aria-hidden size={16} />
              {t('trash.undo')}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('trash.dismiss')}
            title={t('trash.dismiss')}
            onClick={dismiss}
          >
            <X aria-hidden size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
