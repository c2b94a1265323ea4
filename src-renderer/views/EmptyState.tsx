/** The right pane while no article is open: what to do next. */
import { useTranslation } from 'react-i18next';
import { IS_MAC } from '../editor/shortcuts';
import { keyLabel } from '../i18n/format';
import '../review/state.css';

export function EmptyState() {
  const { t, i18n } = useTranslation();
  return (
    <section className="empty-state" aria-label={t('state.empty.title')} data-testid="empty-state">
      <h2>{t('state.empty.title')}</h2>
      <p className="hint">
        {t('state.empty.hint', { shortcut: keyLabel('Alt+N', i18n.language, IS_MAC) })}
      </p>
    </section>
  );
}
