import { useTranslation } from 'react-i18next';
import { badgeTime } from './badgeTime';
import { useNewsroomZone } from './useNewsroomZone';
import './schedule.css';

/**
 * A list row's "Scheduled · Thu 06:00" and "Embargo · …" badges, on the newsroom's clocks. A
 * scheduled article shows only its time: a schedule is never before the embargo.
 */
export function ScheduleBadges({
  scheduledAt,
  embargoUntil,
}: {
  scheduledAt: string | null | undefined;
  embargoUntil: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const zone = useNewsroomZone();
  if (!scheduledAt && !embargoUntil) return null;
  const now = Date.now();
  const short = (iso: string) => badgeTime(iso, i18n.language, zone, now);
  const scheduled = scheduledAt ? t('schedule.badge', { time: short(scheduledAt) }) : null;
  const embargo =
    !scheduledAt && embargoUntil && Date.parse(embargoUntil) > now
      ? t('schedule.embargoBadge', { time: short(embargoUntil) })
      : null;
  // Titles keep the words readable when a narrow list row cuts a badge short.
  return (
    <>
      {scheduled && (
        <span className="schedule-badge" data-testid="scheduled-badge" title={scheduled}>
          {scheduled}
        </span>
      )}
      {embargo && (
        <span
          className="schedule-badge schedule-badge--embargo"
          data-testid="embargo-badge"
          title={embargo}
        >
          {embargo}
        </span>
      )}
    </>
  );
}
