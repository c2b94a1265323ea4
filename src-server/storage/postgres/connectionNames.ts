/**
 * The `application_name` of each kind of connection an instance opens, so that an operator (and
 * a fault test) can tell them apart in `pg_stat_activity`. A name in the database URL
 * (`?application_name=…`) takes precedence over these.
 */
export const CONNECTION_NAMES = {
  /** Pooled read transactions. */
  read: 'copydesk read',
  /** The one connection the write queue runs its batches on. */
  write: 'copydesk write',
  /** Rate-limit counter upserts. */
  counter: 'copydesk counter',
  /** LISTEN for other instances' commits. */
  listen: 'copydesk listen',
} as const;
