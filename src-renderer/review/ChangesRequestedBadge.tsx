import { useTranslation } from 'react-i18next';
import { useChangesRequested } from '../state/changesRequested';
import './state.css';

/** The list row's badge of a draft sent back to its author. */
export function ChangesRequestedBadge({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const requested = useChangesRequested(articleId);
  if (!requested) return null;
  const text = t('state.changesRequested.badge');
  // The title keeps the words readable when a narrow list row cuts the badge short.
  return (
    <span className="changes-requested-badge" data-testid="changes-requested-badge" title={text}>
      {text}
    </span>
  );
}
