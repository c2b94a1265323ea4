/** Text for XML documents (feeds, sitemaps) that stays well-formed whatever text is stored. */
import { esc } from '../../src-shared/publish/format';
import { cleanText } from '../../src-shared/text/rule';

// Everything XML 1.0 does not allow as a character: C0 controls but tab/newline/return, lone
// surrogates (the `u` flag sees them as code points), U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escaped for XML content and attribute values: the text rule applied (as on the pages), then
 * any character XML cannot carry dropped.
 */
export function xmlEsc(text: string): string {
  return esc(cleanText(text).replace(NOT_XML, ''));
}
