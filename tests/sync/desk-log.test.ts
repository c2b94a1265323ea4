/**
 * The desk's log file with a real backend: a signed-in profile writes an article with a unique
 * word and syncs it; the log folder then holds the start and the sync round, and neither the word
 * nor the sign-in token anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBackend, bodyOf, type Backend } from './support/harness';
import { logFolder } from '../../src-main/core/log/desk-log';
import { FileTokenStore } from '../../src-main/core/sync/tokens';

const WORD = `Zwetschgenquark${Date.now().toString(36)}`;

function logLines(profile: string): Record<string, unknown>[] {
  const dir = logFolder(profile);
  return readdirSync(dir)
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function grepFolder(profile: string, needle: string): string[] {
  const dir = logFolder(profile);
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f), 'utf8').includes(needle));
}

describe('desk log with a real backend', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await startBackend('copydesk-desklog-');
  });
  afterAll(async () => {
    await backend?.close();
  });

  it('logs start, sync rounds and failures, and never article text or the token', async () => {
    const c = await backend.client('desk', 'editor');
    const token = new FileTokenStore(c.dir).load();
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const a = await c.api['articles.create']({
      fields: { headline: `Headline ${WORD}`, teaser: `Teaser ${WORD}` },
      body: bodyOf([['b1', `Body with ${WORD} in it.`]]),
    });
    expect((await c.api['sync.now']({})).state).toBe('idle');
    await c.api['articles.save']({ id: a.id, fields: { headline: `Changed ${WORD}` } });
    await backend.server.stop();
    expect((await c.api['sync.now']({})).state).toBe('offline');
    await c.close();

    const lines = logLines(c.dir);
    const events = lines.map((l) => l.msg);
    expect(events[0]).toBe('core.start');
    expect(events).toContain('core.stop');
    const round = lines.find((l) => l.msg === 'sync.round' && Number(l.pushed) > 0);
    expect(round).toMatchObject({ pushed: 1, pending: 0, unsyncable: 0 });
    expect(typeof round?.ms).toBe('number');
    const failed = lines.find((l) => l.msg === 'sync.failed');
    expect(failed).toMatchObject({ level: 40, transient: true, status: null });

    expect(grepFolder(c.dir, WORD)).toEqual([]);
    expect(grepFolder(c.dir, token!)).toEqual([]);
  });
});
