import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../../src-shared/model';
import { mayEditImage } from '../../../src-shared/workflow';
import { useCurrentUser, type CurrentUser } from '../../review/useRole';
import { api } from '../../api/transport';
import { base64ToBytes } from './base64';
import { META_FIELDS, type FieldProblem, type MetaKey } from './metaFields';
import { useImageMetaForm, type SaveState } from './useImageMetaForm';

/** The web-size rendition as an object URL, revoked when the preview goes. */
function Preview({ id, alt }: { id: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void api['images.rendition']({ id, size: 'web' }).then(
      (r) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([base64ToBytes(r.dataBase64)], { type: r.mime }));
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return <div className="image-details__preview">{url && <img src={url} alt={alt} />}</div>;
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'failed'
      ? t('images.details.failed', { message: state.message })
      : t(`images.details.${state.kind}`);
  return (
    <p
      className={`image-details__status image-details__status--${state.kind}`}
      role="status"
      data-testid="image-save-status"
    >
      {text}
    </p>
  );
}

function MetaField({
  name,
  value,
  problem,
  multiline,
  onChange,
  onBlur,
}: {
  name: MetaKey;
  value: string;
  problem: FieldProblem;
  multiline: boolean;
  onChange: (v: string) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hint = name === 'credit' && !value.trim() ? t('images.details.creditRequired') : null;
  const message = problem
    ? problem.kind === 'tooLong'
      ? t('images.details.tooLong', { max: problem.max })
      : t('images.details.badDate')
    : null;
  const common = {
    id,
    value,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': message || hint ? `${id}-note` : undefined,
    onBlur,
  };
  return (
    <div className={`field image-field${problem ? ' image-field--invalid' : ''}`}>
      <label htmlFor={id}>{t(`images.details.${name}`)}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          placeholder={name === 'licenceExpires' ? t('images.details.datePlaceholder') : undefined}
          inputMode={name === 'licenceExpires' ? 'numeric' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {(message || hint) && (
        <span
          id={`${id}-note`}
          className={message ? 'image-field__error' : 'image-field__hint'}
          role={message ? 'alert' : undefined}
        >
          {message ?? hint}
        </span>
      )}
    </div>
  );
}

function FileInfo({ image }: { image: Image }) {
  const { t, i18n } = useTranslation();
  const size = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
    image.byteSize / 1024,
  );
  return (
    <dl className="image-details__info">
      <dt>{t('images.details.file')}</dt>
      <dd>{image.fileName}</dd>
      <dd>
        {t('images.details.dimensions', {
          width: image.width,
          height: image.height,
          type: image.mime.replace('image/', '').toUpperCase(),
          size,
        })}
      </dd>
      {image.keywords.length > 0 && (
        <>
          <dt>{t('images.details.keywords')}</dt>
          <dd>{image.keywords.join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * Whether the signed-in user may change the image's details, as the server will judge
 * (`mayEditImage`: editors only the images they added). Unknown (not signed in, or no creator
 * known on this desk yet): yes, and the server decides.
 */
function mayChange(image: Image, user: CurrentUser): boolean {
  if (!user.known || user.id === null || image.createdBy === null) return true;
  return mayEditImage(image, { id: user.id, role: user.role }).ok;
}

/** The inline editor of one image's metadata; saves by itself. */
export function ImageDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { image, values, problems, save, loadError, change, flush } = useImageMetaForm(id);
  const user = useCurrentUser();
  const editable = !image || mayChange(image, user);
  return (
    <section className="image-details" aria-label={t('images.details.label')}>
      <header className="image-details__head">
        <h2>{t('images.details.label')}</h2>
        <button type="button" onClick={onClose}>
          {t('images.details.close')}
        </button>
      </header>
      {loadError && (
        <p role="alert" className="image-field__error">
          {loadError}
        </p>
      )}
      {image && values && (
        <>
          <Preview id={id} alt={values.alt} />
          {editable ? (
            <SaveStatus state={save} />
          ) : (
            <p className="banner banner--info" role="note" data-testid="image-read-only">
              {t('images.details.notYours')}
            </p>
          )}
          <fieldset className="edit-lock" disabled={!editable}>
            {META_FIELDS.map(({ key, multiline }) => (
              <MetaField
                key={key}
                name={key}
                value={values[key]}
                problem={problems[key]}
                multiline={multiline}
                onChange={(v) => change(key, v)}
                onBlur={() => void flush()}
              />
            ))}
          </fieldset>
          <FileInfo image={image} />
        </>
      )}
    </section>
  );
}
