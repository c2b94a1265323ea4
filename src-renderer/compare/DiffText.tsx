/**
 * Word differences as text: `<ins>` and `<del>` (underlined / struck through, coloured from the
 * theme), each announced by screen readers as "inserted" / "deleted" (a visually hidden
 * ::before from `data-label`, so the text itself, copied or searched, stays the article's). The
 * caller may change the wording (a conflict side says "only in mine").
 */
import { Fragment } from 'react';
import type { DiffPart } from '../../src-shared/text/wordDiff';
import './compare.css';

export interface DiffLabels {
  ins: string;
  del: string;
}

export function DiffText({
  parts,
  labels,
  show = 'both',
}: {
  parts: readonly DiffPart[];
  labels: DiffLabels;
  /** One side only: 'before' drops the insertions, 'after' the deletions. */
  show?: 'both' | 'before' | 'after';
}) {
  return (
    <span className="diff diff__text">
      {parts.map((p, i) => {
        if (p.kind === 'same') return <Fragment key={i}>{p.text}</Fragment>;
        if (p.kind === 'ins')
          return show === 'before' ? null : (
            <ins key={i} data-label={labels.ins}>
              {p.text}
            </ins>
          );
        return show === 'after' ? null : (
          <del key={i} data-label={labels.del}>
            {p.text}
          </del>
        );
      })}
    </span>
  );
}
