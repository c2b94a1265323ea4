/** The article's timeline: who did what when (server time), plus local steps waiting for sync. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleTimeline } from '../../src-shared/api';
import type { ArticleStatus } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useNameOf } from '../state/userNames';
import { UserName } from '../views/UserName';

export function Timeline({ articleId, status }: { articleId: string; status: ArticleStatus }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<ArticleTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const nameOf = useNameOf();

  useEffect(() => {
    let live = true;
    api['articles.timeline']({ id: articleId }).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [articleId, status, tick]);
  useCoreEvents((e) => {
    if (e.type === 'sync.status' && e.status.state === 'idle') setTick((n) => n + 1);
  });

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="timeline" aria-label={t('review.timeline.title')}>
      <h2 className="timeline__title">{t('review.timeline.title')}</h2>
      {error && (
        <p role="alert" className="banner banner--error">
          {error}
        </p>
      )}
      {data?.message && (
        <p className="hint">{t('review.timeline.localOnly', { message: data.message })}</p>
      )}
      {data && data.items.length === 0 && <p className="hint">{t('review.timeline.empty')}</p>}
      {data && data.items.length > 0 && (
        <ol className="timeline__list">
          {data.items.map((item) => (
            <li
              key={item.id}
              className={item.pending ? 'timeline__item timeline__item--pending' : 'timeline__item'}
            >
              {item.user ? (
                <UserName username={item.user.username} />
              ) : (
                <strong>{t('review.timeline.someone')}</strong>
              )}{' '}
              {item.kind === 'suggestion' && item.suggestions
                ? t(`review.timeline.decided.${item.action}`, {
                    count: item.suggestions.count,
                    authors: item.suggestions.authors.map(nameOf).join(', '),
                    defaultValue: t('review.timeline.actions.transition'),
                  })
                : t(`review.timeline.actions.${item.action}`, {
                    defaultValue: t('review.timeline.actions.transition'),
                  })}{' '}
              <time dateTime={item.at}>{when.format(new Date(item.at))}</time>
              {item.pending && <em> ({t('review.timeline.pending')})</em>}
              {item.text && (
                <blockquote
                  className={item.kind === 'suggestion' ? 'timeline__excerpt' : undefined}
                >
                  {item.text}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
