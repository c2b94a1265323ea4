/** What could not be loaded (`text`, with the reason) and "Try again". */
import { useTranslation } from 'react-i18next';

export function LoadFailed({
  text,
  onRetry,
  className,
}: {
  text: string;
  onRetry: () => void;
  className: string;
}) {
  const { t } = useTranslation();
  return (
    <div role="alert" className={`${className} load-failed`}>
      {text}{' '}
      <button type="button" className="button" onClick={onRetry}>
        {t('list.retry')}
      </button>
    </div>
  );
}
