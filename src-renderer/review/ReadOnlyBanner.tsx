/** Why the open article cannot be changed now, and what to do about it. */
import { useTranslation } from 'react-i18next';
import type { EditLock } from './editLock';
import './state.css';

export function ReadOnlyBanner({ lock, onRestore }: { lock: EditLock; onRestore?: () => void }) {
  const { t } = useTranslation();
  if (!lock.locked && lock.note === 'none') return null;
  const key = lock.locked ? lock.why : 'chiefPublished';
  return (
    <div className="banner banner--info read-only-banner" role="note" data-testid="read-only">
      <strong>{t(`state.readOnly.${key}.title`)}</strong> {t(`state.readOnly.${key}.todo`)}
      {key === 'trash' && onRestore && (
        <>
          {' '}
          <button type="button" className="button read-only-banner__action" onClick={onRestore}>
            {t('trash.restore')}
          </button>
        </>
      )}
    </div>
  );
}
