/** One transaction's Tx: every area store over the same connection. */
import type { Tx } from '../types';
import { authStore } from './auth';
import { blobMetaStore } from './blobs';
import { entityStore } from './entities';
import { feedStore } from './feed';
import { publishingStore } from './publishing';
import type { SqlRunner } from './runner';

export function sqlTx(db: SqlRunner): Tx {
  return {
    ...authStore(db),
    ...feedStore(db),
    ...entityStore(db),
    ...publishingStore(db),
    ...blobMetaStore(db),
  };
}

export type { SqlRunner } from './runner';
