/**
 * The image picker's second step: the chosen image with its alt text, asked for before the image
 * is used. Prefilled from the library record; empty is allowed (the checklist then warns). The
 * text belongs to this use of the image (the article's), never to the library record, which an
 * editor may not be allowed to change.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../../src-shared/model';

const ALT_MAX = 1000;

export function AltTextStep({
  image,
  thumb,
  onBack,
  onUse,
}: {
  image: Image;
  thumb: ReactNode;
  onBack: () => void;
  onUse: (image: Image, alt: string) => void;
}) {
  const { t } = useTranslation();
  const [alt, setAlt] = useState(image.alt);
  const input = useRef<HTMLInputElement>(null);
  const altId = useId();
  const hintId = useId();

  useEffect(() => input.current?.focus(), []);

  return (
    <form
      className="alt-step"
      onSubmit={(e) => {
        e.preventDefault();
        onUse(image, alt.trim());
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
      <div className="modal__actions">
        <button type="button" className="button" onClick={onBack}>
          {t('articleImages.picker.back')}
        </button>
        <button type="submit" className="button button--primary">
          {t('articleImages.picker.use')}
        </button>
      </div>
    </form>
  );
}
