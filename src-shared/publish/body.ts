/** The body HTML of a published page: the shared safe renderer, or escaped text as a fallback. */
import { renderBodyHtml, type ImageSource } from '../richtext/html';
import { bodyPlainText } from '../richtext/plainText';
import { esc } from './format';
import type { PublishedSnapshot } from './types';

/**
 * `mediaUrl` gives the src (or src, srcset, sizes and size) of an image the page may show (only
 * ids in `imageIds` are asked);
 * `imageSchemes` are the URL schemes allowed for it (default http and https).
 */
export function snapshotBodyHtml(
  s: Pick<PublishedSnapshot, 'body' | 'imageIds'>,
  mediaUrl: (imageId: string) => string | ImageSource | null,
  imageSchemes?: readonly string[],
): string {
  const allowed = new Set(s.imageIds);
  try {
    return renderBodyHtml(s.body, {
      ...(imageSchemes ? { imageSchemes } : {}),
      imageSrc: (id) => {
        if (!allowed.has(id)) return null;
        const src = mediaUrl(id);
        return typeof src === 'string' ? { src } : src;
      },
    });
  } catch {
    // A body the renderer refuses is shown as escaped plain text, never as raw input.
    return bodyPlainText(s.body)
      .split(/\n{2,}/)
      .filter((p) => p.trim() !== '')
      .map((p) => `<p>${esc(p)}</p>`)
      .join('');
  }
}
