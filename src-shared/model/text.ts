import { z } from 'zod';

/**
 * Free text a person types into a field, at most `max` characters. Every text field of the
 * model is built here, so a rule for all of them (e.g. cleaning control characters) is added
 * in this one place and holds on the desk, in the API, in the mutations and on the server.
 */
export function text(max: number): z.ZodString {
  return z.string().max(max, `must be at most ${max} characters`);
}

/** A review note that goes with a workflow step (e.g. "changes requested"). */
export const ReviewNote = text(5000);

/** A review comment on an article: not empty once trimmed. */
export const CommentText = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(5000, 'must be at most 5000 characters');
