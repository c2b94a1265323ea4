/** A text field with a character count against a soft limit (over the limit is shown, not blocked). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function CountedField({
  label,
  value,
  limit,
  maxLength,
  wraps,
  rows = 1,
  onEnter,
  onChange,
  onBlur,
  onFocus,
  name,
  placeholder,
}: {
  label: string;
  value: string;
  limit: number;
  maxLength: number;
  /**
   * Text without line breaks that wraps on screen (a headline, a teaser): Enter adds none, and
   * pasted line breaks become spaces.
   */
  wraps?: boolean;
  /** The height of a `wraps` field, in lines. */
  rows?: number;
  /** A one-line field's plain Enter (not while composing): go on to the next field, say. */
  onEnter?: () => void;
  onChange: (value: string) => void;
  onBlur: () => void;
  onFocus?: () => void;
  name: string;
  /** Shown while empty: what is used instead (a default). */
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const countId = useId();
  const count = [...value].length;
  const over = count - limit;
  const common = {
    id,
    name,
    value,
    maxLength,
    placeholder,
    onBlur,
    onFocus,
    'aria-describedby': countId,
    spellCheck: true,
  };
  return (
    <div className={`field field--${name}`}>
      <label htmlFor={id}>{label}</label>
      {wraps ? (
        <textarea
          {...common}
          rows={rows}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
            e.preventDefault();
            if (!e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) onEnter?.();
          }}
          onChange={(e) => onChange(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
        />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <span
        id={countId}
        className={`field__count${over > 0 ? ' field__count--over' : ''}`}
        data-testid={`${name}-count`}
      >
        {over > 0
          ? t('editor.countOver', { count, limit, over })
          : t('editor.count', { count, limit })}
      </span>
    </div>
  );
}
