/**
 * The lead image of an article: chosen from the library or imported on the spot, with a caption
 * and an alt text for this use. Saved as `ArticleFields.leadImage = {imageId, caption, alt?}`
 * through the autosave; an alt text the same as the record's is not stored, so the article
 * follows later corrections of the record.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadImage } from '../../../src-shared/model';
import { useRendition } from '../../images/useThumbnail';
import { useUi } from '../../state/ui';
import { ImagePicker } from './ImagePicker';
import { useImageRecord } from './records';

export function LeadImageField({
  value,
  onChange,
  onBlur,
}: {
  value: LeadImage | null;
  onChange: (value: LeadImage | null) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const record = useImageRecord(value?.imageId ?? null);
  const { url } = useRendition(value?.imageId ?? null, 'thumb');
  const setView = useUi((s) => s.setView);
  const labelId = useId();
  const captionId = useId();
  const altId = useId();
  const [caption, setCaption] = useState(value?.caption ?? '');
  useEffect(() => setCaption(value?.caption ?? ''), [value?.imageId, value?.caption]);
  const [alt, setAlt] = useState(value?.alt ?? '');
  // Follows the stored value (a sync, another image) but keeps what the user typed when it stores
  // the same: text equal to the record's is stored as no alt at all.
  const recordAlt = record?.alt;
  useEffect(() => {
    setAlt((typed) =>
      value && leadImageValue(value.imageId, '', typed, recordAlt).alt === value.alt
        ? typed
        : (value?.alt ?? ''),
    );
  }, [value, recordAlt]);
  const change = (next: { caption?: string; alt?: string }) => {
    if (!value) return;
    const nextAlt = next.alt ?? alt;
    onChange(leadImageValue(value.imageId, next.caption ?? caption, nextAlt, recordAlt));
  };

  const credit = record?.credit.trim() ?? '';
  return (
    <div className="field field--lead-image lead-image" role="group" aria-labelledby={labelId}>
      <span className="field__label" id={labelId}>
        {t('articleImages.lead.label')}
      </span>
      {value ? (
        <div className="lead-image__chosen" data-testid="lead-image" data-image-id={value.imageId}>
          <span className="lead-image__thumb">
            {url && <img src={url} alt={alt.trim() || record?.alt || ''} draggable={false} />}
          </span>
          <div className="lead-image__meta">
            <span className="lead-image__name" title={record?.fileName}>
              {record === null ? t('articleImages.lead.unknown') : (record?.fileName ?? '…')}
            </span>
            <label htmlFor={captionId}>{t('articleImages.lead.caption')}</label>
            <input
              id={captionId}
              type="text"
              value={caption}
              maxLength={1000}
              placeholder={record?.caption ?? ''}
              onChange={(e) => {
                setCaption(e.target.value);
                change({ caption: e.target.value });
              }}
              onBlur={onBlur}
            />
            <label htmlFor={altId}>{t('articleImages.lead.alt')}</label>
            <input
              id={altId}
              type="text"
              value={alt}
              maxLength={1000}
              placeholder={record?.alt ?? ''}
              data-testid="lead-image-alt"
              onChange={(e) => {
                setAlt(e.target.value);
                change({ alt: e.target.value });
              }}
              onBlur={onBlur}
            />
            <p className="lead-image__credit">
              {credit ? (
                t('articleImages.credit', { credit })
              ) : record === undefined ? null : (
                <>
                  <span className="badge badge--warn" role="status">
                    {t('articleImages.noCredit')}
                  </span>{' '}
                  <button type="button" className="link-button" onClick={() => setView('images')}>
                    {t('articleImages.fixInLibrary')}
                  </button>
                </>
              )}
            </p>
            <div className="lead-image__actions">
              <button type="button" onClick={() => setPicking(true)}>
                {t('articleImages.lead.change')}
              </button>
              <button
                type="button"
                onClick={() => {
                  onChange(null);
                  onBlur();
                }}
              >
                {t('articleImages.lead.remove')}
              </button>
            </div>
          </div>
        </div>
      ) : (
        <div className="lead-image__empty">
          <button type="button" onClick={() => setPicking(true)}>
            {t('articleImages.lead.choose')}
          </button>
        </div>
      )}
      {picking && (
        <ImagePicker
          title={t('articleImages.lead.pickerTitle')}
          onCancel={() => setPicking(false)}
          onPick={(image, pickedAlt) => {
            setPicking(false);
            onChange(
              leadImageValue(
                image.id,
                value?.caption || image.caption.slice(0, 1000),
                pickedAlt,
                image.alt,
              ),
            );
            onBlur();
          }}
        />
      )}
    </div>
  );
}

/** The field's value; the alt text only when it says something the record does not. */
export function leadImageValue(
  imageId: string,
  caption: string,
  alt: string,
  recordAlt: string | undefined,
): LeadImage {
  const own = alt.trim();
  return own === '' || own === recordAlt?.trim() ? { imageId, caption } : { imageId, caption, alt };
}
