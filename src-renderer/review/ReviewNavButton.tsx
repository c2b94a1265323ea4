import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui';
import { useCurrentUser } from './useRole';

/** The "Review" entry of the main navigation: for desk chiefs (and admins) only. */
export function ReviewNavButton() {
  const { t } = useTranslation();
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const { chief } = useCurrentUser();
  return (
    <button
      type="button"
      disabled={!chief}
      title={chief ? undefined : t('review.queue.chiefOnly')}
      aria-current={view === 'review' ? 'page' : undefined}
      onClick={() => setView('review')}
    >
      {t('app.nav.review')}
    </button>
  );
}
