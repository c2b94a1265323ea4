/**
 * Revision history of one article: time and size of each revision, a read-only preview
 * (the shared, sanitized HTML renderer, loaded on demand) and restore, which the core writes as
 * a new revision so nothing is lost.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, Revision } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { formatDateTime } from '../i18n/format';

interface Preview {
  revision: Revision;
  headline: string;
  html: string | null;
  error: string | null;
}

function formatSize(bytes: number, language: string): string {
  const fmt = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  return bytes < 1024 ? `${fmt.format(bytes)} B` : `${fmt.format(bytes / 1024)} KB`;
}

async function renderPreview(revision: Revision): Promise<Preview> {
  const full = await api['revisions.get']({ id: revision.id });
  const headline = typeof full.fields.headline === 'string' ? full.fields.headline : '';
  try {
    // Sanitized by construction and by an allowlist pass (src-shared/richtext/html.ts).
    const { renderBodyHtml } = await import('../../src-shared/richtext/html');
    return { revision, headline, html: renderBodyHtml(full.body), error: null };
  } catch (e) {
    return { revision, headline, html: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export function RevisionHistory({
  articleId,
  beforeRestore,
  onRestored,
  onClose,
}: {
  articleId: string;
  beforeRestore: () => Promise<void>;
  onRestored: (article: Article) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Revision[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useCoreEvents((e) => e.type === 'article.updated' && e.id === articleId && setTick((n) => n + 1));

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api['revisions.list']({ articleId })
        .then((r) => live && setItems(r.items))
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [articleId, tick]);

  const show = (revision: Revision) => {
    setError(null);
    renderPreview(revision)
      .then(setPreview)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  const restore = async (revision: Revision) => {
    setBusy(true);
    setError(null);
    try {
      await beforeRestore().catch(() => undefined);
      const article = await api['revisions.restore']({ id: revision.id });
      onRestored(article);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const time = (iso: string) =>
    formatDateTime(iso, i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <aside className="revisions" aria-label={t('editor.revisions.title')}>
      <header className="revisions__bar">
        <h2>{t('editor.revisions.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('editor.revisions.close')}
        </button>
      </header>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="hint">{t('editor.revisions.empty')}</p>}
      <ol className="revisions__list">
        {items?.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className="revisions__item"
              aria-current={preview?.revision.id === r.id || undefined}
              onClick={() => show(r)}
            >
              <span className="revisions__name">
                {t('editor.revisions.item', { revision: r.revision })}
              </span>
              <time dateTime={r.createdAt}>{time(r.createdAt)}</time>
              <span className="revisions__size">{formatSize(r.size, i18n.language)}</span>
              <span className="revisions__reason">
                {r.reason === 'created' || r.reason === 'saved'
                  ? t(`editor.revisions.reason.${r.reason}`)
                  : r.reason}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {preview && (
        <section
          className="revisions__preview"
          aria-label={t('editor.revisions.preview', { revision: preview.revision.revision })}
        >
          {preview.headline && <h3 className="revisions__headline">{preview.headline}</h3>}
          {preview.error ? (
            <p role="alert" className="field__error">
              {t('editor.revisions.previewError', { message: preview.error })}
            </p>
          ) : (
            <div
              className="revisions__html"
              dangerouslySetInnerHTML={{ __html: preview.html ?? '' }}
            />
          )}
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void restore(preview.revision)}
          >
            {t('editor.revisions.restore', { revision: preview.revision.revision })}
          </button>
        </section>
      )}
    </aside>
  );
}
