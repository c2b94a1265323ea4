/** The status line's checklist summary: how many items are missing; opens the list. */
import { useTranslation } from 'react-i18next';
import { CircleAlert, Check } from 'lucide-react';
import type { ArticleChecklist } from './checklist';

export function MissingCount({
  checklist,
  onOpen,
}: {
  checklist: ArticleChecklist;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  if (!checklist.ready) return null;
  const count = checklist.items.length;
  const warnings = checklist.warnings.length;
  return (
    <button
      type="button"
      className={`status-chip status-chip--${count > 0 ? 'missing' : 'ok'}`}
      data-testid="missing-count"
      title={[
        count > 0 ? t('layout.missing', { count }) : t('layout.complete'),
        warnings > 0 && t('layout.warnings', { count: warnings }),
      ]
        .filter(Boolean)
        .join(' · ')}
      onClick={onOpen}
    >
      {count > 0 ? <CircleAlert aria-hidden size={16} /> : <Check aria-hidden size={16} />}
      {count > 0 ? (
        <>
          {/* Where the line is very tight only the count shows; the words stay for screen
              readers and in the title. */}
          <span className="status-chip__text">{t('layout.missing', { count })}</span>
          <span className="status-chip__count" data-count={count} aria-hidden />
        </>
      ) : (
        // Where the line is tight only the tick shows; the name stays for screen readers.
        <span className="status-line__label">{t('layout.complete')}</span>
      )}
      {warnings > 0 && (
        <span className="status-chip__warnings">
          {' · '}
          {t('layout.warnings', { count: warnings })}
        </span>
      )}
    </button>
  );
}
