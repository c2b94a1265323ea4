/**
 * In-app notices for the signed-in author: "changes requested", "approved",
 * "published", as the last sync brought them. Kept by the core until dismissed, so they survive
 * a reload; a click opens the article.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi } from '../state/ui';
import { useNameOf } from '../state/userNames';
import './comments.css';
import { afterStartup } from '../boot/startupGate';

export function Notices() {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const nameOf = useNameOf();
  const [items, setItems] = useState<Notice[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const cancel = afterStartup(
      () =>
        void api['notices.list']({}).then(
          (r) => live && setItems(r.items),
          () => undefined,
        ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [tick]);
  useCoreEvents((e) => e.type === 'notice' && setTick((n) => n + 1));

  const dismiss = (id: string) => {
    setItems((list) => list.filter((n) => n.id !== id));
    void api['notices.dismiss']({ id }).catch(() => setTick((n) => n + 1));
  };

  if (items.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.title')}>
      <ul className="notices__list">
        {items.map((n) => (
          <li key={n.id} className={`notice notice--${n.kind}`} data-testid="notice">
            <button
              type="button"
              className="notice__open"
              title={t('notices.open')}
              onClick={() => openArticle(n.articleId)}
            >
              {t(`notices.${n.kind}`, { headline: n.headline || t('notices.untitled') })}
            </button>
            {n.by && (
              <span className="notice__by" title={nameOf(n.by) !== n.by ? n.by : undefined}>
                {' '}
                {t('notices.by', { name: nameOf(n.by) })}
              </span>
            )}
            {n.comment && <q className="notice__comment">{n.comment}</q>}
            <button
              type="button"
              className="notice__dismiss"
              aria-label={`${t('notices.dismiss')}: ${n.headline}`}
              onClick={() => dismiss(n.id)}
            >
              {t('notices.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
