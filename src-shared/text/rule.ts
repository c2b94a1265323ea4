/**
 * The one text rule of Copydesk, applied where text enters (desk and server parse with the same
 * zod schemas, see ./zod.ts) and again where it leaves for the public (pages, feed, JSON API):
 *
 * - line breaks are "\n": CR LF, CR, vertical tab (Word's Shift+Enter), form feed, NEL and the
 *   Unicode line/paragraph separators become "\n";
 * - no other C0 control character except tab (NUL, ESC, … are removed), no DEL;
 * - no lone surrogate (replaced by U+FFFD: the text stays valid UTF-8, JSON and XML);
 * - bidi overrides (U+202D, U+202E) are allowed but flagged (`bidiOverrides`): they can make a
 *   headline read differently from what it says.
 */

const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const BIDI_OVERRIDES = /[\u202d\u202e]/g;

/** The text with the rule applied; the same string when it already complies. */
export function cleanText(text: string): string {
  if (isCleanText(text)) return text;
  return text.replace(LINE_BREAKS, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Every character the rule may change, in one class: text without any of them (nearly all
 * text; a long body has thousands of strings) passes after one scan, without the lookaround of
 * the surrogate check. Not global, so `test` keeps no state between calls.
 */
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ud800-\udfff]/;
const UNCLEAN = new RegExp(`${LINE_BREAKS.source}|${CONTROLS.source}|${LONE_SURROGATE.source}`);

/** Whether the text complies (no change by `cleanText`). */
export function isCleanText(text: string): boolean {
  return !SUSPECT.test(text) || !UNCLEAN.test(text);
}

/** For single-line fields (headline, kicker, tags…): every line break becomes a space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\n/g, ' ');
}

/** Bidi override characters (LRO, RLO) in the text: a reason to look before publishing. */
export function bidiOverrides(text: string): number {
  return text.match(BIDI_OVERRIDES)?.length ?? 0;
}
