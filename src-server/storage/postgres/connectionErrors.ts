/**
 * Which errors mean "the database went away or is overloaded" (retry later) as opposed to a
 * fault in a statement. Server-sent SQLSTATEs: class 08 (connection exception), 57P01–57P03
 * (terminated by an administrator, crash shutdown, cannot connect now), 53300 (too many
 * connections), 40001/40P01 (serialisation failure, deadlock: safe to retry). Client-side: the
 * socket errors Node reports and node-postgres' own "connection terminated" errors.
 */
const RETRYABLE_SQLSTATE = /^(08|57P0[123]$|53300$|40001$|40P01$)/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const CLIENT_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i;

export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (RETRYABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code)))
    return true;
  return CLIENT_MESSAGES.test(e.message);
}
