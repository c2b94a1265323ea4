/**
 * What may go into the desk's log file: numbers, flags and short labels, never article text or a
 * credential. Fields whose name suggests content or a secret are dropped to a marker, and strings
 * (error messages, stacks included) lose anything that looks like a token.
 */

export const REDACTED = '[redacted]';

/** Field names that could carry article content or a credential. */
const SENSITIVE_KEY =
  /token|password|secret|authorization|cookie|body|text|headline|teaser|title|caption|credit|content|comment|html|markdown/i;

/** "Bearer …", and long base64url runs (a sign-in token is 43 characters) that are not hex hashes. */
const BEARER = /\bBearer\s+\S+/gi;
const LONG_RUN =
  /(?<![A-Za-z0-9_-])(?![0-9a-f]{40,}(?![A-Za-z0-9_-]))[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/g;

const MAX_STRING = 300;

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

/** `text` with tokens and the given secrets masked, cut to `max` characters. */
export function scrubText(text: string, secrets: readonly string[] = [], max = MAX_STRING): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join(REDACTED);
  out = out.replace(BEARER, `Bearer ${REDACTED}`).replace(LONG_RUN, REDACTED);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

export function scrubFields(fields: LogFields, secrets: readonly string[] = []): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE_KEY.test(key)) out[key] = REDACTED;
    else out[key] = typeof value === 'string' ? scrubText(value, secrets, 120) : value;
  }
  return out;
}

export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
}

export function scrubError(e: unknown, secrets: readonly string[] = []): LoggedError {
  if (!(e instanceof Error)) return { type: typeof e, message: scrubText(String(e), secrets) };
  const code = (e as { code?: unknown }).code;
  return {
    type: e.name,
    message: scrubText(e.message, secrets),
    ...(typeof code === 'string' ? { code: code.slice(0, 60) } : {}),
    ...(e.stack ? { stack: scrubText(e.stack, secrets, 4000) } : {}),
  };
}
