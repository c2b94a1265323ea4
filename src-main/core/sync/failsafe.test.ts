import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src-shared/protocol';
import { tempDir } from '../../../tests/support/tmp';
import { ArticleRepository } from '../store/articles';
import { LocalWriter } from '../store/local-writer';
import { OutboxRepository } from '../store/outbox';
import { openStore } from '../store/db';
import { MassDeleteError, MassDeleteGuard } from './failsafe';

let tmp: ReturnType<typeof tempDir>;
let store: ReturnType<typeof openStore>;
let ids: string[];

beforeEach(() => {
  tmp = tempDir('copydesk-failsafe-');
  store = openStore(join(tmp.dir, 'copydesk.db'));
  const writer = new LocalWriter(store.db, new OutboxRepository(store.db));
  const articles = new ArticleRepository(store.db, { writer });
  ids = Array.from({ length: 20 }, (_, i) => articles.create({ fields: { headline: `A${i}` } }).id);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const revoked = (id: string, seq: number) => ({
  seq,
  entity: 'article' as const,
  id,
  op: 'delete' as const,
  version: seq,
  reason: 'revoked' as const,
});

function page(changes: ReturnType<typeof revoked>[]): PullResponse {
  return { changes, cursor: 1, hasMore: true, lastMutationId: 0, conflicts: [], rejected: [] };
}

/** As if every local article had been synced: nothing waits in the outbox. */
const synced = () => store.db.prepare('DELETE FROM outbox').run();

describe('MassDeleteGuard', () => {
  it('counts revoked articles across pages and stops the page that crosses the limit', () => {
    synced();
    const guard = new MassDeleteGuard(store.db);
    guard.begin();
    // 8 + 2 = 10 of 20: at the limit, not over it.
    guard.check(page(ids.slice(0, 8).map(revoked)), false);
    guard.check(page(ids.slice(8, 10).map(revoked)), false);
    let stopped: unknown = null;
    try {
      guard.check(page(ids.slice(10, 11).map(revoked)), false);
    } catch (e) {
      stopped = e;
    }
    expect(stopped).toBeInstanceOf(MassDeleteError);
    expect((stopped as MassDeleteError).info).toEqual({ articles: 11, of: 20 });
  });

  it('lets a confirmed pull through, and ignores articles that are not here', () => {
    synced();
    const guard = new MassDeleteGuard(store.db);
    guard.begin();
    expect(() => guard.check(page(ids.map(revoked)), true)).not.toThrow();
    guard.begin();
    const unknown = Array.from(
      { length: 30 },
      (_, i) => `0190e0c0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    expect(() => guard.check(page(unknown.map(revoked)), false)).not.toThrow();
  });

  it('does not count a revoked article with unsynced local edits (those are kept)', () => {
    // Every created article has its article.create in the outbox: none would be deleted.
    const guard = new MassDeleteGuard(store.db);
    guard.begin();
    expect(() => guard.check(page(ids.map(revoked)), false)).not.toThrow();
  });
});
