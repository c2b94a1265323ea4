/**
 * docs/sync.md fail-safe against the real backend: a pull that would delete more than half of the
 * local articles (and more than 10) stops, keeps everything, reports an error, and proceeds only
 * after an explicit confirmation. A few deletions go through without asking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend, type Client } from './support/harness';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend('copydesk-sync-failsafe-');
});
afterAll(async () => {
  await backend?.close();
});

const client = (name: string, user: string): Promise<Client> => backend.client(name, user);

async function liveIds(c: Client): Promise<string[]> {
  return (await c.api['articles.list']({ limit: 500 })).items.map((a) => a.id);
}

describe('mass-deletion fail-safe', () => {
  it('stops a pull that would delete most local articles until the user confirms', async () => {
    const chief = await client('chief', 'chief');
    const desk = await client('desk', 'chief');
    const ids: string[] = [];
    for (let i = 0; i < 14; i++) {
      ids.push((await chief.api['articles.create']({ fields: { headline: `Artikel ${i}` } })).id);
    }
    expect((await chief.api['sync.now']({})).state).toBe('idle');
    expect((await desk.api['sync.now']({})).state).toBe('idle');
    const before = await liveIds(desk);
    for (const id of ids) expect(before).toContain(id);

    // Three deletions: under the limit, applied without asking.
    for (const id of ids.slice(0, 3)) await chief.api['articles.delete']({ id });
    await chief.api['sync.now']({});
    expect((await desk.api['sync.now']({})).state).toBe('idle');
    const afterFew = await liveIds(desk);
    expect(afterFew).not.toContain(ids[0]);
    expect(afterFew).toHaveLength(before.length - 3);

    // The rest: more than 10 and more than half of what the desk has. Nothing is applied.
    for (const id of ids.slice(3)) await chief.api['articles.delete']({ id });
    await chief.api['sync.now']({});
    const stopped = await desk.api['sync.now']({});
    expect(stopped.state).toBe('error');
    expect(stopped.lastError).toMatch(/would delete 11 of the 11 articles/);
    expect(stopped.massDelete).toEqual({ articles: 11, of: afterFew.length });
    expect(await liveIds(desk)).toEqual(afterFew);
    // A plain retry stops again; the local articles stay.
    expect((await desk.api['sync.now']({})).state).toBe('error');
    expect(await liveIds(desk)).toEqual(afterFew);
    // A local edit still goes out while the pull waits for the decision (its outbox row stays
    // until a pull acknowledges it, docs/sync.md).
    const mine = await desk.api['articles.create']({ fields: { headline: 'Vom Desk' } });
    expect((await desk.api['sync.now']({})).state).toBe('error');
    await chief.api['sync.now']({});
    expect((await chief.api['articles.get']({ id: mine.id })).headline).toBe('Vom Desk');

    // Confirmed: the deletions are applied.
    const confirmed = await desk.api['sync.confirmMassDelete']({});
    expect(confirmed.state).toBe('idle');
    expect(confirmed.massDelete).toBeUndefined();
    expect(confirmed.pending).toBe(0);
    const after = await liveIds(desk);
    for (const id of ids) expect(after).not.toContain(id);
    expect(after).toContain(mine.id);
    expect((await desk.api['sync.now']({})).state).toBe('idle');
  });
});
