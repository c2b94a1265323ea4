/**
 * Asks before a workflow step that changes the public site: publish and correct show a short
 * summary of what goes out (headline, section, lead image with its credit); unpublish asks with
 * a danger button. A native modal <dialog>: focus moves in, Esc cancels.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import type { TransitionName } from '../../src-shared/workflow';
import { useImageRecord } from '../editor/images/records';
import { useSections } from '../state/sections';

/** The steps that ask first. */
export const CONFIRMED_STEPS: ReadonlySet<TransitionName> = new Set([
  'publish',
  'correct',
  'unpublish',
]);

export function ConfirmStep({
  step,
  article,
  onConfirm,
  onCancel,
}: {
  step: 'publish' | 'correct' | 'unpublish';
  article: Article;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const sections = useSections();
  const image = useImageRecord(article.leadImage?.imageId ?? null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const section = sections.find((s) => s.slug === article.section)?.name ?? article.section;
  const danger = step === 'unpublish';
  return (
    <dialog
      ref={ref}
      className="confirm-step"
      aria-labelledby={titleId}
      data-testid="confirm-step"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{t(`state.confirm.${step}.title`)}</h2>
      {danger ? (
        <p>{t('state.confirm.unpublish.text')}</p>
      ) : (
        <dl className="confirm-step__summary">
          <dt>{t('state.confirm.publish.headline')}</dt>
          <dd>{article.headline}</dd>
          <dt>{t('state.confirm.publish.section')}</dt>
          <dd>{section ?? t('state.confirm.publish.noSection')}</dd>
          <dt>{t('state.confirm.publish.leadImage')}</dt>
          <dd>
            {article.leadImage ? (
              <>
                {article.leadImage.caption || image?.caption || image?.fileName}
                {image?.credit && (
                  <>
                    {' — '}
                    {t('state.confirm.publish.credit', { credit: image.credit })}
                  </>
                )}
              </>
            ) : (
              t('state.confirm.publish.noLeadImage')
            )}
          </dd>
        </dl>
      )}
      <div className="confirm-step__buttons">
        <button type="button" className="btn btn-secondary" autoFocus onClick={onCancel}>
          {t('state.confirm.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          onClick={onConfirm}
        >
          {t(`state.confirm.${step}.confirm`)}
        </button>
      </div>
    </dialog>
  );
}
