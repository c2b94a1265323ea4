/**
 * Under the field just decided: what was decided, with Undo (Ctrl+Z right after the decision
 * does the same) and a close button. Stays until the next decision, an undo or a close.
 */
import { useTranslation } from 'react-i18next';
import { Undo2, X } from 'lucide-react';
import { useNameOf } from '../state/userNames';
import './suggestions.css';
import type { FieldDecisionGroup } from './fieldDecisionUndo';

export function FieldDecisionNotice({
  group,
  label,
  onUndo,
  onDismiss,
}: {
  group: FieldDecisionGroup;
  /** The visible name of the field the (first) decision was on. */
  label: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const first = group.decisions[0];
  if (!first) return null;
  const text =
    group.decisions.length === 1
      ? t(`fieldSuggestions.decided.${group.action}`, {
          field: label,
          name: nameOf(first.suggestion.author),
        })
      : t(`fieldSuggestions.decided.${group.action}Many`, { count: group.decisions.length });
  return (
    <div className="field-decision" role="status" data-testid="field-decision">
      <span className="field-decision__text">{text}</span>
      <button
        type="button"
        className="button button--small"
        onClick={onUndo}
        title={t('fieldSuggestions.undoHint')}
      >
        <Undo2 aria-hidden size={14} />
        {t('fieldSuggestions.undo')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('fieldSuggestions.dismiss')}
        title={t('fieldSuggestions.dismiss')}
        onClick={onDismiss}
      >
        <X aria-hidden size={14} />
      </button>
    </div>
  );
}
