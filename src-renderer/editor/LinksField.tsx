/**
 * The article's links: an ordered list of address + text. Addresses follow the shared link
 * policy; a row with a bad address shows why and is left out of the save until it is fixed.
 */
import { useId, useRef } from 'react';
import { ArrowDown, ArrowUp, Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ArticleLink } from '../../src-shared/model';
import { checkLink } from './linkPolicy';
import { useLinkProblemText } from './useLinkProblemText';

export interface LinkRow {
  key: number;
  url: string;
  label: string;
  /** Show the address problem (after the address was left or is non-empty). */
  touched: boolean;
}

let nextKey = 1;
export const linkRow = (link?: ArticleLink): LinkRow => ({
  key: nextKey++,
  url: link?.url ?? '',
  label: link?.label ?? '',
  touched: !!link,
});

/** The rows that may be saved, in order, with normalized addresses. */
export function savableLinks(rows: readonly LinkRow[]): ArticleLink[] {
  const out: ArticleLink[] = [];
  for (const row of rows) {
    const verdict = checkLink(row.url);
    if (verdict.ok) out.push({ url: verdict.url, label: row.label.slice(0, 300) });
  }
  return out;
}

export function LinksField({
  label,
  rows,
  onChange,
  onBlur,
}: {
  label: string;
  rows: readonly LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useLinkProblemText();
  const idBase = useId();
  // The row just added: its address field takes the focus once it is rendered.
  const focusKey = useRef<number | null>(null);

  const update = (index: number, patch: Partial<LinkRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };

  return (
    <fieldset className="field field--links">
      <legend>{label}</legend>
      {rows.length === 0 && <p className="hint">{t('editor.linksInput.empty')}</p>}
      <ol className="links">
        {rows.map((row, i) => {
          const n = i + 1;
          const verdict = checkLink(row.url);
          const showError = !verdict.ok && (row.touched || row.url.trim() !== '');
          const errorId = `${idBase}-err-${row.key}`;
          return (
            <li key={row.key} className="links__row">
              <input
                type="url"
                aria-label={t('editor.linksInput.url', { n })}
                placeholder="https://"
                ref={(el) => {
                  if (el && focusKey.current === row.key) {
                    focusKey.current = null;
                    el.focus();
                  }
                }}
                value={row.url}
                maxLength={2048}
                spellCheck={false}
                aria-invalid={showError || undefined}
                aria-describedby={showError ? errorId : undefined}
                onChange={(e) => update(i, { url: e.target.value })}
                onBlur={() => {
                  if (!row.touched) update(i, { touched: true });
                  onBlur();
                }}
              />
              <input
                type="text"
                aria-label={t('editor.linksInput.label', { n })}
                value={row.label}
                maxLength={300}
                onChange={(e) => update(i, { label: e.target.value })}
                onBlur={onBlur}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('editor.linksInput.up', { n })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                <ArrowUp aria-hidden size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('editor.linksInput.down', { n })}
                disabled={i === rows.length - 1}
                onClick={() => move(i, 1)}
              >
                <ArrowDown aria-hidden size={16} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('editor.linksInput.remove', { n })}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <X aria-hidden size={16} />
              </button>
              {showError && !verdict.ok && (
                <p id={errorId} className="field__error" role="alert">
                  {problemText(verdict.problem)} {t('editor.linksInput.notSaved')}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          const row = linkRow();
          focusKey.current = row.key;
          onChange([...rows, row]);
        }}
      >
        <Plus aria-hidden size={16} />
        {t('editor.linksInput.add')}
      </button>
    </fieldset>
  );
}
