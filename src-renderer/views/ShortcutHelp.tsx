/** The keyboard help overlay (F1 or "?"): the same table the key handlers use. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUT_TABLE } from '../editor/shortcuts';
import { keyLabel } from '../i18n/format';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement;
    closeButton.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="overlay__panel"
        role="dialog"
        aria-modal="true"
        aria-label={t('editor.shortcuts.title')}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2>{t('editor.shortcuts.title')}</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUT_TABLE.map((s) => (
              <tr key={s.id}>
                <th scope="row">{t(`editor.shortcuts.${s.id}`)}</th>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' / '}
                      <kbd>{keyLabel(k, i18n.language)}</kbd>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('editor.shortcuts.markdown')}</p>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('editor.shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
