/**
 * Revision history of one article: each revision with its time and author, and for the chosen
 * one what changed (word by word, against the current version or the revision before it) or its
 * text as a read-only preview (the shared, sanitized HTML renderer, loaded on demand), with
 * restore beside it, which the core writes as a new revision so nothing is lost.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Article, Revision } from '../../src-shared/model';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { formatDateTime } from '../i18n/format';
import { errorText } from '../i18n/errors';
import { useNameOf } from '../state/userNames';
import { ArticleCompare } from '../compare/ArticleCompare';
import { compareArticles, type ArticleComparison } from '../compare/compareArticles';

type Mode = 'current' | 'previous' | 'text';
const MODES: readonly Mode[] = ['current', 'previous', 'text'];

interface Shown {
  revision: Revision;
  mode: Mode;
  headline: string;
  comparison: ArticleComparison | null;
  html: string | null;
  error: string | null;
}

type FullRevision = Awaited<ReturnType<(typeof api)['revisions.get']>>;

async function renderText(full: FullRevision): Promise<Pick<Shown, 'html' | 'error'>> {
  try {
    // Sanitized by construction and by an allowlist pass (src-shared/richtext/html.ts).
    const { renderBodyHtml } = await import('../../src-shared/richtext/html');
    return { html: renderBodyHtml(full.body), error: null };
  } catch (e) {
    return { html: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The reason stored with a revision, in the UI language ('restored revision 3' included). */
export function reasonText(t: TFunction, reason: string): string {
  const restored = /^restored revision (\d+)$/.exec(reason);
  if (restored) return t('editor.revisions.reason.restored', { revision: Number(restored[1]) });
  if (reason === 'created' || reason === 'saved' || reason === 'synced')
    return t(`editor.revisions.reason.${reason}`);
  return reason;
}

export function RevisionHistory({
  articleId,
  beforeRestore,
  onRestored,
  onClose,
  canRestore,
}: {
  articleId: string;
  /**
   * False while the article is read only for the user: a restore would be a change the server
   * refuses (in review) or one into the trash. Comparing and previewing stay.
   */
  canRestore: boolean;
  /** Stores the editor's pending changes (the compare and restore work on the stored article). */
  beforeRestore: () => Promise<void>;
  onRestored: (article: Article) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const [items, setItems] = useState<Revision[] | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useCoreEvents((e) => e.type === 'article.updated' && e.id === articleId && setTick((n) => n + 1));

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api['revisions.list']({ articleId })
        .then((r) => live && setItems(r.items))
        .catch((e: unknown) => live && setError(errorText(t, e)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [articleId, tick, t]);

  const show = async (revision: Revision, mode: Mode) => {
    setError(null);
    try {
      const full = await api['revisions.get']({ id: revision.id });
      const headline = typeof full.fields.headline === 'string' ? full.fields.headline : '';
      const base = { revision, mode, headline, comparison: null, html: null, error: null };
      if (mode === 'text') {
        setShown({ ...base, ...(await renderText(full)) });
        return;
      }
      let comparison: ArticleComparison;
      if (mode === 'current') {
        await beforeRestore().catch(() => undefined);
        const current = await api['articles.get']({ id: articleId });
        comparison = compareArticles(full, { fields: { ...current }, body: current.body });
      } else {
        const index = items?.findIndex((r) => r.id === revision.id) ?? -1;
        const older = index >= 0 ? items?.[index + 1] : undefined;
        const before = older
          ? await api['revisions.get']({ id: older.id })
          : { fields: {}, body: null };
        comparison = compareArticles(before, full);
      }
      setShown({ ...base, comparison });
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const restore = async (revision: Revision) => {
    setBusy(true);
    setError(null);
    try {
      await beforeRestore().catch(() => undefined);
      const article = await api['revisions.restore']({ id: revision.id });
      onRestored(article);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  const time = (iso: string) =>
    formatDateTime(iso, i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <aside className="revisions" aria-label={t('editor.revisions.title')}>
      <header className="revisions__bar">
        <h2>{t('editor.revisions.title')}</h2>
        <button type="button" className="button" onClick={onClose}>
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
              aria-current={shown?.revision.id === r.id || undefined}
              onClick={() => void show(r, shown?.mode ?? 'current')}
            >
              <span className="revisions__name">
                {t('editor.revisions.item', { revision: r.revision })}
              </span>
              <time dateTime={r.createdAt}>{time(r.createdAt)}</time>
              <span
                className="revisions__author"
                title={r.author && nameOf(r.author) !== r.author ? r.author : undefined}
              >
                {r.author
                  ? t('editor.revisions.by', { name: nameOf(r.author) })
                  : t('editor.revisions.unknownAuthor')}
              </span>
              <span className="revisions__reason">{reasonText(t, r.reason)}</span>
            </button>
          </li>
        ))}
      </ol>
      {shown && (
        <section
          className="revisions__preview"
          aria-label={t('editor.revisions.preview', { revision: shown.revision.revision })}
        >
          <div
            className="revisions__modes"
            role="group"
            aria-label={t('editor.revisions.modes', { revision: shown.revision.revision })}
          >
            {MODES.map((mode) => (
              <button
                key={mode}
                type="button"
                className="button"
                aria-pressed={shown.mode === mode}
                onClick={() => void show(shown.revision, mode)}
              >
                {t(`editor.revisions.mode.${mode}`)}
              </button>
            ))}
          </div>
          {shown.comparison ? (
            <>
              <p className="hint">
                {t(`editor.revisions.compareHint.${shown.mode}`, {
                  revision: shown.revision.revision,
                })}
              </p>
              <ArticleCompare comparison={shown.comparison} />
            </>
          ) : (
            <>
              {shown.headline && <h3 className="revisions__headline">{shown.headline}</h3>}
              {shown.error ? (
                <p role="alert" className="field__error">
                  {t('editor.revisions.previewError', { message: shown.error })}
                </p>
              ) : (
                <div
                  className="revisions__html"
                  dangerouslySetInnerHTML={{ __html: shown.html ?? '' }}
                />
              )}
            </>
          )}
          {canRestore ? (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void restore(shown.revision)}
            >
              {t('editor.revisions.restore', { revision: shown.revision.revision })}
            </button>
          ) : (
            <p className="hint">{t('editor.revisions.restoreLater')}</p>
          )}
        </section>
      )}
    </aside>
  );
}
