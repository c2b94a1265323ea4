/**
 * "Discard draft" for a new article: deletes it without leaving anything in the list. A draft
 * with nothing written is discarded at once; one with text asks first. Afterwards the editor
 * closes and the focus goes to "New article", where one starts again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Trash2 } from 'lucide-react';
import { api } from '../api/transport';
import { useUi } from '../state/ui';
import { Modal } from '../ui/Modal';
import { isBlankDraft } from '../../src-shared/blankDraft';

function focusNewArticle(): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('.app__bar [aria-keyshortcuts="Alt+N"]')?.focus(),
  );
}

export function DiscardDraftButton({
  articleId,
  flush,
}: {
  articleId: string;
  /** Stores pending edits, so that what is checked for text is what was typed. */
  flush: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const discard = async () => {
    try {
      await api['articles.delete']({ id: articleId });
      setAsking(false);
      openArticle(null);
      focusNewArticle();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const start = async () => {
    setError(null);
    try {
      await flush();
      const article = await api['articles.get']({ id: articleId });
      if (isBlankDraft(article)) await discard();
      else setAsking(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button--quiet status-line__button"
        data-testid="discard-draft"
        title={t('editor.discard.button')}
        onClick={() => void start()}
      >
        <Trash2 aria-hidden size={16} />
        <span className="status-line__label">{t('editor.discard.button')}</span>
      </button>
      {error && !asking && (
        <span role="alert" className="field__error">
          {t('editor.discard.failed', { message: error })}
        </span>
      )}
      {asking && (
        <Modal label={t('editor.discard.title')} onClose={() => setAsking(false)}>
          <h2>{t('editor.discard.title')}</h2>
          <p>{t('editor.discard.text')}</p>
          {error && (
            <p role="alert" className="field__error">
              {t('editor.discard.failed', { message: error })}
            </p>
          )}
          <div className="modal__actions">
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('editor.discard.keep')}
            </button>
            <button
              type="button"
              className="button button--danger"
              data-autofocus
              onClick={() => void discard()}
            >
              {t('editor.discard.confirm')}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
