/**
 * A small dialog to choose an image for an article: recent library images (with a search over
 * caption, credit and creator) or a file imported on the spot through `images.import`. A chosen
 * image then asks for its alt text (prefilled from the library record) before it is used.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_MIMES, type Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { useRendition } from '../../images/useThumbnail';
import { rememberImage } from './records';
import { importImageFile } from './importFile';
import { refuseImageFile } from './refuseFile';
import { Modal } from '../../ui/Modal';
import { AltTextStep } from './AltTextStep';

const PAGE = 60;

function PickerThumb({ id }: { id: string }) {
  const { url } = useRendition(id, 'thumb');
  return (
    <span className="image-picker__thumb">{url && <img src={url} alt="" draggable={false} />}</span>
  );
}

export function ImagePicker({
  title,
  onPick,
  onCancel,
}: {
  title: string;
  /** `alt`: the alt text the user confirmed for this use (prefilled from the record). */
  onPick: (image: Image, alt: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Image[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<Image | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const searchId = useId();

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api['images.list']({ limit: PAGE, query: query.trim() || undefined, sort: 'newest' }).then(
        (r) => live && setItems(r.items),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const pick = (image: Image) => {
    rememberImage(image);
    setChosen(image);
  };

  const importFile = async (f: File) => {
    setError(null);
    const refused = refuseImageFile(f);
    if (refused) {
      setError(t(`articleImages.picker.${refused}`, { name: f.name }));
      return;
    }
    setBusy(true);
    try {
      pick(await importImageFile(f));
    } catch (e) {
      setError(
        t('articleImages.picker.importFailed', {
          name: f.name,
          message: e instanceof Error ? e.message : String(e),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  const list = (
    <>
      <div className="image-picker__bar">
        <label htmlFor={searchId}>{t('articleImages.picker.search')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          title={t('images.searchHint')}
          data-autofocus
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => file.current?.click()}
        >
          {busy ? t('articleImages.picker.importing') : t('articleImages.picker.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept={IMAGE_MIMES.join(',')}
          hidden
          data-testid="article-image-file-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
      </div>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {items === null ? (
        <p className="hint">{t('articleImages.picker.loading')}</p>
      ) : items.length === 0 ? (
        <p className="hint">{t('articleImages.picker.empty')}</p>
      ) : (
        <ul className="image-picker__grid" aria-label={t('articleImages.picker.list')}>
          {items.map((image) => (
            <li key={image.id}>
              <button
                type="button"
                className="image-picker__item"
                data-image-id={image.id}
                onClick={() => pick(image)}
              >
                <PickerThumb id={image.id} />
                <span className="image-picker__name">{image.caption || image.fileName}</span>
                {image.credit.trim() ? (
                  <span className="image-picker__credit">{image.credit}</span>
                ) : (
                  <span className="badge badge--warn">{t('articleImages.noCredit')}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('articleImages.picker.cancel')}
        </button>
      </div>
    </>
  );

  return (
    <Modal className="image-picker" label={title} onClose={onCancel}>
      <h2 className="image-picker__title">{title}</h2>
      {chosen ? (
        <AltTextStep
          image={chosen}
          thumb={<PickerThumb id={chosen.id} />}
          onBack={() => setChosen(null)}
          onUse={onPick}
        />
      ) : (
        list
      )}
    </Modal>
  );
}
