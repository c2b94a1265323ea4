/**
 * The workflow's part of the editor's status line: the status (with schedule and embargo as one
 * compact chip) and
 * the steps this user may take — "Submit for review" (disabled, described by what is missing),
 * and for desk chiefs approve / request changes / publish / unpublish / correct.
 */
import { useTranslation } from 'react-i18next';
import type { TransitionRule } from '../../src-shared/workflow';
import { ACTION_KEYS } from './transitions';
import { CONFIRMED_STEPS } from './ConfirmStep';
import { stepButtonClass } from './stepOutcome';
import { CalendarClock, LockKeyhole } from 'lucide-react';
import { formatNewsroomTime } from '../i18n/format';
import { badgeTime } from './badgeTime';
import { useNewsroomZone } from './useNewsroomZone';
import type { Workflow } from './useWorkflow';
import './review.css';

export function WorkflowStrip({ workflow: w }: { workflow: Workflow }) {
  const { t, i18n } = useTranslation();
  const zone = useNewsroomZone();
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, zone);
  const short = (iso: string) => badgeTime(iso, i18n.language, zone, Date.now());
  const { article } = w;
  const missing = w.checklist.items;
  const describedBy = (rule: TransitionRule) =>
    rule.name === 'request_changes' && w.commentMissing
      ? w.ids.commentHint
      : rule.needsChecklist && missing.length > 0
        ? w.ids.missing
        : undefined;
  const whenText = [
    article.scheduledAt && t('review.scheduledFor', { time: when(article.scheduledAt) }),
    article.embargoUntil && t('review.embargoUntil', { time: when(article.embargoUntil) }),
  ]
    .filter(Boolean)
    .join(' · ');
  const fullStatus = [t(`review.status.${article.status}`), whenText].filter(Boolean).join(' · ');
  return (
    <div className="workflow__bar" role="group" aria-label={t('review.workflow')}>
      <span
        ref={w.statusRef}
        tabIndex={-1}
        title={fullStatus}
        className={`workflow__status workflow__status--${article.status}`}
      >
        <span className="status-line__label">{t('review.status.label')}: </span>
        <strong data-testid="workflow-status">{t(`review.status.${article.status}`)}</strong>
        {whenText && (
          // One compact chip: the short time of the schedule (else of the embargo) with icons;
          // the full "Scheduled for … · Embargo until …" is its title and accessible text.
          <span className="workflow__when" title={whenText} data-testid="workflow-when">
            <span className="visually-hidden"> · {whenText}</span>
            <span className="workflow__when-chip" aria-hidden>
              {article.scheduledAt && (
                <span data-testid="workflow-scheduled">
                  <CalendarClock size={14} />
                  {short(article.scheduledAt)}
                </span>
              )}
              {article.embargoUntil && (
                <span data-testid="workflow-embargo">
                  <LockKeyhole size={14} />
                  {/* A schedule is never before the embargo: beside it, the embargo's time
                      shows only where the line has room. */}
                  <span className={article.scheduledAt ? 'workflow__when-extra' : undefined}>
                    {short(article.embargoUntil)}
                  </span>
                </span>
              )}
            </span>
          </span>
        )}
      </span>
      {w.offered.map((rule) => (
        <button
          key={rule.name}
          type="button"
          className={stepButtonClass(rule.name)}
          disabled={w.disabledFor(rule)}
          aria-describedby={describedBy(rule)}
          onClick={() =>
            CONFIRMED_STEPS.has(rule.name) ? w.setConfirming(rule) : void w.run(rule)
          }
        >
          {t(ACTION_KEYS[rule.name])}
        </button>
      ))}
    </div>
  );
}
