/** zod helpers that apply the text rule (./rule.ts) while parsing, keeping the field a ZodString. */
import { z } from 'zod';
import { cleanLine, cleanText } from './rule';

/** Free text (may have line breaks): `cleanText` at parse. Chain `.max()` etc. as usual. */
export function textField(): z.ZodString {
  return z.string().overwrite(cleanText);
}

/** Single-line text: `cleanLine` at parse (line breaks become spaces). */
export function lineField(): z.ZodString {
  return z.string().overwrite(cleanLine);
}
