/**
 * Asks before a workflow step that changes the public site: publish and correct show a short
 * summary of what goes out (headline, section, lead image with its credit, the scheduled time
 * and embargo); unpublish asks with a danger button. Publishing an approved article offers
 * "Publish now" or a time in the newsroom's time zone ("Schedule"), and takes a schedule back.
 * A modal dialog: focus starts on Cancel, Esc cancels.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import { countOpenSuggestions } from '../../src-shared/richtext/suggestions';
import type { TransitionName } from '../../src-shared/workflow';
import { useImageRecord } from '../editor/images/records';
import { useSections } from '../state/sections';
import { Modal } from '../ui/Modal';
import { formatNewsroomTime } from '../i18n/format';
import { parseNewsroomTime, toWallTimeInput } from '../../src-shared/time/newsroomTime';
import { useNewsroomZone } from './useNewsroomZone';

/** What the chief chose: publish now, schedule at a UTC time, or take the schedule back. */
export type PublishChoice =
  { kind: 'now' } | { kind: 'schedule'; at: string } | { kind: 'unschedule' };

/** The steps that ask first. */
export const CONFIRMED_STEPS: ReadonlySet<TransitionName> = new Set([
  'publish',
  'correct',
  'unpublish',
]);

export function ConfirmStep({
  step,
  article,
  onConfirm,
  onCancel,
}: {
  step: 'publish' | 'correct' | 'unpublish';
  article: Article;
  onConfirm: (choice: PublishChoice) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const zone = useNewsroomZone();
  const inputId = useId();
  const [wall, setWall] = useState(
    article.scheduledAt ? toWallTimeInput(article.scheduledAt, zone) : '',
  );
  const schedulable = step === 'publish' && article.status === 'approved';
  const parsed = wall ? parseNewsroomTime(wall.replace('T', ' '), zone) : null;
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, zone);
  const sections = useSections();
  const image = useImageRecord(article.leadImage?.imageId ?? null);
  const section = sections.find((s) => s.slug === article.section)?.name ?? article.section;
  const danger = step === 'unpublish';
  // What goes out is the body as if they were rejected: the desk should know before it does.
  const openSuggestions = useMemo(() => countOpenSuggestions(article.body), [article.body]);
  return (
    <Modal className="confirm-step" label={t(`state.confirm.${step}.title`)} onClose={onCancel}>
      <h2>{t(`state.confirm.${step}.title`)}</h2>
      {danger ? (
        <p>{t('state.confirm.unpublish.text')}</p>
      ) : (
        <dl className="confirm-step__summary">
          <dt>{t('state.confirm.publish.headline')}</dt>
          <dd>{article.headline}</dd>
          <dt>{t('state.confirm.publish.section')}</dt>
          <dd>{section ?? t('state.confirm.publish.noSection')}</dd>
          <dt>{t('state.confirm.publish.leadImage')}</dt>
          <dd>
            {article.leadImage ? (
              <>
                {article.leadImage.caption || image?.caption || image?.fileName}
                {image?.credit && (
                  <>
                    {' — '}
                    {t('state.confirm.publish.credit', { credit: image.credit })}
                  </>
                )}
              </>
            ) : (
              t('state.confirm.publish.noLeadImage')
            )}
          </dd>
          <dt>{t('state.confirm.publish.scheduled')}</dt>
          <dd data-testid="confirm-scheduled">
            {article.scheduledAt
              ? when(article.scheduledAt)
              : t('state.confirm.publish.notScheduled')}
          </dd>
          {article.embargoUntil && (
            <>
              <dt>{t('state.confirm.publish.embargo')}</dt>
              <dd>{when(article.embargoUntil)}</dd>
            </>
          )}
        </dl>
      )}
      {!danger && openSuggestions > 0 && (
        <p className="banner banner--warning" data-testid="confirm-open-suggestions">
          {t('state.confirm.publish.openSuggestions', { count: openSuggestions })}
        </p>
      )}
      {schedulable && (
        <div className="field">
          <label htmlFor={inputId}>{t('state.confirm.publish.scheduleAt', { zone })}</label>
          <input
            id={inputId}
            type="datetime-local"
            value={wall}
            onChange={(e) => setWall(e.target.value)}
          />
        </div>
      )}
      <div className="modal__actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          {t('state.confirm.cancel')}
        </button>
        {schedulable && article.scheduledAt && (
          <button
            type="button"
            className="button"
            onClick={() => onConfirm({ kind: 'unschedule' })}
          >
            {t('state.confirm.publish.takeBack')}
          </button>
        )}
        {parsed?.ok ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => onConfirm({ kind: 'schedule', at: parsed.utc })}
          >
            {t('state.confirm.publish.schedule')}
          </button>
        ) : (
          <button
            type="button"
            className={danger ? 'button button--danger' : 'button button--primary'}
            onClick={() => onConfirm({ kind: 'now' })}
          >
            {t(`state.confirm.${step}.confirm`)}
          </button>
        )}
      </div>
    </Modal>
  );
}
