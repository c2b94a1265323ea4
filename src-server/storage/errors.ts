/** Errors of the storage layer that the HTTP side turns into answers. */
import { HttpError } from '../http/errors';

/** The database cannot be reached right now: the client retries later (503, Retry-After). */
export class DatabaseUnavailableError extends HttpError {
  constructor(cause: unknown) {
    super(
      503,
      'unavailable',
      'The database is not reachable right now; nothing was saved. Try again shortly.',
      {},
      { 'retry-after': '2' },
    );
    this.name = 'DatabaseUnavailableError';
    this.cause = cause;
  }
}

/** A database written by a newer server: refused, left untouched. */
export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(
      `The database has schema version ${found}, newer than this server knows (${known}). ` +
        'Run the newer Copydesk server, or restore a backup; the database was left untouched.',
    );
    this.name = 'NewerSchemaError';
  }
}
