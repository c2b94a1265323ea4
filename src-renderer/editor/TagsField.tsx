/**
 * Tags: chips plus a combobox with suggestions from the known tags. Enter or comma adds,
 * Backspace in the empty box or a chip's × removes; duplicates are ignored regardless of case.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/transport';

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 80;

export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tag.trim().toLocaleLowerCase();
  return tags.some((t) => t.toLocaleLowerCase() === key);
}

export function TagsField({
  label,
  tags,
  onChange,
  onBlur,
}: {
  label: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const listId = useId();
  const messageId = useId();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [highlight, setHighlight] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const prefix = text.trim();
  useEffect(() => {
    if (!prefix) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api['tags.list']({ prefix, limit: 8 })
        .then((r) => {
          if (!live) return;
          setSuggestions(r.items.map((i) => i.name).filter((name) => !hasTag(tags, name)));
          setHighlight(-1);
        })
        .catch(() => live && setSuggestions([]));
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [prefix, tags]);

  /** Adds each candidate that is new (case-insensitively), valid and within the limit. */
  const addAll = (raws: readonly string[]) => {
    setText('');
    setSuggestions([]);
    const next = [...tags];
    let problem: string | null = null;
    for (const raw of raws) {
      const tag = raw.replace(/\s+/g, ' ').trim();
      if (!tag) continue;
      if (tag.length > MAX_TAG_LENGTH) problem = t('editor.tagsInput.tooLong');
      else if (hasTag(next, tag)) problem = t('editor.tagsInput.duplicate', { tag });
      else if (next.length >= MAX_TAGS) problem = t('editor.tagsInput.full');
      else next.push(tag);
    }
    setMessage(problem);
    if (next.length !== tags.length) onChange(next);
  };
  const add = (raw: string) => addAll([raw]);
  const remove = (index: number) => {
    onChange(tags.filter((_, i) => i !== index));
    input.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(highlight >= 0 && suggestions[highlight] ? suggestions[highlight] : text);
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      e.preventDefault();
      remove(tags.length - 1);
    } else if (e.key === 'ArrowDown' && suggestions.length > 0) {
      e.preventDefault();
      setHighlight((h) => (h + 1) % suggestions.length);
    } else if (e.key === 'ArrowUp' && suggestions.length > 0) {
      e.preventDefault();
      setHighlight((h) => (h <= 0 ? suggestions.length - 1 : h - 1));
    } else if (e.key === 'Escape') {
      setSuggestions([]);
    }
  };

  const open = suggestions.length > 0;
  return (
    <div className="field field--tags">
      <label htmlFor={inputId}>{label}</label>
      <div className="tags">
        <ul className="tags__chips">
          {tags.map((tag, i) => (
            <li key={tag} className="tags__chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tags__remove"
                aria-label={t('editor.tagsInput.remove', { tag })}
                onClick={() => remove(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={input}
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && highlight >= 0 ? `${listId}-${highlight}` : undefined}
          aria-describedby={message ? messageId : undefined}
          placeholder={t('editor.tagsInput.placeholder')}
          value={text}
          maxLength={MAX_TAG_LENGTH + 1}
          onChange={(e) => {
            const value = e.target.value;
            if (value.includes(',')) {
              const parts = value.split(',');
              addAll(parts.slice(0, -1));
              setText(parts.at(-1) ?? '');
            } else {
              setText(value);
              setMessage(null);
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('editor.tagsInput.suggestions')}
        className="tags__suggestions"
        hidden={!open}
      >
        {suggestions.map((name, i) => (
          <li
            key={name}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === highlight}
            onMouseDown={(e) => {
              e.preventDefault();
              add(name);
            }}
          >
            {name}
          </li>
        ))}
      </ul>
      {message && (
        <p id={messageId} className="field__error" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
