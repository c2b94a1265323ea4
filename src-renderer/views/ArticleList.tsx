import { memo, useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi } from '../state/ui';
import { sectionName, useSections } from '../state/sections';
import { useArticlePages } from './useArticlePages';
import { PresenceBadge } from './PresenceBadge';
import { ChangesRequestedBadge } from '../review/ChangesRequestedBadge';
import './conflicts.css';

const ROW_HEIGHT = 68;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are expensive to build; a list row must not build one per render. */
function dateFormat(language: string): Intl.DateTimeFormat {
  let f = dateFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
    dateFormats.set(language, f);
  }
  return f;
}

const ArticleRow = memo(function ArticleRow({
  article,
  active,
}: {
  article: ArticleSummary | undefined;
  active: boolean;
}) {
  const { t, i18n } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const sections = useSections();
  if (!article) return <div className="row row--loading">{t('list.loading')}</div>;
  const updated = dateFormat(i18n.language).format(new Date(article.updatedAt));
  return (
    <button
      type="button"
      className={`row${active ? ' row--active' : ''}`}
      onClick={() => openArticle(article.id)}
      aria-current={active || undefined}
    >
      <span className="row__top">
        <span className="row__kicker">{article.kicker}</span>
        <PresenceBadge articleId={article.id} />
      </span>
      <span className="row__headline">{article.headline || t('list.untitled')}</span>
      <span className="row__meta">
        <span className={`status status--${article.status}`}>
          {t(`list.status.${article.status}`)}
        </span>
        {article.section && <span>{sectionName(sections, article.section)}</span>}
        <span>{t('list.words', { count: article.wordCount })}</span>
        {article.status === 'draft' && <ChangesRequestedBadge articleId={article.id} />}
        {article.hasConflict && (
          <span className="conflict-badge" data-testid="conflict-badge">
            {t('conflicts.badge')}
          </span>
        )}
        <time dateTime={article.updatedAt}>{updated}</time>
      </span>
    </button>
  );
});

function VirtualList({
  count,
  rowAt,
}: {
  count: number;
  rowAt: (i: number) => ArticleSummary | undefined;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const openId = useUi((s) => s.openArticleId);
  const { t } = useTranslation();
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div
      ref={parent}
      className="list__scroll"
      role="list"
      aria-label={t('list.label')}
      data-testid="article-list"
    >
      <div className="list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const a = rowAt(v.index);
          return (
            <div
              key={v.key}
              role="listitem"
              className="list__item"
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
            >
              <ArticleRow article={a} active={!!a && a.id === openId} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [tick, setTick] = useState(0);
  useCoreEvents((e) => e.type.startsWith('article.') && setTick((n) => n + 1));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api['articles.search']({ query, limit: 200 }).then((r) => live && setItems(r.items));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, tick]);
  if (!items) return <p className="list__note">{t('list.loading')}</p>;
  return (
    <>
      <p className="list__count" aria-live="polite">
        {t('list.results', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <p className="list__note">{t('list.noResults', { query })}</p>
      ) : (
        <VirtualList count={items.length} rowAt={(i) => items[i]} />
      )}
    </>
  );
}

function AllArticles() {
  const { t } = useTranslation();
  const { total, rowAt } = useArticlePages();
  if (total === null) return <p className="list__note">{t('list.loading')}</p>;
  return (
    <>
      <p className="list__count" aria-live="polite">
        {t('list.count', { count: total })}
      </p>
      {total === 0 ? (
        <p className="list__note">{t('list.empty')}</p>
      ) : (
        <VirtualList count={total} rowAt={rowAt} />
      )}
    </>
  );
}

export function ArticleList() {
  const { t } = useTranslation();
  const query = useUi((s) => s.query);
  const setQuery = useUi((s) => s.setQuery);
  return (
    <section className="list" aria-label={t('list.label')}>
      <input
        type="search"
        className="list__search"
        aria-label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-shortcut-target="search"
      />
      {query.trim() ? <SearchResults query={query.trim()} /> : <AllArticles />}
    </section>
  );
}
