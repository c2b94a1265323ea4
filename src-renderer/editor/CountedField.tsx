/** A text field with a character count against a soft limit (over the limit is shown, not blocked). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function CountedField({
  label,
  value,
  limit,
  maxLength,
  multiline,
  wraps,
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
  multiline?: boolean;
  /** One line of text that wraps on screen (a headline): Enter adds no line break. */
  wraps?: boolean;
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
          rows={1}
          onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && e.preventDefault()}
          onChange={(e) => onChange(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
        />
      ) : multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
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
