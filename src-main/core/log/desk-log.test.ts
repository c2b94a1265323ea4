import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../tests/support/tmp';
import { logFolder, openDeskLog } from './desk-log';
import { recentErrors } from './recent-errors';
import { databasePath, openCore } from '../core';
import { openStore } from '../store/db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../store/migrations';
import { APP_VERSION } from '../../../src-shared/version';
import { REDACTED, scrubFields, scrubText } from './scrub';

const TOKEN = 'Zq8xT1m4Vb7nK2pR5sW8yA1cE4gJ7lO0qT3vX6zB9dF'; // shape of a sign-in token (43 chars)

function logText(profile: string): string {
  const dir = logFolder(profile);
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function profile(): string {
  const t = tempDir('copydesk-log-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('desk log', () => {
  it('writes JSON lines with the version, event and fields into logs/', async () => {
    const dir = profile();
    const log = await openDeskLog(dir, { source: 'desk' });
    log.info('sync.round', { pushed: 3, pulled: 7, ms: 120 });
    await log.close();
    const lines = logText(dir)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'sync.round',
      source: 'desk',
      pushed: 3,
      pulled: 7,
      ms: 120,
      level: 30,
    });
    expect(lines[0]?.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rotates by size and keeps only the configured number of files', async () => {
    const dir = profile();
    const log = await openDeskLog(dir, { source: 'desk', maxBytes: 2048, keep: 2 });
    for (let i = 0; i < 400; i++) {
      log.info('sync.round', { pushed: i, pulled: i, ms: i });
      // pino-roll checks the size as writes complete; give it turns to roll over.
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await log.close();
    await new Promise((r) => setTimeout(r, 50)); // old files are removed asynchronously
    const files = readdirSync(logFolder(dir)).filter((f) => f.startsWith('desk.'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(files.length).toBeLessThanOrEqual(3); // 2 kept + the current one
    const text = logText(dir);
    expect(text).toContain('"pushed":399'); // the newest lines are kept
    expect(text).not.toContain('"pushed":0,'); // the oldest were rotated away
  });

  it('keeps tokens and content-bearing fields out, also inside errors and stacks', async () => {
    const dir = profile();
    const log = await openDeskLog(dir, { source: 'desk', secrets: () => ['s3cret-pass', null] });
    log.info('article.saved', { headline: 'Ratsbeschluss Quibblewort', chars: 40 });
    log.error('sync.failed', new Error(`request with Bearer ${TOKEN} failed (s3cret-pass)`), {
      status: 500,
    });
    log.warn('odd', { reason: `token=${TOKEN}` });
    await log.close();
    const text = logText(dir);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('Quibblewort');
    expect(text).not.toContain('s3cret-pass');
    expect(text).toContain('"chars":40');
    expect(text).toContain('"stack"');
    expect(text).toContain(REDACTED);
  });

  it('reads the last errors back for diagnostics, across files and processes', async () => {
    const dir = profile();
    const desk = await openDeskLog(dir, { source: 'desk' });
    const main = await openDeskLog(dir, { source: 'main' });
    desk.info('core.start');
    desk.error('call.failed', new Error('disk full'));
    main.error('render-process-gone', new Error('crashed'), { reason: 'crashed' });
    await desk.close();
    await main.close();
    const errors = recentErrors(dir);
    expect(errors.map((e) => [e.source, e.event, e.message]).sort()).toEqual([
      ['desk', 'call.failed', 'disk full'],
      ['main', 'render-process-gone', 'crashed'],
    ]);
    expect(recentErrors(join(dir, 'nowhere'))).toEqual([]);
  });
});

describe('core lines', () => {
  it('logs the start with the version and the background integrity check with its result', async () => {
    const dir = profile();
    const core = await openCore({ profileDir: dir, host: 'browser' });
    await new Promise<void>((resolve) => {
      const off = core.onEvent((e) => {
        if (e.type === 'store.health' && e.health.state === 'ok') {
          off();
          resolve();
        }
      });
    });
    await core.close();
    const lines = logText(dir)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ msg: 'core.start', host: 'browser', version: APP_VERSION });
    expect(lines.find((l) => l.msg === 'store.integrity_check')).toMatchObject({
      ok: true,
      level: 30,
    });
    expect(lines.at(-1)).toMatchObject({ msg: 'core.stop' });
  });
});

describe('migrations', () => {
  it('logs a schema migration of an existing database with the backup it took', async () => {
    const dir = profile();
    const older = openStore(databasePath(dir), MIGRATIONS.slice(0, -1));
    older.close();
    const core = await openCore({ profileDir: dir, host: 'cli', backgroundIntegrityCheck: false });
    await core.close();
    const migrated = logText(dir)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'store.migrated');
    expect(migrated).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION });
    expect(String(migrated?.backup)).toContain('backups');
  });
});

describe('a log that cannot be written', () => {
  it('does not stop the core from opening and working', async () => {
    const dir = profile();
    writeFileSync(join(dir, 'logs'), 'a file where the folder should be');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const core = await openCore({ profileDir: dir, host: 'cli', backgroundIntegrityCheck: false });
    try {
      expect(errors).toHaveBeenCalledWith(
        'copydesk: the log file cannot be opened:',
        expect.anything(),
      );
      const r = await core.call('articles.create', { fields: { headline: 'Still works' } });
      expect(r.ok).toBe(true);
    } finally {
      await core.close();
      errors.mockRestore();
    }
    expect(readFileSync(join(dir, 'logs'), 'utf8')).toBe('a file where the folder should be');
  });
});

describe('scrub', () => {
  it('masks tokens but keeps UUIDs, hashes and ordinary words', () => {
    const uuid = '0b5f3c1e-2d4a-4e6b-9c8d-7a6f5e4d3c2b';
    const sha = 'a'.repeat(64);
    expect(scrubText(`id ${uuid} blob ${sha} token ${TOKEN}`)).toBe(
      `id ${uuid} blob ${sha} token ${REDACTED}`,
    );
    expect(scrubText('Authorization: Bearer abc.def')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(scrubFields({ body: 'x', password: 'p', count: 2, ok: true })).toEqual({
      body: REDACTED,
      password: REDACTED,
      count: 2,
      ok: true,
    });
  });
});
