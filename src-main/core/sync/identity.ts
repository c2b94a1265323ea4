/**
 * This profile's client identity on the server: one client id per profile database. A copied or
 * restored file (another path or inode) gets a fresh id, and its unsent mutations are renumbered
 * from 1: otherwise the server would skip them as duplicates of what the original already sent.
 */
import { realpathSync, statSync } from 'node:fs';
import { v4 as uuidv4 } from 'uuid';
import type { Db } from '../store/db';
import type { OutboxRepository } from '../store/outbox';
import type { SyncStore } from './store';

export class ClientIdentity {
  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly store: SyncStore,
    private readonly outbox: OutboxRepository,
  ) {}

  get id(): string {
    return this.store.get('client_id') ?? this.ensure();
  }

  /** The stored id if it belongs to this very file, else a new one. */
  ensure(): string {
    let ident = this.dbPath;
    try {
      ident = `${realpathSync(this.dbPath)}#${statSync(this.dbPath).ino}`;
    } catch {
      // An in-memory or vanished file: the path alone identifies it.
    }
    const id = this.store.get('client_id');
    if (id && this.store.get('client_db_ident') === ident) return id;
    return this.renew(ident);
  }

  /** A new client id; the outbox is renumbered from 1 (run inside or outside a transaction). */
  renew(ident?: string): string {
    const id = uuidv4();
    const tx = this.db.transaction(() => {
      this.store.set('client_id', id);
      if (ident) this.store.set('client_db_ident', ident);
      this.store.set('last_acked_mutation_id', 0);
      this.outbox.renumber();
    });
    tx.immediate();
    return id;
  }
}
