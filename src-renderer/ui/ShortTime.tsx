/**
 * A time as short as it can be told apart (the clock time today, day and month this year, the
 * short date before), with the whole date and time in its title. Crosses midnight by itself.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatListTime } from '../i18n/format';
import { useToday } from './useToday';

export function ShortTime({ iso, className }: { iso: string; className?: string }) {
  const { i18n } = useTranslation();
  const today = useToday();
  return (
    <time className={className} dateTime={iso} title={formatDateTime(iso, i18n.language)}>
      {formatListTime(iso, today, i18n.language)}
    </time>
  );
}
