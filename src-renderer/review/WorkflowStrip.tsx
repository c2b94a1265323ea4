/**
 * The workflow's part of the editor's status line: the status (with schedule and embargo) and
 * the steps this user may take — "Submit for review" (disabled, described by what is missing),
 * and for desk chiefs approve / request changes / publish / unpublish / correct.
 */
import { useTranslation } from 'react-i18next';
import type { TransitionRule } from '../../src-shared/workflow';
import { ACTION_KEYS } from './transitions';
import { CONFIRMED_STEPS } from './ConfirmStep';
import { stepButtonClass } from './stepOutcome';
import { formatNewsroomTime } from '../i18n/format';
import { useNewsroomZone } from './useNewsroomZone';
import type { Workflow } from './useWorkflow';
import './review.css';

export function WorkflowStrip({ workflow: w }: { workflow: Workflow }) {
  const { t, i18n } = useTranslation();
  const zone = useNewsroomZone();
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, zone);
  const { article } = w;
  const missing = w.checklist.items;
  const describedBy = (rule: TransitionRule) =>
    rule.name === 'request_changes' && w.commentMissing
      ? w.ids.commentHint
      : rule.needsChecklist && missing.length > 0
        ? w.ids.missing
        : undefined;
  const fullStatus = [
    t(`review.status.${article.status}`),
    article.scheduledAt && t('review.scheduledFor', { time: when(article.scheduledAt) }),
    article.embargoUntil && t('review.embargoUntil', { time: when(article.embargoUntil) }),
  ]
    .filter(Boolean)
    .join(' · ');
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
        {article.scheduledAt && (
          <span className="workflow__when" data-testid="workflow-scheduled">
            {' · '}
            {t('review.scheduledFor', { time: when(article.scheduledAt) })}
          </span>
        )}
        {article.embargoUntil && (
          <span className="workflow__when" data-testid="workflow-embargo">
            {' · '}
            {t('review.embargoUntil', { time: when(article.embargoUntil) })}
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
