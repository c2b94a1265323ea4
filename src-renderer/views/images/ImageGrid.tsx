import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../../src-shared/model';
import { ImageCell, type CellLabels } from './ImageCell';

const MIN_CELL_WIDTH = 176;
export const ROW_HEIGHT = 212;

/** The width of an element, followed as it resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

const MOVES: Record<string, (cols: number) => number> = {
  ArrowRight: () => 1,
  ArrowLeft: () => -1,
  ArrowDown: (cols) => cols,
  ArrowUp: (cols) => -cols,
};

/**
 * Thumbnails in rows of as many columns as fit; only the rows on screen (and two either side)
 * exist in the DOM. Arrow keys move between cells.
 */
export function ImageGrid({
  count,
  itemAt,
  selectedId,
  onSelect,
}: {
  count: number;
  itemAt: (index: number) => Image | undefined;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useMemo<CellLabels>(
    () => ({ noCredit: t('images.noCredit'), noThumbnail: t('images.thumbFailed') }),
    [t],
  );
  const loadingText = t('images.loading');
  const parent = useRef<HTMLDivElement>(null);
  const width = useWidth(parent);
  const columns = Math.max(1, Math.floor(width / MIN_CELL_WIDTH));
  const rows = Math.ceil(count / columns);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
  });

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const move = MOVES[e.key];
      const from = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!move || !from) return;
      const to = Number(from.dataset.index) + move(columns);
      if (to < 0 || to >= count) return;
      e.preventDefault();
      virtualizer.scrollToIndex(Math.floor(to / columns));
      requestAnimationFrame(() =>
        parent.current?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus(),
      );
    },
    [columns, count, virtualizer],
  );

  return (
    <div
      ref={parent}
      className="image-grid"
      role="list"
      aria-label={t('images.label')}
      data-testid="image-grid"
      onKeyDown={onKeyDown}
    >
      <div className="image-grid__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="none"
            className="image-grid__row"
            style={{
              transform: `translateY(${row.start}px)`,
              height: ROW_HEIGHT,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            }}
          >
            {Array.from({ length: columns }, (_, c) => {
              const index = row.index * columns + c;
              if (index >= count) return null;
              const image = itemAt(index);
              return (
                <div key={index} role="listitem" className="image-grid__cell">
                  {image ? (
                    <ImageCell
                      image={image}
                      index={index}
                      selected={image.id === selectedId}
                      labels={labels}
                      onSelect={onSelect}
                    />
                  ) : (
                    <div className="image-cell image-cell--loading">{loadingText}</div>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
