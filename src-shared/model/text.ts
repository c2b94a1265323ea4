import { z } from 'zod';

/**
 * Free text a person types into a field, at most `max` characters. Every text field of the
 * model is built here, so a rule for all of them (e.g. cleaning control characters) is added
 * in this one place and holds on the desk, in the API, in the mutations and on the server.
 */
export function text(max: number): z.ZodString {
  return z.string().max(max, `must be at most ${max} characters`);
}
