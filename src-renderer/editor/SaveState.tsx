/**
 * The status line's save state: "Saved at 06:12" where there is room; where the line is tight a
 * compact "[saved icon] 06:12" (the words stay for screen readers and in the title), so the time
 * is never the part that goes.
 */
import { useTranslation } from 'react-i18next';
import { SaveCheck } from 'lucide-react';
import type { SaveStatus } from './autosave';
import { formatClockTime } from '../i18n/format';

export function SaveState({
  status,
  error,
  savedAt,
}: {
  status: SaveStatus;
  error?: string;
  /** When this session last saved the article (null: not yet). */
  savedAt: Date | null;
}) {
  const { t, i18n } = useTranslation();
  const text =
    status === 'error'
      ? t('editor.status.error', { message: error ?? '' })
      : t(`editor.status.${status}`);
  const time = status === 'saved' && savedAt ? formatClockTime(savedAt, i18n.language) : null;
  return (
    <p
      className={`status-line__save${time ? ' status-line__save--timed' : ''}`}
      title={time ? `${text} ${t('layout.savedAt', { time })}` : text}
    >
      {time && <SaveCheck aria-hidden size={16} className="status-line__saved-icon" />}
      <span
        className={`save-status save-status--${status}`}
        role="status"
        aria-live="polite"
        data-testid="save-status"
      >
        {text}
      </span>
      {time && <span className="status-line__time"> {t('layout.savedAt', { time })}</span>}
      {time && (
        <time className="status-line__short-time" aria-hidden data-testid="save-time">
          {time}
        </time>
      )}
    </p>
  );
}
