/**
 * Which of EXIF, IPTC-IIM and XMP to believe when a file carries a field more than once: the
 * reading rules of the Metadata Working Group's "Guidelines for Handling Image Metadata" 2.0, as
 * ExifTool's MWG module implements them.
 *
 * - EXIF (ImageDescription, Artist, Copyright) wins when it holds more than spaces: programs that
 *   know XMP keep EXIF in step, programs that do not only know EXIF.
 * - The IPTC digest (Photoshop resource 0x0425) is the MD5 of the IIM block as the last XMP-aware
 *   program wrote it. It matches: IIM and XMP are in step, XMP wins (it holds Unicode and has no
 *   length limits); IIM fills only what XMP lacks. No digest: the same. It does not match: a
 *   program that knows only IIM changed it after, so IIM wins — a field missing from IIM was
 *   removed there — except where the IIM value is the XMP value cut at IIM's length limit.
 * - Without IIM, XMP.
 */
import { createHash } from 'node:crypto';

/** How the file's IIM relates to its XMP. */
export type IimState = 'none' | 'inStep' | 'noDigest' | 'changedAfter';

export function iimState(iim: Buffer | null, digest: Buffer | null): IimState {
  if (!iim) return 'none';
  if (!digest) return 'noDigest';
  return createHash('md5').update(iim).digest().equals(digest) ? 'inStep' : 'changedAfter';
}

export interface Candidates<T> {
  exif?: T | null;
  iim: T | null;
  xmp: T | null;
}

function present(v: string | string[] | null | undefined): boolean {
  if (v === null || v === undefined) return false;
  return Array.isArray(v) ? v.length > 0 : v.trim().length > 0;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** An IIM value exactly at the limit that starts the (longer) XMP value was cut from it. */
function cutFrom(iim: string, xmp: string, limit: number): boolean {
  return (
    (iim.length === limit || byteLength(iim) === limit) &&
    xmp.length > iim.length &&
    xmp.startsWith(iim)
  );
}

/** One text field. `limit` is IIM's length limit for it (bytes). */
export function reconcileText(
  c: Candidates<string>,
  state: IimState,
  limit: number,
): string | null {
  if (present(c.exif)) return c.exif!;
  const xmp = present(c.xmp) ? c.xmp : null;
  const iim = present(c.iim) ? c.iim : null;
  if (state === 'none') return xmp;
  if (xmp !== null && state !== 'changedAfter') return xmp;
  if (iim !== null && xmp !== null && cutFrom(iim, xmp, limit)) return xmp;
  return iim;
}

/** A list field (keywords): the same rules, item by item for the cut check. */
export function reconcileList(c: Candidates<string[]>, state: IimState, limit: number): string[] {
  const xmp = present(c.xmp) ? c.xmp! : null;
  const iim = present(c.iim) ? c.iim! : null;
  if (state === 'none') return xmp ?? [];
  if (xmp !== null && state !== 'changedAfter') return xmp;
  if (iim === null) return [];
  return iim.map((v, i) => {
    const x = xmp?.[i];
    return x !== undefined && cutFrom(v, x, limit) ? x : v;
  });
}
