/**
 * What the workflow shows under the editor's status line: the comment a chief writes to request
 * changes, the publish confirmation, the outcome of the last step, and the timeline or preview
 * panel. The list of missing items is visually hidden here (the details panel shows it); it
 * describes the disabled "Submit for review".
 */
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmStep } from './ConfirmStep';
import type { Workflow } from './useWorkflow';
import './review.css';
import { lazyNamed } from '../ui/lazyNamed';

// Panels opened on demand: loaded when first opened.
const ArticlePreview = lazyNamed(() => import('./ArticlePreview'), 'ArticlePreview');
const Timeline = lazyNamed(() => import('./Timeline'), 'Timeline');

export function WorkflowPanels({ workflow: w }: { workflow: Workflow }) {
  const { t } = useTranslation();
  const { article, confirming } = w;
  const missing = w.checklist.items;
  const message = w.message && w.message.status === article.status ? w.message : null;
  const shown = w.needsComment || message !== null || w.panel !== 'none';
  return (
    <>
      {w.offered.some((r) => r.needsChecklist) && missing.length > 0 && (
        <div id={w.ids.missing} className="workflow__missing" data-testid="checklist-missing">
          <p>{t('review.missingTitle')}</p>
          <ul>
            {missing.map((m, i) => (
              <li key={`${m.code}-${m.blockId ?? m.imageId ?? ''}-${i}`}>{m.text}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="workflow" hidden={!shown}>
        {w.needsComment && (
          <div className="field workflow__comment">
            <label htmlFor={w.ids.comment}>{t('review.comment')}</label>
            <textarea
              id={w.ids.comment}
              value={w.comment}
              maxLength={5000}
              rows={2}
              aria-describedby={w.commentMissing ? w.ids.commentHint : undefined}
              onChange={(e) => w.setComment(e.target.value)}
            />
            {w.commentMissing && (
              <p id={w.ids.commentHint} className="hint">
                {t('review.commentRequired')}
              </p>
            )}
          </div>
        )}
        {message && (
          <p
            role={message.tone === 'error' ? 'alert' : 'status'}
            className={`workflow__message workflow__message--${message.tone}`}
          >
            {message.text}
          </p>
        )}
        <Suspense fallback={null}>
          {w.panel === 'timeline' && <Timeline articleId={article.id} status={article.status} />}
          {w.panel === 'preview' && <ArticlePreview articleId={article.id} flush={w.flush} />}
        </Suspense>
      </div>
      {confirming && (
        <ConfirmStep
          step={confirming.name as 'publish' | 'correct' | 'unpublish'}
          article={article}
          onCancel={() => w.setConfirming(null)}
          onConfirm={(choice) => {
            w.setConfirming(null);
            if (choice.kind === 'now') void w.run(confirming);
            else void w.schedule(choice.kind === 'schedule' ? choice.at : null);
          }}
        />
      )}
    </>
  );
}
