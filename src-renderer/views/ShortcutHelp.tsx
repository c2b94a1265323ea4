/** The keyboard help overlay (F1 or "?"): the same table the key handlers use. */
import { useTranslation } from 'react-i18next';
import { SHORTCUT_TABLE } from '../editor/shortcuts';
import { keyLabel } from '../i18n/format';
import { Modal } from '../ui/Modal';

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal className="shortcut-help" label={t('editor.shortcuts.title')} onClose={onClose}>
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
      <div className="modal__actions">
        <button data-autofocus type="button" className="button" onClick={onClose}>
          {t('editor.shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}
