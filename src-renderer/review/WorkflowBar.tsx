/**
 * The workflow strip of the article editor: status, "Submit for review" (disabled with the list
 * of what is missing), and for desk chiefs approve / request changes (comment required) /
 * publish / unpublish / correct. Every step goes through articles.transition.
 */
import { Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import type { TransitionRule } from '../../src-shared/workflow';
import { api } from '../api/transport';
import './review.css';
import { ACTION_KEYS, explainFailure, offeredTransitions } from './transitions';
import type { ArticleChecklist } from '../editor/checklist';
import { useCurrentUser } from './useRole';
import { useStoredArticle } from './useStoredArticle';
import { ConfirmStep, CONFIRMED_STEPS } from './ConfirmStep';
import { stepButtonClass, stepQueued } from './stepOutcome';
import { errorText } from '../i18n/errors';
import { formatNewsroomTime } from '../i18n/format';
import { DEFAULT_NEWSROOM_TIME_ZONE } from '../../src-shared/time/newsroomTime';
import { lazyNamed } from '../ui/lazyNamed';

// Panels opened on demand: loaded when first opened.
const ArticlePreview = lazyNamed(() => import('./ArticlePreview'), 'ArticlePreview');
const Timeline = lazyNamed(() => import('./Timeline'), 'Timeline');

interface Props {
  article: Article;
  /** The editor's live checklist (follows typing and image credits). */
  checklist: ArticleChecklist;
  /** Saves what the editor holds before a step is taken or previewed. */
  flush: () => Promise<void>;
}

/** `status`: the article's status it was said for (a later change of status hides it). */
type Message = { tone: 'ok' | 'error'; text: string; status: Article['status'] };

export function WorkflowBar({ article: initial, checklist, flush }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, DEFAULT_NEWSROOM_TIME_ZONE);
  const user = useCurrentUser();
  const [article, setArticle] = useStoredArticle(initial);
  const missing = checklist.items;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [panel, setPanel] = useState<'none' | 'timeline' | 'preview'>('none');
  const [confirming, setConfirming] = useState<TransitionRule | null>(null);
  const missingId = useId();
  const commentId = useId();
  const commentHintId = useId();
  const statusRef = useRef<HTMLSpanElement>(null);

  const offered = offeredTransitions(article.status, user.chief);
  const needsComment = offered.some((r) => r.name === 'request_changes');
  const commentMissing = comment.trim() === '';

  const run = async (rule: TransitionRule) => {
    const action = t(ACTION_KEYS[rule.name]);
    setBusy(rule.name);
    setMessage(null);
    try {
      await flush();
      const text = rule.name === 'request_changes' ? comment.trim() : undefined;
      const a = await api['articles.transition']({
        id: article.id,
        to: rule.to,
        ...(text ? { comment: text } : {}),
      });
      setArticle(a);
      if (rule.name === 'request_changes') setComment('');
      const queued = stepQueued(rule, await api['sync.status']({}).catch(() => null));
      setMessage({
        tone: 'ok',
        text: queued ? t(`state.queued.${queued}`) : t(`review.done.${rule.name}`),
        status: a.status,
      });
      // The clicked button may be gone in the new state: the cursor goes to the new status.
      statusRef.current?.focus();
    } catch (e) {
      const f = explainFailure(rule, e);
      setMessage({
        tone: 'error',
        status: article.status,
        text:
          f.kind === 'needsServer'
            ? t('review.needsServer', { action })
            : t('review.failed', { action, message: errorText(t, e) }),
      });
    } finally {
      setBusy(null);
    }
  };

  const schedule = async (at: string | null) => {
    setBusy('schedule');
    setMessage(null);
    try {
      await flush();
      const a = await api['articles.schedule']({ id: article.id, at });
      setArticle(a);
      setMessage({
        tone: 'ok',
        status: a.status,
        text: a.scheduledAt
          ? t('review.scheduledFor', { time: when(a.scheduledAt) })
          : t('review.unscheduled'),
      });
    } catch (e) {
      setMessage({ tone: 'error', status: article.status, text: errorText(t, e) });
    } finally {
      setBusy(null);
    }
  };

  const disabledFor = (rule: TransitionRule): boolean =>
    busy !== null ||
    (rule.needsChecklist && (missing.length > 0 || !checklist.ready)) ||
    (rule.name === 'request_changes' && commentMissing);

  return (
    <section className="workflow" aria-label={t('review.workflow')}>
      <div className="workflow__bar">
        <span
          ref={statusRef}
          tabIndex={-1}
          className={`workflow__status workflow__status--${article.status}`}
        >
          {t('review.status.label')}:{' '}
          <strong data-testid="workflow-status">{t(`review.status.${article.status}`)}</strong>
          {article.scheduledAt && (
            <span className="workflow__when" data-testid="workflow-scheduled">
              {' · '}
              {t('review.scheduledFor', { time: when(article.scheduledAt) })}
            </span>
          )}
          {article.embargoUntil && (
            <span className="workflow__when" data-testid="workflow-embargo">
              {' · '}
              {t('review.embargoUntil', { time: when(article.embargoUntil) })}
            </span>
          )}
        </span>
        {offered.map((rule) => (
          <button
            key={rule.name}
            type="button"
            className={stepButtonClass(rule.name)}
            disabled={disabledFor(rule)}
            aria-describedby={
              rule.name === 'request_changes' && commentMissing
                ? commentHintId
                : rule.needsChecklist && missing.length > 0
                  ? missingId
                  : undefined
            }
            onClick={() => (CONFIRMED_STEPS.has(rule.name) ? setConfirming(rule) : void run(rule))}
          >
            {t(ACTION_KEYS[rule.name])}
          </button>
        ))}
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={panel === 'timeline'}
          onClick={() => setPanel((p) => (p === 'timeline' ? 'none' : 'timeline'))}
        >
          {t('review.timeline.show')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={panel === 'preview'}
          onClick={() => setPanel((p) => (p === 'preview' ? 'none' : 'preview'))}
        >
          {panel === 'preview' ? t('review.preview.hide') : t('review.preview.show')}
        </button>
      </div>
      {offered.some((r) => r.needsChecklist) && missing.length > 0 && (
        <div id={missingId} className="workflow__missing" data-testid="checklist-missing">
          <p>{t('review.missingTitle')}</p>
          <ul>
            {missing.map((m, i) => (
              <li key={`${m.code}-${m.blockId ?? m.imageId ?? ''}-${i}`}>{m.text}</li>
            ))}
          </ul>
        </div>
      )}
      {needsComment && (
        <div className="field workflow__comment">
          <label htmlFor={commentId}>{t('review.comment')}</label>
          <textarea
            id={commentId}
            value={comment}
            maxLength={5000}
            rows={2}
            aria-describedby={commentMissing ? commentHintId : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {commentMissing && (
            <p id={commentHintId} className="hint">
              {t('review.commentRequired')}
            </p>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmStep
          step={confirming.name as 'publish' | 'correct' | 'unpublish'}
          article={article}
          onCancel={() => setConfirming(null)}
          onConfirm={(choice) => {
            setConfirming(null);
            if (choice.kind === 'now') void run(confirming);
            else void schedule(choice.kind === 'schedule' ? choice.at : null);
          }}
        />
      )}
      {message && message.status === article.status && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`workflow__message workflow__message--${message.tone}`}
        >
          {message.text}
        </p>
      )}
      <Suspense fallback={null}>
        {panel === 'timeline' && <Timeline articleId={article.id} status={article.status} />}
        {panel === 'preview' && <ArticlePreview articleId={article.id} flush={flush} />}
      </Suspense>
    </section>
  );
}
