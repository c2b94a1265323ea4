/**
 * The rights of a published image as the snapshot keeps them, and the helpers the page's JSON-LD,
 * the ninjs associations and the renditions' XMP share.
 */

/** The rights fields of an image record, as they were when the article was published. */
export interface SnapshotRights {
  creator: string;
  credit: string;
  copyright: string;
  source: string;
  /** Usage terms (free text; may name the licence's web address). */
  licence: string;
  /** YYYY-MM-DD, or null. */
  licenceExpires: string | null;
}

export const NO_RIGHTS: SnapshotRights = {
  creator: '',
  credit: '',
  copyright: '',
  source: '',
  licence: '',
  licenceExpires: null,
};

/** The first http(s) address in the licence text: where the licence is stated. */
export function licenceUrl(licence: string): string | null {
  const m = /\bhttps?:\/\/[^\s<>"']+/i.exec(licence);
  if (!m) return null;
  const url = m[0].replace(/[.,;:!?)\]]+$/, '');
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
