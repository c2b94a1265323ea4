/**
 * The image picker's second step: the chosen image with its alt text, asked for before the image
 * is used. Prefilled from the library record; empty is allowed (the checklist then warns). With
 * `altOnRecord` (the lead image, whose alt text is the record's) a changed text is saved on the
 * record first through `images.setMeta`.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../../src-shared/model';
import { api } from '../../api/transport';
import { rememberImage } from './records';

const ALT_MAX = 1000;

export function AltTextStep({
  image,
  altOnRecord,
  thumb,
  onBack,
  onUse,
}: {
  image: Image;
  altOnRecord: boolean;
  thumb: ReactNode;
  onBack: () => void;
  onUse: (image: Image, alt: string) => void;
}) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(image.alt);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const altId = useId();
  const hintId = useId();

  useEffect(() => input.current?.focus(), []);

  const use = async () => {
    const text = alt.trim();
    if (!altOnRecord || text === image.alt.trim()) {
      onUse(image, text);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api['images.setMeta']({ id: image.id, meta: { alt: text } });
      rememberImage(saved);
      onUse(saved, text);
    } catch (e) {
      setError(
        t('articleImages.picker.altSaveFailed', {
          message: e instanceof Error ? e.message : String(e),
        }),
      );
      setBusy(false);
    }
  };

  return (
    <form
      className="alt-step"
      onSubmit={(e) => {
        e.preventDefault();
        void use();
      }}
    >
      <div className="alt-step__image">
        {thumb}
        <span className="image-picker__name">{image.caption || image.fileName}</span>
      </div>
      <label htmlFor={altId}>{t('articleImages.picker.alt')}</label>
      <input
        ref={input}
        id={altId}
        type="text"
        value={alt}
        maxLength={ALT_MAX}
        aria-describedby={hintId}
        data-testid="image-alt-input"
        onChange={(e) => setAlt(e.target.value)}
      />
      <p id={hintId} className="hint">
        {alt.trim() ? t('articleImages.picker.altHint') : t('articleImages.picker.altMissing')}
      </p>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onBack}>
          {t('articleImages.picker.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('articleImages.picker.use')}
        </button>
      </div>
    </form>
  );
}
