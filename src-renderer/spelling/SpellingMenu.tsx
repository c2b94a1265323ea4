/**
 * The spelling context menu: up to five suggestions, "Ignore" and "Add to newsroom dictionary"
 * (in a read-only body only the last two). A DOM menu (role="menu"), the same in Electron and
 * browser mode, driven by arrow keys and Escape.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

export interface SpellingTarget {
  x: number;
  y: number;
  range: Range;
  word: string;
  /** False in a read-only body: the menu offers no replacements, only Ignore and Add. */
  replaceable: boolean;
}

type Suggestions =
  { state: 'loading' } | { state: 'ready'; words: string[] } | { state: 'failed'; message: string };

export function SpellingMenu({
  target,
  suggest,
  onReplace,
  onIgnore,
  onAdd,
  onClose,
}: {
  target: SpellingTarget;
  suggest: (word: string) => Promise<string[]>;
  onReplace: (word: string) => void;
  onIgnore: () => void;
  onAdd: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);
  const [suggestions, setSuggestions] = useState<Suggestions>({ state: 'loading' });
  const [position, setPosition] = useState({ left: target.x, top: target.y });

  useEffect(() => {
    if (!target.replaceable) return;
    let live = true;
    setSuggestions({ state: 'loading' });
    suggest(target.word)
      .then((words) => live && setSuggestions({ state: 'ready', words }))
      .catch((e: unknown) => live && setSuggestions({ state: 'failed', message: String(e) }));
    return () => {
      live = false;
    };
  }, [suggest, target.word, target.replaceable]);

  // Keep the menu inside the window, and focus its first item whenever the items change.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(target.x, window.innerWidth - box.width - 4)),
      top: Math.max(4, Math.min(target.y, window.innerHeight - box.height - 4)),
    });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [target, suggestions]);

  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      document.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = Array.from(
      menu.current?.querySelectorAll<HTMLElement>(
        '[role="menuitem"]:not([aria-disabled="true"])',
      ) ?? [],
    );
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  };

  const item = (key: string, label: string, run: () => void, extra?: string) => (
    <button
      key={key}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={extra ? `spelling-menu__item ${extra}` : 'spelling-menu__item'}
      onClick={run}
    >
      {label}
    </button>
  );

  return createPortal(
    <div
      ref={menu}
      role="menu"
      aria-label={t('spelling.menu')}
      className="spelling-menu"
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {target.replaceable && (
        <>
          {suggestions.state === 'loading' && (
            <p className="spelling-menu__note" role="none">
              {t('spelling.checking')}
            </p>
          )}
          {suggestions.state === 'failed' && (
            <p className="spelling-menu__note" role="none">
              {t('spelling.failed', { message: suggestions.message })}
            </p>
          )}
          {suggestions.state === 'ready' && suggestions.words.length === 0 && (
            <p className="spelling-menu__note" role="none">
              {t('spelling.noSuggestions')}
            </p>
          )}
          {suggestions.state === 'ready' &&
            suggestions.words.map((w) =>
              item(`s:${w}`, w, () => onReplace(w), 'spelling-menu__suggestion'),
            )}
          <div role="separator" className="spelling-menu__separator" />
        </>
      )}
      {item('ignore', t('spelling.ignore'), onIgnore)}
      {item('add', t('spelling.add'), onAdd)}
    </div>,
    document.body,
  );
}
