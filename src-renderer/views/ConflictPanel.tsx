/**
 * The sync conflicts of the open article: field conflicts and body conflict
 * regions with both versions, their differences marked word by word, and "Keep mine" /
 * "Keep theirs"; changes the server refused with
 * its reason, the user's text to copy and "Restore my version".
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../src-shared/api';
import { bodyPlainText } from '../../src-shared/richtext/plainText';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { errorText, serverCodeText } from '../i18n/errors';
import { diffWords } from '../../src-shared/text/wordDiff';
import { DiffText } from '../compare/DiffText';
import './conflicts.css';
import { afterStartup } from '../boot/startupGate';
import { SuggestedText, holdsSuggestions, suggestedSegments } from '../suggest/SuggestedText';
import { useNameOf } from '../state/userNames';

/** Plain text of a conflict side: a string, blocks of a body region, a body, or a value. */
export function conflictText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.join(', ');
    if (value.every((v) => typeof (v as { url?: unknown } | null)?.url === 'string'))
      return value.map((v) => conflictText(v)).join(', ');
    return value
      .map((block) => bodyPlainText({ root: { type: 'root', children: [block] } }))
      .join('\n\n');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.root && typeof o.root === 'object') return bodyPlainText(o);
    if (typeof o.url === 'string') return o.url;
    if (typeof o.caption === 'string') return o.caption;
  }
  return JSON.stringify(value);
}

/** The user's text in a refused mutation's arguments. */
export function rejectedText(args: unknown): string {
  if (Array.isArray(args))
    return args
      .map((m) => rejectedText((m as { args?: unknown } | null)?.args))
      .filter(Boolean)
      .join('\n\n');
  const a = (args ?? {}) as Record<string, unknown>;
  if (a.body) return conflictText(a.body);
  if (a.values && typeof a.values === 'object')
    return Object.values(a.values as Record<string, unknown>)
      .map(conflictText)
      .filter(Boolean)
      .join('\n\n');
  if (typeof a.tag === 'string') return a.tag;
  if (typeof a.comment === 'string') return a.comment;
  return '';
}

const RESTORABLE = new Set([
  'article.setFields',
  'article.setBody',
  'article.addTag',
  'article.removeTag',
]);

/**
 * Mine and theirs side by side, each marking what only it has: words only in mine as
 * insertions, words only in theirs as deletions (keeping mine turns theirs into mine).
 */
export function ConflictSides({
  mine,
  theirs,
  className,
  sideLabels,
}: {
  mine: string;
  theirs: string;
  className: string;
  sideLabels?: { mine: string; theirs: string };
}) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffWords(theirs, mine), [mine, theirs]);
  const labels = { ins: t('conflicts.onlyMine'), del: t('conflicts.onlyTheirs') };
  return (
    <div className={className}>
      <div className="conflict-panel__side">
        <span className="conflict-panel__label">{sideLabels?.mine ?? t('conflicts.mine')}</span>
        <p className="conflict-panel__text">
          {mine ? <DiffText parts={parts} labels={labels} show="after" /> : t('conflicts.empty')}
        </p>
      </div>
      <div className="conflict-panel__side">
        <span className="conflict-panel__label">{sideLabels?.theirs ?? t('conflicts.theirs')}</span>
        <p className="conflict-panel__text">
          {theirs ? <DiffText parts={parts} labels={labels} show="before" /> : t('conflicts.empty')}
        </p>
      </div>
    </div>
  );
}

/**
 * Body sides that hold suggestions: the full text of each with its suggestions marked (plain
 * text would leave suggested insertions out, and a conflict must never hide a suggestion).
 */
function SuggestionSides({ mine, theirs }: { mine: unknown; theirs: unknown }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  return (
    <>
      <p className="hint">{t('suggestionList.inConflict')}</p>
      <div className="conflict-panel__sides" data-testid="conflict-suggestions">
        {(
          [
            ['mine', mine],
            ['theirs', theirs],
          ] as const
        ).map(([side, value]) => (
          <div key={side} className="conflict-panel__side">
            <span className="conflict-panel__label">{t(`conflicts.${side}`)}</span>
            <p className="conflict-panel__text">
              {suggestedSegments(value).length > 0 ? (
                <SuggestedText value={value} nameOf={nameOf} />
              ) : (
                t('conflicts.empty')
              )}
            </p>
          </div>
        ))}
      </div>
    </>
  );
}

