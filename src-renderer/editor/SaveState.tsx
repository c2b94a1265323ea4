/**
 * The status line's save state: "Saved at 06:12" where there is room; where the line is tight a
 * compact "[saved icon] 06:12", or the icon alone for "Saved" and "Saving…" (the words stay for
 * screen readers and in the title), so nothing on the line is cut. An error keeps its words.
 */
import { useTranslation } from 'react-i18next';
import { Save, SaveCheck } from 'lucide-react';
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
      className={`status-line__save status-line__save--${status}${time ? ' status-line__save--timed' : ''}`}
      title={time ? `${text} ${t('layout.savedAt', { time })}` : text}
    >
      {status === 'saved' && (
        <SaveCheck aria-hidden size={16} className="status-line__saved-icon" />
      )}
      {status === 'saving' && <Save aria-hidden size={16} className="status-line__saved-icon" />}
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
