/**
 * Asks before a workflow step that changes the public site: publish and correct show a short
 * summary of what goes out (headline, section, lead image with its credit); unpublish asks with
 * a danger button. A modal dialog: focus starts on Cancel, Esc cancels.
 */
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import type { TransitionName } from '../../src-shared/workflow';
import { useImageRecord } from '../editor/images/records';
import { useSections } from '../state/sections';
import { Modal } from '../ui/Modal';

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
  const sections = useSections();
  const image = useImageRecord(article.leadImage?.imageId ?? null);
  const section = sections.find((s) => s.slug === article.section)?.name ?? article.section;
  const danger = step === 'unpublish';
  return (
    <Modal className="confirm-step" label={t(`state.confirm.${step}.title`)} onClose={onCancel}>
      <h2>{t(`state.confirm.${step}.title`)}</h2>
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
      <div className="modal__actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          {t('state.confirm.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
        >
          {t(`state.confirm.${step}.confirm`)}
        </button>
      </div>
    </Modal>
  );
}
