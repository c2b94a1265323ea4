/**
 * The sync engine's own tables (sync_state from 0001, sync_base and base_bodies from 0003):
 * client identity, cursor and the server bases the rebase starts from. The outbox belongs to
 * OutboxRepository (store/outbox.ts). Every method is a short
 * synchronous SQLite step; callers group them into transactions.
 */
import type { Db } from '../store/db';
import { lazyStatements } from '../store/statements';

export interface BaseRow {
  serverVersion: number;
  bodyVersion: number | null;
  data: unknown;
}

export class SyncStore {
  private readonly s;
  constructor(db: Db) {
    this.s = lazyStatements(db, {
      getState: 'SELECT value FROM sync_state WHERE key = ?',
      setState:
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      delState: 'DELETE FROM sync_state WHERE key = ?',
      getBase: 'SELECT * FROM sync_base WHERE entity_type = ? AND entity_id = ?',
      putBase: `INSERT INTO sync_base (entity_type, entity_id, server_version, body_version, data_json)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (entity_type, entity_id) DO UPDATE SET server_version = excluded.server_version,
                  body_version = excluded.body_version, data_json = excluded.data_json`,
      delBase: 'DELETE FROM sync_base WHERE entity_type = ? AND entity_id = ?',
      getBaseBody: 'SELECT body_json FROM base_bodies WHERE article_id = ? AND body_version = ?',
      putBaseBody:
        'INSERT OR IGNORE INTO base_bodies (article_id, body_version, body_json) VALUES (?, ?, ?)',
      pruneBaseBodies: `DELETE FROM base_bodies WHERE article_id NOT IN
                          (SELECT entity_id FROM outbox WHERE name = 'article.setBody')`,
    });
  }

  // ---- key/value state ----

  get(key: string): string | null {
    return (this.s.getState.get(key) as { value: string } | undefined)?.value ?? null;
  }
  set(key: string, value: string | number | null): void {
    if (value === null) this.s.delState.run(key);
    else this.s.setState.run(key, String(value));
  }
  getNumber(key: string): number {
    const v = this.get(key);
    return v === null ? 0 : Number(v);
  }
  getJson<T>(key: string): T | null {
    const v = this.get(key);
    return v === null ? null : (JSON.parse(v) as T);
  }

  /** Forgets merge bases no unsent body save needs any more (after the outbox was trimmed). */
  pruneBaseBodies(): void {
    this.s.pruneBaseBodies.run();
  }

  // ---- server bases ----

  getBase(entityType: string, entityId: string): BaseRow | null {
    const r = this.s.getBase.get(entityType, entityId) as
      { server_version: number; body_version: number | null; data_json: string } | undefined;
    return r
      ? {
          serverVersion: r.server_version,
          bodyVersion: r.body_version,
          data: JSON.parse(r.data_json) as unknown,
        }
      : null;
  }
  putBase(
    entityType: string,
    entityId: string,
    version: number,
    bodyVersion: number | null,
    data: unknown,
  ): void {
    this.s.putBase.run(entityType, entityId, version, bodyVersion, JSON.stringify(data));
  }
  deleteBase(entityType: string, entityId: string): void {
    this.s.delBase.run(entityType, entityId);
  }
  baseBody(articleId: string, bodyVersion: number): unknown {
    const r = this.s.getBaseBody.get(articleId, bodyVersion) as { body_json: string } | undefined;
    return r ? (JSON.parse(r.body_json) as unknown) : undefined;
  }
  keepBaseBody(articleId: string, bodyVersion: number, body: unknown): void {
    this.s.putBaseBody.run(articleId, bodyVersion, JSON.stringify(body));
  }
}
