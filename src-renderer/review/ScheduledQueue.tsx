/**
 * The review queue's "Scheduled" section: approved articles the server publishes by itself, the
 * soonest first, with their time (and embargo) on the newsroom's clocks; desk chiefs reschedule
 * them (a date and time dialog) or take them back (they stay approved).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { formatNewsroomTime } from '../i18n/format';
import { sectionName, useSections } from '../state/sections';
import { useUi } from '../state/ui';
import { NewsroomTimeDialog } from './NewsroomTimeDialog';
import { scheduleAt } from './scheduleActions';
import { useNewsroomZone } from './useNewsroomZone';
import './schedule.css';

type Message = { tone: 'ok' | 'error'; text: string };

export function ScheduledQueue({ chief }: { chief: boolean }) {
  const { t, i18n } = useTranslation();
  const zone = useNewsroomZone();
  const openArticle = useUi((s) => s.openArticle);
  const sections = useSections();
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [editing, setEditing] = useState<ArticleSummary | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, zone);
  const headline = (a: ArticleSummary) => a.headline || t('review.queue.untitled');

  const load = useCallback(() => {
    api['articles.list']({ scheduled: true, limit: 200 }).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  useEffect(load, [load]);
  useCoreEvents((e) => {
    if (e.type.startsWith('article.')) load();
  });

  const takeBack = async (a: ArticleSummary) => {
    setMessage(null);
    const r = await scheduleAt(t, a.id, null);
    setMessage(
      r.ok
        ? { tone: 'ok', text: t('schedule.takenBack', { headline: headline(a) }) }
        : { tone: 'error', text: r.text },
    );
    load();
  };

  const reschedule = async (a: ArticleSummary, at: string): Promise<string | null> => {
    const r = await scheduleAt(t, a.id, at);
    if (!r.ok) return r.text;
    setEditing(null);
    setMessage(
      r.article.scheduledAt
        ? {
            tone: 'ok',
            text: t('schedule.rescheduled', {
              headline: headline(a),
              time: when(r.article.scheduledAt),
            }),
          }
        : { tone: 'error', text: t('schedule.notKept', { headline: headline(a) }) },
    );
    load();
    return null;
  };

  return (
    <section className="scheduled-queue" aria-labelledby="scheduled-queue-title">
      <header className="review-queue__bar">
        <h2 id="scheduled-queue-title">{t('schedule.section')}</h2>
        <p className="hint">{t('schedule.sectionHint', { zone })}</p>
      </header>
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`scheduled-queue__message scheduled-queue__message--${message.tone}`}
        >
          {message.text}
        </p>
      )}
      {items && items.length === 0 && <p className="hint">{t('schedule.empty')}</p>}
      {items && items.length > 0 && (
        <table className="review-queue__table">
          <thead>
            <tr>
              <th scope="col">{t('schedule.publishes', { zone })}</th>
              <th scope="col">{t('review.queue.headline')}</th>
              <th scope="col">{t('review.queue.section')}</th>
              <th scope="col">{t('schedule.embargo')}</th>
              {chief && (
                <th scope="col">
                  <span className="visually-hidden">{t('schedule.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="scheduled-row">
                <td className="scheduled-queue__when">
                  {a.scheduledAt && (
                    <time dateTime={a.scheduledAt} data-testid="scheduled-time">
                      {when(a.scheduledAt)}
                    </time>
                  )}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => openArticle(a.id)}>
                    {a.kicker && <span className="review-queue__kicker">{a.kicker} </span>}
                    {headline(a)}
                  </button>
                </td>
                <td>{sectionName(sections, a.section) ?? '—'}</td>
                <td data-testid="scheduled-embargo">
                  {a.embargoUntil ? (
                    <time dateTime={a.embargoUntil}>{when(a.embargoUntil)}</time>
                  ) : (
                    '—'
                  )}
                </td>
                {chief && (
                  <td>
                    <div className="scheduled-queue__actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('schedule.rescheduleLabel', { headline: headline(a) })}
                        onClick={() => setEditing(a)}
                      >
                        {t('schedule.reschedule')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('schedule.takeBackLabel', { headline: headline(a) })}
                        onClick={() => void takeBack(a)}
                      >
                        {t('schedule.takeBack')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <NewsroomTimeDialog
          title={t('schedule.dialog.rescheduleTitle', { headline: headline(editing) })}
          zone={zone}
          initialUtc={editing.scheduledAt ?? null}
          submitLabel={t('schedule.dialog.schedule')}
          onSubmit={(at) => reschedule(editing, at)}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
