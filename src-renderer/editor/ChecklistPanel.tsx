/**
 * What is still missing before the article's next step (the shared checklist), and what should
 * be fixed but does not block (warnings: images without alt text). The title names that step:
 * submitting a draft, approving, publishing, or a correction of a published article.
 */
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../src-shared/model';
import { TRANSITIONS } from '../../src-shared/workflow';
import { useUi } from '../state/ui';
import type { ArticleChecklist, ChecklistMessage } from './checklist';

const IMAGE_CODES = new Set([
  'lead_image_credit_missing',
  'image_credit_missing',
  'lead_image_alt_missing',
  'image_alt_missing',
  'social_image_credit_missing',
]);

function ChecklistItems({
  items,
  className,
}: {
  items: readonly ChecklistMessage[];
  className: string;
}) {
  const { t } = useTranslation();
  const setView = useUi((s) => s.setView);
  return (
    <ul className="checklist__items">
      {items.map((item, i) => (
        <li
          key={`${item.code}-${item.blockId ?? item.imageId ?? ''}-${i}`}
          className={className}
          data-code={item.code}
        >
          <span>{item.text}</span>
          {IMAGE_CODES.has(item.code) && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => setView('images')}>
                {t('articleImages.fixInLibrary')}
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The step the checklist guards from this status ('submit' for a draft). */
export function checklistStep(status: ArticleStatus): string {
  return TRANSITIONS.find((r) => r.needsChecklist && r.from.includes(status))?.name ?? 'submit';
}

export function ChecklistPanel({
  checklist,
  status,
}: {
  checklist: ArticleChecklist;
  status: ArticleStatus;
}) {
  const { t } = useTranslation();
  const { items, warnings, ready } = checklist;
  const step = checklistStep(status);
  // i18next's context: `title_approve`, falling back to `title` (submit) where there is none.
  const context = step === 'submit' ? undefined : step;
  const title = t('articleImages.checklist.title', { context });
  return (
    <section
      className={`checklist${items.length === 0 ? ' checklist--ok' : ''}`}
      aria-label={title}
      data-testid="article-checklist"
      tabIndex={-1}
    >
      <h2 className="checklist__title">{title}</h2>
      {!ready ? (
        <p className="hint">{t('articleImages.checklist.checking')}</p>
      ) : items.length === 0 ? (
        <p className="checklist__ok">{t('articleImages.checklist.ok')}</p>
      ) : (
        <>
          <p className="hint">{t('articleImages.checklist.blocked', { context })}</p>
          <ChecklistItems items={items} className="checklist__item" />
        </>
      )}
      {ready && warnings.length > 0 && (
        <div className="checklist__warnings" data-testid="checklist-warnings">
          <p className="hint">{t('articleImages.checklist.warnings')}</p>
          <ChecklistItems items={warnings} className="checklist__item checklist__item--warning" />
        </div>
      )}
    </section>
  );
}
