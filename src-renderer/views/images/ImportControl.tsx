import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MIMES } from '../../../src-shared/model';
import type { ImportItem } from './useImageImport';

/** The "Import images" button over a hidden multi-file input. */
export function ImportButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        {t('images.import.button')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMAGE_MIMES.join(',')}
        hidden
        data-testid="image-file-input"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </>
  );
}

function ItemStatus({ item }: { item: ImportItem }) {
  const { t } = useTranslation();
  switch (item.state) {
    case 'waiting':
      return <span className="import__state">{t('images.import.waiting')}</span>;
    case 'reading':
      return (
        <>
          <progress max={100} value={item.percent} aria-label={item.name} />
          <span className="import__state">
            {t('images.import.reading', { percent: item.percent })}
          </span>
        </>
      );
    case 'importing':
      return (
        <>
          <progress aria-label={item.name} />
          <span className="import__state">{t('images.import.importing')}</span>
        </>
      );
    case 'done':
      return (
        <span className={`import__state import__state--${item.existing ? 'existing' : 'done'}`}>
          {item.existing ? t('images.import.existing') : t('images.import.done')}
        </span>
      );
    case 'failed':
      return (
        <span className="import__state import__state--failed" role="alert">
          {item.message}
        </span>
      );
  }
}

/** One line per file of the imports so far: progress, then the outcome or a clear error. */
export function ImportProgress({ items, onClear }: { items: ImportItem[]; onClear: () => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const finished = items.some((x) => x.state === 'done' || x.state === 'failed');
  return (
    <section className="import" aria-label={t('images.import.listLabel')}>
      <ul className="import__list" aria-live="polite">
        {items.map((item) => (
          <li key={item.key} className="import__item" data-state={item.state}>
            <span className="import__name">{item.name}</span>
            <ItemStatus item={item} />
          </li>
        ))}
      </ul>
      {finished && (
        <button type="button" onClick={onClear}>
          {t('images.import.clear')}
        </button>
      )}
    </section>
  );
}
