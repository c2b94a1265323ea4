/**
 * The one reading of an article-image node's image id, shared by the editor node, the page
 * renderer, the checklist and the publish snapshot, so that what is published (made public at
 * /media/…) is exactly what the page shows. Fields of other names (e.g. an old `assetId`) are
 * not image ids.
 */
export const IMAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The image id a node field holds, or '' when it is not a valid one. */
export function parseImageId(value: unknown): string {
  return typeof value === 'string' && IMAGE_ID_PATTERN.test(value) ? value : '';
}
