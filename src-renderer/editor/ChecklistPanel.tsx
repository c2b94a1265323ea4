/** What is still missing before the article can be submitted (the shared checklist). */
import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui';
import type { ArticleChecklist } from './checklist';

const IMAGE_CODES = new Set([
  'lead_image_credit_missing',
  'image_credit_missing',
  'social_image_credit_missing',
]);

export function ChecklistPanel({ checklist }: { checklist: ArticleChecklist }) {
  const { t } = useTranslation();
  const setView = useUi((s) => s.setView);
  const { items, ready } = checklist;
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
          <ul className="checklist__items">
            {items.map((item, i) => (
              <li
                key={`${item.code}-${item.blockId ?? item.imageId ?? ''}-${i}`}
                className="checklist__item"
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
        </>
      )}
    </section>
  );
}
