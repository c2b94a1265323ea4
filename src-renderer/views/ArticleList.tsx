import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SlidersHorizontal, Trash2, Undo2 } from 'lucide-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { ShortTime } from '../ui/ShortTime';
import type { ArticleSummary } from '../../src-shared/model';
import type { ArticleFilter } from '../../src-shared/api';
import { useListFilter, combinedFilter } from '../state/listFilter';
import { offersDelete } from '../state/deleteRule';
import { errorText } from '../i18n/errors';
import { LoadFailed } from '../ui/LoadFailed';
import { useTrash } from '../state/trash';
import { useCurrentUser } from '../review/useRole';
import { useNameOf } from '../state/userNames';
import { ListFilterBar } from './ListFilterBar';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi } from '../state/ui';
import { sectionName, useSections } from '../state/sections';
import { useArticlePages } from './useArticlePages';
import { listMove } from './listMove';
import { PresenceBadge } from './PresenceBadge';
import { ChangesRequestedBadge } from '../review/ChangesRequestedBadge';
import { ScheduleBadges } from '../review/ScheduleBadges';
import './conflicts.css';

const ROW_HEIGHT = 68;

/** The row's time, short ("09:07" today), and the whole date and time on hover. */
const ArticleRow = memo(function ArticleRow({
  article,
  active,
  tabIndex,
}: {
  article: ArticleSummary | undefined;
  active: boolean;
  /** 0 on the list's one tab stop, -1 on the other rows (arrow keys move between them). */
  tabIndex: number;
}) {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  const sections = useSections();
  if (!article) return <div className="row row--loading">{t('list.loading')}</div>;
  return (
    <button
      type="button"
      className={`row${active ? ' row--active' : ''}`}
      tabIndex={tabIndex}
      data-row-focus
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
function TrashRow({ article, tabIndex }: { article: ArticleSummary; tabIndex: number }) {
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
          tabIndex={tabIndex}
          data-row-focus
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
  tabIndex,
}: {
  article: ArticleSummary;
  active: boolean;
  deletable: boolean;
  tabIndex: number;
}) {
  const { t } = useTranslation();
  const remove = useTrash((s) => s.remove);
  const headline = article.headline || t('list.untitled');
  return (
    <>
      <ArticleRow article={article} active={active} tabIndex={tabIndex} />
      {deletable && (
        <button
          type="button"
          // Not a tab stop of its own: the Delete key on the row does the same.
          tabIndex={-1}
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

/** Focuses row `index` once the virtual list has rendered it (after a scroll, a frame or two). */
function focusRow(list: HTMLElement | null, index: number, frames = 8): void {
  requestAnimationFrame(() => {
    const row = list?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-focus]`);
    if (row) row.focus();
    else if (frames > 0) focusRow(list, index, frames - 1);
  });
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
  const me = useCurrentUser();
  const { t } = useTranslation();
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // The list is one tab stop: the row last focused, or the first one on screen when that row
  // is scrolled away (a virtual list has no element for it).
  const [stop, setStop] = useState(0);
  const shown = virtualizer.getVirtualItems();
  const tabStop = shown.some((v) => v.index === stop) ? stop : (shown[0]?.index ?? 0);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from) return;
    const screenful = Math.floor((parent.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1;
    const to = listMove(e.key, Number(from.dataset.index), count, screenful);
    if (to === null) return;
    e.preventDefault();
    setStop(to);
    virtualizer.scrollToIndex(to);
    focusRow(parent.current, to);
  };
  return (
    <div
      ref={parent}
      className="list__scroll"
      role="list"
      aria-label={t('list.label')}
      data-testid="article-list"
      onKeyDown={onKeyDown}
    >
      <div className="list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {shown.map((v) => {
          const a = rowAt(v.index);
          const tabIndex = v.index === tabStop ? 0 : -1;
          return (
            <div
              key={v.key}
              role="listitem"
              data-index={v.index}
              className={`list__item${a ? ' list__item--actions' : ''}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              onFocus={() => setStop(v.index)}
              onKeyDown={(e) => {
                if (e.key !== 'Delete' || !a || a.deletedAt !== null) return;
                if (!offersDelete(a, me)) return;
                if (!(e.target as HTMLElement).classList.contains('row')) return;
                e.preventDefault();
                void remove(a.id, a.headline);
              }}
            >
              {!a ? (
                <ArticleRow article={undefined} active={false} tabIndex={-1} />
              ) : a.deletedAt !== null ? (
                <TrashRow article={a} tabIndex={tabIndex} />
              ) : (
                <LiveRow
                  article={a}
                  active={a.id === openId}
                  deletable={offersDelete(a, me)}
                  tabIndex={tabIndex}
                />
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
  const [failed, setFailed] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(filter);
  useCoreEvents((e) => e.type.startsWith('article.') && setTick((n) => n + 1));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const f = JSON.parse(key) as ArticleFilter;
      void api['articles.search']({ query, limit: 200, filter: f }).then(
        (r) => {
          if (!live) return;
          setItems(r.items);
          setFailed(null);
        },
        (e: unknown) => live && setFailed(e ?? new Error('failed')),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, tick, key]);
  const failure = failed !== null && (
    <LoadFailed
      className="list__note"
      text={t('list.failed', { message: errorText(t, failed) })}
      onRetry={() => setTick((n) => n + 1)}
    />
  );
  if (!items) return failure || <p className="list__note">{t('list.loading')}</p>;
  return (
    <>
      {failure}
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
  const { total, rowAt, failed, retry } = useArticlePages(filter);
  const failure = failed !== null && (
    <LoadFailed
      className="list__note"
      text={t('list.failed', { message: errorText(t, failed) })}
      onRetry={retry}
    />
  );
  if (total === null) return failure || <p className="list__note">{t('list.loading')}</p>;
  return (
    <>
      {failure}
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
