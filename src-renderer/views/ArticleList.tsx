import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { SlidersHorizontal, Trash2, Undo2 } from 'lucide-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { ShortTime } from '../ui/ShortTime';
import type { ArticleSummary } from '../../src-shared/model';
import type { ArticleFilter } from '../../src-shared/api';
import { useListFilter, combinedFilter } from '../state/listFilter';
import { offersDelete } from '../state/deleteRule';
import { useTrash } from '../state/trash';
import { useCurrentUser } from '../review/useRole';
import { useNameOf } from '../state/userNames';
import { ListFilterBar } from './ListFilterBar';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi } from '../state/ui';
import { sectionName, useSections } from '../state/sections';
import { useArticlePages } from './useArticlePages';
import { PresenceBadge } from './PresenceBadge';
import { ChangesRequestedBadge } from '../review/ChangesRequestedBadge';
import { ScheduleBadges } from '../review/ScheduleBadges';
import './conflicts.css';

const ROW_HEIGHT = 68;

/** The row's time, short ("09:07" today), and the whole date and time on hover. */
const ArticleRow = memo(function ArticleRow({
  article,
  active,
}: {
  article: ArticleSummary | undefined;
  active: boolean;
}) {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const sections = useSections();
  if (!article) return <div className="row row--loading">{t('list.loading')}</div>;
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
      <span className="row__meta row__meta--fit">
        <ScheduleBadges scheduledAt={article.scheduledAt} embargoUntil={article.embargoUntil} />
        <span className={`status status--${article.status}`}>
          {t(`list.status.${article.status}`)}
        </span>
        {article.section && (
          <span className="row__section">{sectionName(sections, article.section)}</span>
        )}
        <span className="row__words">{t('list.words', { count: article.wordCount })}</span>
        {article.status === 'draft' && <ChangesRequestedBadge articleId={article.id} />}
        {article.hasConflict && (
          <span
            className="conflict-badge"
            data-testid="conflict-badge"
            title={t('conflicts.badge')}
          >
            {t('conflicts.badge')}
          </span>
        )}
      </span>
      <ShortTime className="row__time" iso={article.updatedAt} />
    </button>
  );
});

/** A deleted article in the Trash: who deleted it and when, and "Restore". */
function TrashRow({ article }: { article: ArticleSummary }) {
  const { t } = useTranslation();
  const restore = useTrash((s) => s.restore);
  const nameOf = useNameOf();
  const deletedAt = article.deletedAt ?? article.updatedAt;
  const headline = article.headline || t('list.untitled');
  return (
    <div className="trash-row">
      <div className="trash-row__head">
        <div className="trash-row__title">
          <span className="row__kicker">{article.kicker}</span>
          <span className="row__headline" title={headline}>
            {headline}
          </span>
        </div>
        <button
          type="button"
          className="button trash-row__restore"
          title={t('trash.restore')}
          aria-label={t('trash.restoreLabel', { headline })}
          onClick={() => void restore(article.id, article.headline)}
        >
          <Undo2 aria-hidden size={16} />
          <span className="trash-row__restore-label">{t('trash.restore')}</span>
        </button>
      </div>
      <span
        className="row__meta"
        title={
          article.deletedBy && nameOf(article.deletedBy) !== article.deletedBy
            ? article.deletedBy
            : undefined
        }
      >
        <span className="trash-row__by">
          {article.deletedBy
            ? t('trash.deletedBy', { name: nameOf(article.deletedBy) })
            : t('trash.deletedNoName')}
        </span>
        <ShortTime iso={deletedAt} />
      </span>
    </div>
  );
}

/** A live article with its "Delete" button (shown on hover and focus; Delete key on the row). */
function LiveRow({
  article,
  active,
  deletable,
}: {
  article: ArticleSummary;
  active: boolean;
  deletable: boolean;
}) {
  const { t } = useTranslation();
  const remove = useTrash((s) => s.remove);
  const headline = article.headline || t('list.untitled');
  return (
    <>
      <ArticleRow article={article} active={active} />
      {deletable && (
        <button
          type="button"
          className="icon-button row-action"
          aria-label={t('trash.deleteLabel', { headline })}
          title={t('trash.delete')}
          onClick={() => void remove(article.id, article.headline)}
        >
          <Trash2 aria-hidden size={16} />
        </button>
      )}
    </>
  );
}

function VirtualList({
  count,
  rowAt,
}: {
  count: number;
  rowAt: (i: number) => ArticleSummary | undefined;
}) {
  const remove = useTrash((s) => s.remove);
  const parent = useRef<HTMLDivElement>(null);
  const openId = useUi((s) => s.openArticleId);
  const chief = useCurrentUser().chief;
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
              className={`list__item${a ? ' list__item--actions' : ''}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              onKeyDown={(e) => {
                if (e.key !== 'Delete' || !a || a.deletedAt !== null) return;
                if (!offersDelete(a, chief)) return;
                if (!(e.target as HTMLElement).classList.contains('row')) return;
                e.preventDefault();
                void remove(a.id, a.headline);
              }}
            >
              {!a ? (
                <ArticleRow article={undefined} active={false} />
              ) : a.deletedAt !== null ? (
                <TrashRow article={a} />
              ) : (
                <LiveRow article={a} active={a.id === openId} deletable={offersDelete(a, chief)} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SearchResults({ query, filter }: { query: string; filter: ArticleFilter }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(filter);
  useCoreEvents((e) => e.type.startsWith('article.') && setTick((n) => n + 1));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const f = JSON.parse(key) as ArticleFilter;
      void api['articles.search']({ query, limit: 200, filter: f }).then(
        (r) => live && setItems(r.items),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, tick, key]);
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

function FilteredArticles({ filter, empty }: { filter: ArticleFilter; empty: string }) {
  const { t } = useTranslation();
  const { total, rowAt } = useArticlePages(filter);
  if (total === null) return <p className="list__note">{t('list.loading')}</p>;
  return (
    <>
      <p className="list__count" aria-live="polite" data-testid="list-count">
        {t('list.count', { count: total })}
      </p>
      {total === 0 ? (
        <p className="list__note">{empty}</p>
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
  const view = useListFilter((s) => s.view);
  const filters = useListFilter((s) => s.filters);
  const load = useListFilter((s) => s.load);
  useEffect(load, [load]);
  // "Today" and "7 days" start from the day the filter was chosen (a new day: choose again).
  const filter = useMemo(() => combinedFilter(view, filters, new Date()), [view, filters]);
  const plain = view === 'all' && Object.keys(filter).length === 0;
  const empty = plain ? t('list.empty') : t(view === 'trash' ? 'trash.empty' : 'views.none');
  return (
    <section className="list" aria-label={t('list.label')}>
      <input
        type="search"
        className="list__search"
        aria-label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        title={t('list.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-shortcut-target="search"
      />
      <ListFilterBar icon={<SlidersHorizontal aria-hidden size={16} />} />
      {query.trim() ? (
        <SearchResults query={query.trim()} filter={filter} />
      ) : (
        <FilteredArticles filter={filter} empty={empty} />
      )}
    </section>
  );
}
