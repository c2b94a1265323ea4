import { z } from 'zod';
import { lineField, textField } from '../text/zod';
import { lazySchema } from '../lazySchema';

/**
 * Free text a person types into a field, at most `max` characters. Every text field of the
 * model is built here or by `line`, so the text rule (src-shared/text/rule.ts: no control
 * characters, no lone surrogates) holds on the desk, in the API, in the mutations and on the
 * server alike.
 */
export function text(max: number): z.ZodString {
  return textField().max(max, `must be at most ${max} characters`);
}

/** Single-line text (line breaks become spaces), at most `max` characters. */
export function line(max: number): z.ZodString {
  return lineField().max(max, `must be at most ${max} characters`);
}

/** A review note that goes with a workflow step (e.g. "changes requested"). */
export const ReviewNote = lazySchema(() => text(5000));

/** A review comment on an article: not empty once trimmed. */
export const CommentText = lazySchema(() =>
  textField()
    .trim()
    .min(1, 'a comment cannot be empty')
    .max(5000, 'must be at most 5000 characters'),
);
