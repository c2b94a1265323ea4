/**
 * "Preview": the article page exactly as the site renders it (the shared page template and body
 * renderer from src-shared/publish), built from local data only, in a sandboxed frame with no
 * scripts. The site's stylesheet is bundled as a static asset (the app's CSP allows no inline
 * styles, and a srcdoc frame inherits that CSP). `allow-same-origin` only lets the frame load
 * that stylesheet with the app's own credentials (browser mode); scripts stay off.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotImage } from '../../src-shared/publish/types';
import { inlineImagesOf } from '../../src-shared/checklist';
import siteCssUrl from '../../src-shared/publish/site.css?url';
import { api } from '../api/transport';

async function buildPreview(articleId: string): Promise<string> {
  const [article, sections] = await Promise.all([
    api['articles.get']({ id: articleId }),
    api['sections.list']({}),
  ]);
  const ids = new Set<string>();
  if (article.leadImage) ids.add(article.leadImage.imageId);
  for (const i of inlineImagesOf(article.body)) if (i.imageId) ids.add(i.imageId);
  const images = new Map<string, SnapshotImage>();
  const urls = new Map<string, string>();
  await Promise.all(
    [...ids].map(async (id) => {
      try {
        const img = await api['images.get']({ id });
        images.set(id, img);
        const r = await api['images.rendition']({ id, size: 'web' });
        urls.set(id, `data:${r.mime};base64,${r.dataBase64}`);
      } catch {
        /* an image missing locally is left out, as the site would */
      }
    }),
  );
  // Loaded on demand: the body renderer and sanitizer stay out of the start-up bundle.
  const { previewPage } = await import('../../src-shared/publish/preview');
  return previewPage({
    article,
    sections: sections.items,
    images,
    imageUrl: (id) => urls.get(id) ?? null,
    stylesheetUrl: new URL(siteCssUrl, document.baseURI).href,
    now: article.publishedAt ?? new Date().toISOString(),
  });
}

export function ArticlePreview({
  articleId,
  flush,
}: {
  articleId: string;
  flush: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    flush()
      .catch(() => undefined)
      .then(() => buildPreview(articleId))
      .then(
        (h) => live && setHtml(h),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [articleId, flush]);

  return (
    <section className="preview" aria-label={t('review.preview.title')}>
      {error && (
        <p role="alert" className="banner banner--error">
          {error}
        </p>
      )}
      {!html && !error && <p className="hint">{t('review.preview.loading')}</p>}
      {html && (
        <iframe
          className="preview__frame"
          title={t('review.preview.title')}
          sandbox="allow-same-origin"
          srcDoc={html}
          data-testid="preview-frame"
        />
      )}
    </section>
  );
}
