/** The Ctrl/Cmd+K dialog: enter, change or remove the link at the selection. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLink } from './linkPolicy';
import { useLinkProblemText } from './useLinkProblemText';
import { Modal } from '../ui/Modal';

export function LinkDialog({
  initialUrl,
  onApply,
  onRemove,
  onCancel,
}: {
  initialUrl: string;
  onApply: (url: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useLinkProblemText();
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const apply = () => {
    const verdict = checkLink(url);
    if (verdict.ok) onApply(verdict.url);
    else setError(problemText(verdict.problem));
  };

  return (
    <Modal className="link-dialog" label={t('editor.link.dialog')} onClose={onCancel}>
      <label htmlFor={inputId}>{t('editor.link.url')}</label>
      <input
        id={inputId}
        type="url"
        value={url}
        data-autofocus
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder="https://"
        onChange={(e) => {
          setUrl(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
      />
      <p className="hint">{t('editor.link.hint')}</p>
      {error && (
        <p id={errorId} role="alert" className="field__error">
          {error}
        </p>
      )}
      <div className="link-dialog__actions">
        <button type="button" className="button button--primary" onClick={apply}>
          {t('editor.link.apply')}
        </button>
        {initialUrl && (
          <button type="button" onClick={onRemove}>
            {t('editor.link.remove')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('editor.link.cancel')}
        </button>
      </div>
    </Modal>
  );
}
