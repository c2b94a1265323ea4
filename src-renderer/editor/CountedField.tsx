/** A text field with a character count against a soft limit (over the limit is shown, not blocked). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function CountedField({
  label,
  value,
  limit,
  maxLength,
  multiline,
  onChange,
  onBlur,
  name,
}: {
  label: string;
  value: string;
  limit: number;
  maxLength: number;
  multiline?: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
  name: string;
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
    onBlur,
    'aria-describedby': countId,
    spellCheck: true,
  };
  return (
    <div className={`field field--${name}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
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
