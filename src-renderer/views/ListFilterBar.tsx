import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleAuthor } from '../../src-shared/api';
import { ARTICLE_STATUSES } from '../../src-shared/model';
import { ARTICLE_VIEWS, type ArticleViewId } from '../../src-shared/articleViews';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import {
  activeFilterCount,
  NO_FILTERS,
  useListFilter,
  type UpdatedWithin,
} from '../state/listFilter';
import { useSections } from '../state/sections';

/** The authors the desk knows, loaded while the filters are shown. */
function useAuthors(open: boolean): ArticleAuthor[] {
  const [items, setItems] = useState<ArticleAuthor[]>([]);
  const [tick, setTick] = useState(0);
  useCoreEvents((e) => e.type === 'article.created' && setTick((n) => n + 1));
  useEffect(() => {
    if (!open) return;
    let live = true;
    void api['articles.authors']({}).then(
      (r) => live && setItems(r.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tick, open]);
  return items;
}

/** The saved view, and the filters on top of it (status, section, author, last change). */
export function ListFilterBar({ icon }: { icon: ReactNode }) {
  const { t } = useTranslation();
  const view = useListFilter((s) => s.view);
  const setView = useListFilter((s) => s.setView);
  const filters = useListFilter((s) => s.filters);
  const setFilters = useListFilter((s) => s.setFilters);
  const [open, setOpen] = useState(false);
  const sections = useSections();
  const authors = useAuthors(open);
  const panelId = useId();
  const count = activeFilterCount(filters);
  return (
    <>
      <div className="list__views">
        <select
          aria-label={t('views.label')}
          value={view}
          onChange={(e) => setView(e.target.value as ArticleViewId)}
          data-testid="list-view"
        >
          {ARTICLE_VIEWS.map((v) => (
            <option key={v.id} value={v.id}>
              {t(`views.${v.id}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={`button${count > 0 ? ' button--primary' : ''}`}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {icon}
          {count > 0 ? t('filters.buttonCount', { count }) : t('filters.button')}
        </button>
      </div>
      {open && (
        <div id={panelId} className="list__filters" role="group" aria-label={t('filters.label')}>
          <label htmlFor={`${panelId}-status`}>{t('filters.status')}</label>
          <select
            id={`${panelId}-status`}
            value={filters.status}
            onChange={(e) => setFilters({ status: e.target.value as typeof filters.status })}
          >
            <option value="">{t('filters.any')}</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`list.status.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${panelId}-section`}>{t('filters.section')}</label>
          <select
            id={`${panelId}-section`}
            value={filters.section}
            onChange={(e) => setFilters({ section: e.target.value })}
          >
            <option value="">{t('filters.any')}</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${panelId}-author`}>{t('filters.author')}</label>
          <select
            id={`${panelId}-author`}
            value={filters.authorId}
            onChange={(e) => setFilters({ authorId: e.target.value })}
          >
            <option value="">{t('filters.any')}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${panelId}-updated`}>{t('filters.updated')}</label>
          <select
            id={`${panelId}-updated`}
            value={filters.updated}
            onChange={(e) => setFilters({ updated: e.target.value as UpdatedWithin })}
          >
            <option value="any">{t('filters.any')}</option>
            <option value="today">{t('filters.today')}</option>
            <option value="week">{t('filters.week')}</option>
            <option value="range">{t('filters.range')}</option>
          </select>
          {filters.updated === 'range' && (
            <div className="list__filters-range">
              <input
                type="date"
                aria-label={t('filters.from')}
                value={filters.from}
                max={filters.to || undefined}
                onChange={(e) => setFilters({ from: e.target.value })}
              />
              <input
                type="date"
                aria-label={t('filters.to')}
                value={filters.to}
                min={filters.from || undefined}
                onChange={(e) => setFilters({ to: e.target.value })}
              />
            </div>
          )}
          {count > 0 && (
            <button
              type="button"
              className="button list__filters-clear"
              onClick={() => setFilters(NO_FILTERS)}
            >
              {t('filters.clear')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
