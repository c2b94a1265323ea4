/**
 * Review comments of the open article: the list (author by display name, time, text, the anchored
 * paragraph's first words) with the workflow notes of the server's timeline (e.g. the reason for
 * requested changes), and a form to add one, optionally anchored to the current paragraph.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import type { ReviewComment, SyncStatus } from '../../src-shared/api';
import type { TimelineEntry } from '../../src-shared/timeline';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { listBlocks, useCurrentBlock } from './commentBlocks';
import './comments.css';
import { afterStartup } from '../boot/startupGate';
import { UserName } from './UserName';
import { ShortTime } from '../ui/ShortTime';
import type { CommentDraft } from '../suggest/suggestionReply';

interface Entry {
  id: string;
  at: string;
  who: string | null;
  /** A workflow step (request_changes, approve, …) or null for a review comment. */
  action: string | null;
  text: string;
  blockId: string | null;
  pending: boolean;
}

function entries(
  comments: ReviewComment[],
  timeline: TimelineEntry[],
  me: SyncStatus['user'],
): Entry[] {
  const names = new Map(timeline.map((i) => [i.id, i.user?.username ?? null]));
  const out: Entry[] = comments.map((c) => ({
    id: c.id,
    at: c.createdAt,
    who: names.get(`comment:${c.id}`) ?? (me && c.authorId === me.id ? me.username : null),
    action: null,
    text: c.text,
    blockId: c.blockId,
    pending: c.pending,
  }));
  for (const i of timeline) {
    if (i.kind !== 'transition' || !i.text) continue;
    out.push({
      id: i.id,
      at: i.at,
      who: i.user?.username ?? null,
      action: i.action,
      text: i.text,
      blockId: null,
      pending: i.pending,
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function CommentsPanel({
  articleId,
  editor,
  flush,
  draft,
  mayComment = true,
}: {
  articleId: string;
  /**
   * False for someone who is neither a desk chief nor the article's author or assignee: review
   * comments are theirs (`mayReadComments`), so the panel says so instead of offering a form
   * whose comment the server would refuse.
   */
  mayComment?: boolean;
  editor: LexicalEditor | null;
  /** Saves the editor's pending changes (so a new paragraph's id is known to the core). */
  flush: () => Promise<void>;
  /** A comment to start from (a reply to a suggestion); each new nonce replaces the form's text. */
  draft?: CommentDraft | null;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [me, setMe] = useState<SyncStatus['user']>(null);
  const [text, setText] = useState('');
  const [anchored, setAnchored] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const current = useCurrentBlock(editor);
  const textArea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!draft) return;
    setText(draft.text);
    setAnchored(draft.blockId !== null);
    setChosen(draft.blockId);
    const area = textArea.current;
    if (!area) return;
    area.scrollIntoView({ block: 'nearest' });
    area.focus();
    area.setSelectionRange(draft.text.length, draft.text.length);
  }, [draft]);

  useEffect(() => {
    let live = true;
    const cancel = afterStartup(() => {
      api['comments.list']({ articleId }).then(
        (r) => live && setComments(r.items),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
      api['articles.timeline']({ id: articleId }).then(
        (r) => live && setTimeline(r.items),
        () => undefined,
      );
      api['sync.status']({}).then(
        (s) => live && setMe(s.user),
        () => undefined,
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [articleId, tick]);
  useCoreEvents((e) => {
    if (e.type === 'comments.updated' && e.articleId === articleId) setTick((n) => n + 1);
    if (e.type === 'sync.status' && e.status.state === 'idle') setTick((n) => n + 1);
  });

  const blocks = anchored ? listBlocks(editor) : [];
  const blockId = anchored ? (chosen ?? current) : null;
  const wordsOf = (id: string) => listBlocks(editor).find((b) => b.id === id)?.words;

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await flush();
      await api['comments.add']({ articleId, text, ...(blockId ? { blockId } : {}) });
      setText('');
      setAnchored(false);
      setChosen(null);
      setTick((n) => n + 1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const list = entries(comments, timeline, me);
  if (!mayComment) {
    return (
      <section className="comments" aria-label={t('comments.title')}>
        <h3>{t('comments.title')}</h3>
        <p className="hint" data-testid="comments-not-yours">
          {t('comments.notYours')}
        </p>
      </section>
    );
  }
  return (
    <section className="comments" aria-label={t('comments.title')}>
      <h3>{t('comments.title')}</h3>
      {list.length === 0 && <p className="hint">{t('comments.empty')}</p>}
      {list.length > 0 && (
        <ol className="comments__list">
          {list.map((c) => {
            const words = c.blockId ? wordsOf(c.blockId) : undefined;
            return (
              <li key={c.id} className="comments__item" data-testid="comment">
                {c.who ? <UserName username={c.who} /> : <strong>{t('comments.someone')}</strong>}{' '}
                {c.action && (
                  <span>
                    {t(`comments.transition.${c.action}`, {
                      defaultValue: t('comments.transition.other'),
                    })}{' '}
                  </span>
                )}
                <ShortTime iso={c.at} />
                {c.pending && <em> ({t('comments.pending')})</em>}
                {c.blockId && (
                  <span className="comments__anchor">
                    {' '}
                    {words ? t('comments.on', { words }) : t('comments.removedBlock')}
                  </span>
                )}
                <blockquote>{c.text}</blockquote>
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="comments__form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label htmlFor={`${formId}-text`}>{t('comments.label')}</label>
        <textarea
          id={`${formId}-text`}
          name="comment"
          ref={textArea}
          value={text}
          maxLength={5000}
          rows={3}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="comments__anchor-toggle">
          <input
            type="checkbox"
            checked={anchored}
            onChange={(e) => setAnchored(e.target.checked)}
          />{' '}
          {t('comments.anchor')}
        </label>
        {anchored && (
          <>
            <label htmlFor={`${formId}-block`}>{t('comments.paragraph')}</label>
            <select
              id={`${formId}-block`}
              value={blockId ?? ''}
              onChange={(e) => setChosen(e.target.value || null)}
            >
              <option value="">{t('comments.noParagraph')}</option>
              {blocks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.words}
                </option>
              ))}
            </select>
          </>
        )}
        {error && (
          <p role="alert" className="banner banner--error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || text.trim() === ''}>
          {busy ? t('comments.adding') : t('comments.add')}
        </button>
      </form>
    </section>
  );
}
