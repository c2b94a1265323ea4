/** At the top of a draft the desk sent back: who asked for changes and their comment. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import type { TimelineEntry } from '../../src-shared/timeline';
import { api } from '../api/transport';
import { useNameOf } from '../state/userNames';
import { useCoreEvents } from '../api/events';
import { changesRequested } from './changesRequested';
import { useStoredArticle } from './useStoredArticle';
import './state.css';
import { afterStartup } from '../boot/startupGate';

export function ChangesRequestedBanner({ article: initial }: { article: Article }) {
  const { t } = useTranslation();
  const [article] = useStoredArticle(initial);
  const nameOf = useNameOf();
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const load = useCallback(() => {
    api['articles.timeline']({ id: initial.id }).then(
      (r) => setTimeline(r.items),
      () => undefined,
    );
  }, [initial.id]);
  useEffect(() => afterStartup(load), [load, article.status]);
  useCoreEvents((e) => {
    if (e.type === 'notice' && e.articleId === initial.id) load();
  });
  const request = changesRequested(article.status, timeline);
  if (!request) return null;
  return (
    <div
      className="banner banner--warning changes-requested"
      role="note"
      data-testid="changes-requested"
    >
      <strong title={request.by && nameOf(request.by) !== request.by ? request.by : undefined}>
        {request.by
          ? t('state.changesRequested.by', { name: nameOf(request.by) })
          : t('state.changesRequested.title')}
      </strong>
      {request.comment && <q className="changes-requested__comment"> {request.comment}</q>}
    </div>
  );
}
