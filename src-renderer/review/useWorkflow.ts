/**
 * The state of the editor's workflow: the article's status as stored, the steps offered to this
 * user, the request-changes comment, the open panel (timeline or preview), the step waiting for
 * confirmation and the last outcome. Shared by the strip in the status line (WorkflowStrip,
 * WorkflowToggles) and the panels under it (WorkflowPanels). Every step goes through
 * articles.transition.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import type { TransitionRule } from '../../src-shared/workflow';
import { api } from '../api/transport';
import { ACTION_KEYS, explainFailure, offeredTransitions } from './transitions';
import type { ArticleChecklist } from '../editor/checklist';
import { useCurrentUser } from './useRole';
import { useStoredArticle } from './useStoredArticle';
import { worksOnArticle } from './editLock';
import { stepQueued } from './stepOutcome';
import { errorText } from '../i18n/errors';
import { formatNewsroomTime } from '../i18n/format';
import { useNewsroomZone } from './useNewsroomZone';

/** `status`: the article's status it was said for (a later change of status hides it). */
export type WorkflowMessage = { tone: 'ok' | 'error'; text: string; status: Article['status'] };
export type WorkflowPanel = 'none' | 'timeline' | 'preview';

export interface Workflow {
  article: Article;
  checklist: ArticleChecklist;
  flush: () => Promise<void>;
  offered: TransitionRule[];
  needsComment: boolean;
  comment: string;
  setComment: (text: string) => void;
  commentMissing: boolean;
  busy: string | null;
  message: WorkflowMessage | null;
  panel: WorkflowPanel;
  togglePanel: (panel: Exclude<WorkflowPanel, 'none'>) => void;
  confirming: TransitionRule | null;
  setConfirming: (rule: TransitionRule | null) => void;
  run: (rule: TransitionRule) => Promise<void>;
  schedule: (at: string | null) => Promise<void>;
  disabledFor: (rule: TransitionRule) => boolean;
  /** The element that takes the focus after a step (the clicked button may be gone). */
  statusRef: React.RefObject<HTMLSpanElement | null>;
  ids: { missing: string; comment: string; commentHint: string };
}

export function useWorkflow(
  initial: Article,
  checklist: ArticleChecklist,
  flush: () => Promise<void>,
): Workflow {
  const { t, i18n } = useTranslation();
  const zone = useNewsroomZone();
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, zone);
  const user = useCurrentUser();
  const [article, setArticle] = useStoredArticle(initial);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<WorkflowMessage | null>(null);
  const [panel, setPanel] = useState<WorkflowPanel>('none');
  const [confirming, setConfirming] = useState<TransitionRule | null>(null);
  const ids = { missing: useId(), comment: useId(), commentHint: useId() };
  const statusRef = useRef<HTMLSpanElement>(null);

  // An article in the trash takes no step until it is restored (its banner offers that); one
  // the user neither wrote nor was assigned takes none from them unless they are a desk chief.
  const mayStep = article.deletedAt === null && (user.chief || worksOnArticle(article, user.id));
  const offered = mayStep ? offeredTransitions(article.status, user.chief) : [];
  const needsComment = offered.some((r) => r.name === 'request_changes');
  const commentMissing = comment.trim() === '';
  const missing = checklist.items;

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

  return {
    article,
    checklist,
    flush,
    offered,
    needsComment,
    comment,
    setComment,
    commentMissing,
    busy,
    message,
    panel,
    togglePanel: (p) => setPanel((open) => (open === p ? 'none' : p)),
    confirming,
    setConfirming,
    run,
    schedule,
    disabledFor,
    statusRef,
    ids,
  };
}
