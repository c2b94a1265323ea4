import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { ImageDetails } from './ImageDetails';
import { ImageGrid } from './ImageGrid';
import { ImportButton, ImportProgress } from './ImportControl';
import { LibraryToolbar } from './LibraryToolbar';
import { ThumbnailCache, ThumbnailContext } from './thumbnails';
import { useImageImport } from './useImageImport';
import { LoadFailed } from '../../ui/LoadFailed';
import { errorText } from '../../i18n/errors';
import { useImagePages, type ImageFilter } from './useImagePages';

const SEARCH_DEBOUNCE_MS = 150;

/** The typed search text, handed on after a short pause. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** One thumbnail cache per open library; its object URLs are revoked when the library closes. */
function useThumbnailCache(): ThumbnailCache {
  const [cache] = useState(
    () => new ThumbnailCache((id) => api['images.rendition']({ id, size: 'thumb' })),
  );
  useEffect(() => () => cache.clear(), [cache]);
  return cache;
}

/** Files dropped anywhere on the library are imported; `over` drives the drop highlight. */
function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      },
      onDragLeave: (e: DragEvent) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        onFiles([...e.dataTransfer.files]);
      },
    },
  };
}

function LibraryBody({
  filter,
  selectedId,
  onSelect,
}: {
  filter: ImageFilter;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { total, itemAt, failed, retry } = useImagePages(filter);
  const filtered = filter.missingCredit || filter.query.trim() !== '';
  const failure = failed !== null && (
    <LoadFailed
      className="images__note"
      text={t('images.failed', { message: errorText(t, failed) })}
      onRetry={retry}
    />
  );
  if (total === null) return failure || <p className="images__note">{t('images.loading')}</p>;
  return (
    <>
      {failure}
      <p className="images__count" aria-live="polite" data-testid="image-count">
        {t('images.count', { count: total })}
      </p>
      {total === 0 ? (
        <p className="images__note">{filtered ? t('images.noMatch') : t('images.empty')}</p>
      ) : (
        <ImageGrid count={total} itemAt={itemAt} selectedId={selectedId} onSelect={onSelect} />
      )}
    </>
  );
}

/** The image desk: import, find and fix the credits of the profile's images. */
export function ImageLibrary() {
  const { t } = useTranslation();
  const cache = useThumbnailCache();
  const [search, setSearch] = useState('');
  const query = useDebounced(search, SEARCH_DEBOUNCE_MS);
  const [options, setOptions] = useState<Omit<ImageFilter, 'query'>>({
    missingCredit: false,
    sort: 'newest',
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { items, importFiles, clearFinished } = useImageImport(
    useCallback((last: Image) => setSelectedId(last.id), []),
  );
  const drop = useFileDrop(importFiles);
  const filter: ImageFilter = { ...options, query };

  return (
    <ThumbnailContext.Provider value={cache}>
      <div className={`images${selectedId ? ' images--details' : ''}`}>
        <section
          className={`images__library${drop.over ? ' images__library--drop' : ''}`}
          aria-label={t('images.title')}
          data-testid="image-library"
          {...drop.handlers}
        >
          <div className="images__head">
            <ImportButton onFiles={importFiles} />
            <LibraryToolbar
              search={search}
              onSearch={setSearch}
              filter={filter}
              onFilter={(patch) => setOptions((o) => ({ ...o, ...patch }))}
            />
          </div>
          <ImportProgress items={items} onClear={clearFinished} />
          {drop.over && <p className="images__drop">{t('images.dropHint')}</p>}
          <LibraryBody filter={filter} selectedId={selectedId} onSelect={setSelectedId} />
        </section>
        {selectedId && (
          <ImageDetails key={selectedId} id={selectedId} onClose={() => setSelectedId(null)} />
        )}
      </div>
    </ThumbnailContext.Provider>
  );
}
