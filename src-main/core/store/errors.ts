export type StoreErrorCode = 'newer_schema' | 'corrupt' | 'migration_failed' | 'locked';

/** A failure to open or keep the local database, with advice a person can act on. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