function Side({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div className="conflict-panel__side">
      <span className="conflict-panel__label">{label}</span>
      <p className="conflict-panel__text">{text || t('conflicts.empty')}</p>
    </div>
  );
}

export function ConflictPanel({
  articleId,
  beforeResolve,
  onResolved,
  editable,
}: {
  articleId: string;
  /**
   * Whether the user may edit the article now. A refused change re-sent while it is read only
   * for them (in review, say) would only be refused again: "Restore my version" waits.
   */
  editable: boolean;
  /** Stores the editor's pending changes first (resolution works on the stored article). */
  beforeResolve: () => Promise<void>;
  /** The stored article changed: reload it into the editor. */
  onResolved: (conflict: SyncConflict) => void;
}) {
  const { t } = useTranslation();
  const [items, setItems] = useState<SyncConflict[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api['sync.conflicts']({ entityId: articleId }).then(
      (r) => setItems(r.items),
      () => undefined,
    );
  }, [articleId]);
  useEffect(() => afterStartup(refresh), [refresh]);
  useCoreEvents((e) => {
    if (e.type === 'article.updated' && e.id === articleId) refresh();
    else if (e.type === 'sync.status' && e.status.state === 'idle') refresh();
  });

  if (items.length === 0) return null;

  const resolve = async (c: SyncConflict, keep: 'mine' | 'theirs') => {
    setBusy(true);
    setError(null);
    try {
      await beforeResolve();
      await api['sync.resolveConflict']({ id: c.id, keep });
      setItems((list) => list.filter((x) => x.id !== c.id));
      onResolved(c);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const copy = async (c: SyncConflict) => {
    try {
      await navigator.clipboard.writeText(rejectedText(c.mine));
      setCopied(c.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section
      className="conflict-panel"
      aria-label={t('conflicts.panelTitle')}
      data-testid="conflict-panel"
    >
      <h2>{t('conflicts.panelTitle')}</h2>
      {error && (
        <p role="alert" className="banner banner--error">
          {error}
        </p>
      )}
      <ul>
        {items.map((c) => (
          <li
            key={c.id}
            className={`conflict-panel__item conflict-panel__item--${c.kind}`}
            data-conflict-kind={c.kind}
          >
            {c.kind === 'field' || c.kind === 'body' ? (
              <>
                <p>
                  {c.kind === 'field'
                    ? t('conflicts.field', {
                        field: t(`conflicts.fields.${c.field}`, { defaultValue: c.field }),
                      })
                    : t('conflicts.body')}
                </p>
                {c.kind === 'body' && (holdsSuggestions(c.mine) || holdsSuggestions(c.theirs)) ? (
                  <SuggestionSides mine={c.mine} theirs={c.theirs} />
                ) : (
                  <ConflictSides
                    className="conflict-panel__sides"
                    mine={conflictText(c.mine)}
                    theirs={conflictText(c.theirs)}
                  />
                )}
                <button type="button" disabled={busy} onClick={() => void resolve(c, 'mine')}>
                  {t('conflicts.keepMine')}
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => void resolve(c, 'theirs')}>
                  {t('conflicts.keepTheirs')}
                </button>
              </>
            ) : (
              <>
                <p>
                  {t(c.kind === 'rejected' ? 'conflicts.rejected' : 'conflicts.revoked', {
                    reason: serverCodeText(t, c.code),
                  })}
                </p>
                <Side label={t('conflicts.mine')} text={rejectedText(c.mine)} />
                <button type="button" onClick={() => void copy(c)}>
                  {t('conflicts.copyMine')}
                </button>{' '}
                {c.kind === 'rejected' && RESTORABLE.has(c.field) && editable && (
                  <button type="button" disabled={busy} onClick={() => void resolve(c, 'mine')}>
                    {t('conflicts.restoreMine')}
                  </button>
                )}{' '}
                <button type="button" disabled={busy} onClick={() => void resolve(c, 'theirs')}>
                  {t('conflicts.dismiss')}
                </button>
                {copied === c.id && <span className="hint"> {t('conflicts.copied')}</span>}
                {c.kind === 'rejected' && RESTORABLE.has(c.field) && !editable && (
                  <p className="hint">{t('conflicts.restoreLater')}</p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
