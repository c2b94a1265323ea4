/**
 * What is still missing before the article can be submitted (the shared checklist), and what
 * should be fixed but does not block (warnings: images without alt text).
 */
import { useTranslation } from 'react-i18next';
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

export function ChecklistPanel({ checklist }: { checklist: ArticleChecklist }) {
  const { t } = useTranslation();
  const { items, warnings, ready } = checklist;
  return (
    <section
      className={`checklist${items.length === 0 ? ' checklist--ok' : ''}`}
      aria-label={t('articleImages.checklist.title')}
      data-testid="article-checklist"
      tabIndex={-1}
    >
      <h2 className="checklist__title">{t('articleImages.checklist.title')}</h2>
      {!ready ? (
        <p className="hint">{t('articleImages.checklist.checking')}</p>
      ) : items.length === 0 ? (
        <p className="checklist__ok">{t('articleImages.checklist.ok')}</p>
      ) : (
        <>
          <p className="hint">{t('articleImages.checklist.blocked')}</p>
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
