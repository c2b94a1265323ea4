/**
 * The image shared on social networks (OpenGraph, Twitter, JSON-LD): the lead image unless the
 * desk chooses another one from the library. Saved as `ArticleFields.socialImageId`.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRendition } from '../../images/useThumbnail';
import { ImagePicker } from './ImagePicker';
import { useImageRecord } from './records';

export function SocialImageField({
  value,
  leadImageId,
  onChange,
  onBlur,
}: {
  value: string | null;
  leadImageId: string | null;
  onChange: (value: string | null) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const shown = value ?? leadImageId;
  const record = useImageRecord(shown);
  const { url } = useRendition(shown, 'thumb');
  const labelId = useId();
  const credit = record?.credit.trim() ?? '';
  return (
    <div className="field field--social-image lead-image" role="group" aria-labelledby={labelId}>
      <span className="field__label" id={labelId}>
        {t('articleImages.social.label')}
      </span>
      <div className="lead-image__chosen" data-testid="social-image" data-image-id={shown ?? ''}>
        {shown && (
          <span className="lead-image__thumb">
            {url && <img src={url} alt={record?.alt ?? ''} draggable={false} />}
          </span>
        )}
        <div className="lead-image__meta">
          {value === null ? (
            // What is used without a choice: a sentence, so it wraps instead of being cut.
            <span className="lead-image__note">
              {leadImageId ? t('articleImages.social.lead') : t('articleImages.social.none')}
            </span>
          ) : (
            <span className="lead-image__name" title={record?.fileName}>
              {record === null ? t('articleImages.lead.unknown') : (record?.fileName ?? '…')}
            </span>
          )}
          {shown && credit && (
            <p className="lead-image__credit">{t('articleImages.credit', { credit })}</p>
          )}
          <div className="lead-image__actions">
            <button type="button" onClick={() => setPicking(true)}>
              {t('articleImages.social.choose')}
            </button>
            {value !== null && (
              <button
                type="button"
                onClick={() => {
                  onChange(null);
                  onBlur();
                }}
              >
                {t('articleImages.social.useLead')}
              </button>
            )}
          </div>
        </div>
      </div>
      {picking && (
        <ImagePicker
          title={t('articleImages.social.pickerTitle')}
          onCancel={() => setPicking(false)}
          onPick={(image) => {
            setPicking(false);
            onChange(image.id === leadImageId ? null : image.id);
            onBlur();
          }}
        />
      )}
    </div>
  );
}
