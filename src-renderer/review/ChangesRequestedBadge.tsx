import { useTranslation } from 'react-i18next';
import { useChangesRequested } from '../state/changesRequested';
import './state.css';

/** The list row's badge of a draft sent back to its author. */
export function ChangesRequestedBadge({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const requested = useChangesRequested(articleId);
  if (!requested) return null;
  return (
    <span className="changes-requested-badge" data-testid="changes-requested-badge">
      {t('state.changesRequested.badge')}
    </span>
  );
}
