import { memo } from 'react';
import type { Image } from '../../../src-shared/model';
import { useThumbnail } from './thumbnails';

/** Texts of a cell, translated once per grid rather than once per cell. */
export interface CellLabels {
  noCredit: string;
  noThumbnail: string;
}

function Thumbnail({ id, noThumbnail }: { id: string; noThumbnail: string }) {
  const { url, failed } = useThumbnail(id);
  return (
    <span className="image-cell__thumb">
      {url ? (
        <img src={url} alt="" draggable={false} />
      ) : failed ? (
        <span className="image-cell__nothumb">{noThumbnail}</span>
      ) : null}
    </span>
  );
}

function CreditBadge({ credit, noCredit }: { credit: string; noCredit: string }) {
  return credit.trim() ? (
    <span className="image-cell__credit">{credit}</span>
  ) : (
    <span className="badge badge--warn">{noCredit}</span>
  );
}

/** One grid cell: thumbnail, credit (or a warning that it is missing), caption or file name. */
export const ImageCell = memo(function ImageCell({
  image,
  index,
  selected,
  labels,
  onSelect,
}: {
  image: Image;
  index: number;
  selected: boolean;
  labels: CellLabels;
  onSelect: (id: string) => void;
}) {
  return (
    <button
      type="button"
      className={`image-cell${selected ? ' image-cell--selected' : ''}`}
      aria-current={selected || undefined}
      data-index={index}
      data-image-id={image.id}
      onClick={() => onSelect(image.id)}
    >
      <Thumbnail id={image.id} noThumbnail={labels.noThumbnail} />
      <CreditBadge credit={image.credit} noCredit={labels.noCredit} />
      <span className="image-cell__caption">{image.caption || image.fileName}</span>
    </button>
  );
});
