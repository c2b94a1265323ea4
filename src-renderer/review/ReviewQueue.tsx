/** The desk chief's review queue: articles in review, oldest first, with what they still miss. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../src-shared/api';
import { api } from '../api/transport';
import { formatDateTime } from '../i18n/format';
import './review.css';
import { useCoreEvents } from '../api/events';
import { sectionName, useSections } from '../state/sections';
import { useUi } from '../state/ui';
import { useCurrentUser } from './useRole';
import { ScheduledQueue } from './ScheduledQueue';
import { ScheduleBadges } from './ScheduleBadges';

export function ReviewQueue() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const openArticle = useUi((s) => s.openArticle);
  const sections = useSections();
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api['articles.reviewQueue']({}).then(
      (r) => {
        setItems(r.items);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  useEffect(load, [load]);
  useCoreEvents((e) => {
    if (e.type.startsWith('article.')) load();
  });

  return (
    <section className="review-queue" aria-labelledby="review-queue-title">
      <ScheduledQueue chief={user.chief} />
      <header className="review-queue__bar">
        <h2 id="review-queue-title">{t('review.queue.title')}</h2>
        <p className="hint">{t('review.queue.hint')}</p>
      </header>
      {!user.chief && <p className="hint">{t('review.queue.chiefOnly')}</p>}
      {/* The queue follows every change by itself; only a failed load needs a hand. */}
      {error && (
        <p role="alert" className="banner banner--error">
          {error}{' '}
          <button type="button" onClick={load}>
            {t('review.queue.refresh')}
          </button>
        </p>
      )}
      {items && items.length === 0 && <p className="hint">{t('review.queue.empty')}</p>}
      {items && items.length > 0 && (
        <table className="review-queue__table">
          <thead>
            <tr>
              <th scope="col">{t('review.queue.headline')}</th>
              <th scope="col">{t('review.queue.author')}</th>
              <th scope="col">{t('review.queue.submitted')}</th>
              <th scope="col">{t('review.queue.section')}</th>
              <th scope="col">{t('review.queue.words')}</th>
              <th scope="col">{t('review.queue.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="review-queue-row">
                <td>
                  <button type="button" className="link" onClick={() => openArticle(a.id)}>
                    {a.kicker && <span className="review-queue__kicker">{a.kicker} </span>}
                    {a.headline || t('review.queue.untitled')}
                  </button>{' '}
                  <ScheduleBadges scheduledAt={a.scheduledAt} embargoUntil={a.embargoUntil} />
                </td>
                <td>{a.author || t('review.queue.unknownAuthor')}</td>
                <td>
                  {a.submittedAt ? (
                    <time dateTime={a.submittedAt}>
                      {formatDateTime(a.submittedAt, i18n.language)}
                    </time>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{sectionName(sections, a.section) ?? '—'}</td>
                <td>{a.wordCount}</td>
                <td>
                  {a.missing.length === 0
                    ? t('review.queue.complete')
                    : a.missing.map((m) => t(`review.missing.${m.code}`)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
