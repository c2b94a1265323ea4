/** The status line's buttons that open the workflow's panels: the timeline and the preview. */
import { useTranslation } from 'react-i18next';
import { Eye, EyeOff, ListOrdered } from 'lucide-react';
import type { Workflow } from './useWorkflow';

export function WorkflowToggles({ workflow: w }: { workflow: Workflow }) {
  const { t } = useTranslation();
  const previewOpen = w.panel === 'preview';
  return (
    <>
      <button
        type="button"
        className="button button--quiet status-line__button"
        aria-expanded={w.panel === 'timeline'}
        title={t('review.timeline.show')}
        onClick={() => w.togglePanel('timeline')}
      >
        <ListOrdered aria-hidden size={16} />
        <span className="status-line__label">{t('review.timeline.show')}</span>
      </button>
      <button
        type="button"
        className="button button--quiet status-line__button"
        aria-expanded={previewOpen}
        title={previewOpen ? t('review.preview.hide') : t('review.preview.show')}
        onClick={() => w.togglePanel('preview')}
      >
        {previewOpen ? <EyeOff aria-hidden size={16} /> : <Eye aria-hidden size={16} />}
        <span className="status-line__label">
          {previewOpen ? t('review.preview.hide') : t('review.preview.show')}
        </span>
      </button>
    </>
  );
}
