import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageFilter } from './useImagePages';

/** Search, the missing-credit filter and the sort order of the library. */
export function LibraryToolbar({
  search,
  onSearch,
  filter,
  onFilter,
}: {
  search: string;
  onSearch: (text: string) => void;
  filter: ImageFilter;
  onFilter: (patch: Partial<ImageFilter>) => void;
}) {
  const { t } = useTranslation();
  const sortId = useId();
  return (
    <div className="images__tools">
      <input
        type="search"
        className="images__search"
        aria-label={t('images.search')}
        placeholder={t('images.searchPlaceholder')}
        title={t('images.searchHint')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        data-shortcut-target="search"
      />
      <label className="images__toggle">
        <input
          type="checkbox"
          checked={filter.missingCredit}
          onChange={(e) => onFilter({ missingCredit: e.target.checked })}
        />
        {t('images.missingCredit')}
      </label>
      <span className="images__sort">
        <label htmlFor={sortId}>{t('images.sort')}</label>
        <select
          id={sortId}
          value={filter.sort}
          onChange={(e) => onFilter({ sort: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
        >
          <option value="newest">{t('images.sortNewest')}</option>
          <option value="oldest">{t('images.sortOldest')}</option>
        </select>
      </span>
    </div>
  );
}
