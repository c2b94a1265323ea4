/**
 * The core in a real worker thread: worker.ts runs under tsx (through a small bootstrap, since
 * Node 20 does not apply `--import tsx` to a worker's entry module) and talks to the real
 * core and SQLite; worker-client.ts is the CoreHandle the Electron main process uses.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, CoreEvent } from '../../src-shared/api';
import type { CoreHandle } from '../../src-main/core/types';
import { serveCore, type FromWorker } from '../../src-main/core/worker';
import { startCoreWorker, type WorkerCoreClient } from '../../src-main/core/worker-client';

const repo = join(import.meta.dirname, '../..');
let scratch: string;
let bootstrap: string;
const clients: WorkerCoreClient[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'copydesk-worker-'));
  bootstrap = join(scratch, 'bootstrap.mjs');
  await writeFile(
    bootstrap,
    [
      `const { register } = await import(${JSON.stringify(tsxEsmApi())});`,
      `register();`,
      `await import(${JSON.stringify(pathToFileURL(join(repo, 'src-main/core/worker.ts')).href)});`,
    ].join('\n'),
  );
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.terminate()));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** tsx's ESM API ('tsx/esm/api', import condition), resolved from the repo's node_modules. */
function tsxEsmApi(): string {
  const require = createRequire(join(repo, 'package.json'));
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = pkg.exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx no longer exports ./esm/api for import');
  return pathToFileURL(join(dirname(pkgPath), entry)).href;
}

async function profile(): Promise<string> {
  return mkdtemp(join(scratch, 'profile-'));
}

function start(
  profileDir: string,
  workerPath = bootstrap,
  closeTimeoutMs?: number,
): WorkerCoreClient {
  const client = startCoreWorker(
    { profileDir, host: 'electron', backgroundIntegrityCheck: false },
    { workerPath, closeTimeoutMs },
  );
  clients.push(client);
  return client;
}

/** A stand-in worker script speaking the protocol, for failures the real core cannot be made to have. */
async function fixtureWorker(name: string, body: string): Promise<string> {
  const file = join(scratch, `${name}.mjs`);
  await writeFile(file, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
  return file;
}

function errorOf(result: CallResult) {
  return result.ok ? null : result.error;
}

describe('core worker round trip (real core, real SQLite)', () => {
  it('answers calls, relays events and closes the store', async () => {
    const dir = await profile();
    const client = start(dir);
    const events: CoreEvent[] = [];
    client.onEvent((e) => events.push(e));
    // Sent before the core has opened: must wait, not fail.
    const early = client.call('app.info', {});
    await client.ready;
    expect(await early).toMatchObject({ ok: true, value: { host: 'electron', profileDir: dir } });

    const created = await client.call('articles.create', {
      fields: { headline: 'Münster/LWL: Museum öffnet' },
    });
    expect(created).toMatchObject({ ok: true, value: { headline: 'Münster/LWL: Museum öffnet' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    const listed = await client.call('articles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 1, items: [{ id }] } });
    await expect.poll(() => events).toEqual([{ type: 'article.created', id, origin: 'local' }]);

    expect(errorOf(await client.call('articles.drop', {}))?.code).toBe('unknown_method');
    expect(errorOf(await client.call('articles.get', { id: 'nope' }))?.code).toBe('invalid_input');

    await client.close();
    expect(errorOf(await client.call('articles.list', {}))?.code).toBe('transport');

    // The data outlived the worker: a fresh one on the same profile sees it.
    const again = start(dir);
    expect(await again.call('articles.list', {})).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ id }] },
    });
    await again.close();
  });

  it('refuses input that cannot cross the thread boundary, and keeps working', async () => {
    const client = start(await profile());
    await client.ready;
    const bad = await client.call('articles.list', { limit: () => 5 });
    expect(errorOf(bad)).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('could not be sent') as string,
    });
    expect(await client.call('articles.list', {})).toMatchObject({ ok: true });
    await client.close();
  });

  it('reports a core that cannot open as a failed ready and transport errors', async () => {
    const notADir = join(scratch, 'plain-file');
    await writeFile(notADir, 'I am a file, not a profile folder');
    const client = start(notADir);
    await expect(client.ready).rejects.toThrow(/could not open/);
    const result = await client.call('articles.list', {});
    expect(errorOf(result)).toMatchObject({
      code: 'transport',
      message: expect.stringContaining('could not open') as string,
    });
    await client.close();
  });
});

describe('worker death', () => {
  it('answers pending and later calls with a transport error when the worker exits', async () => {
    const path = await fixtureWorker(
      'exits-on-call',
      `parentPort.postMessage({ kind: 'ready' });
       parentPort.on('message', (m) => { if (m.kind === 'call') process.exit(3); });`,
    );
    const client = start(await profile(), path);
    await client.ready;
    const result = await client.call('articles.list', {});
    expect(errorOf(result)).toMatchObject({
      code: 'transport',
      message: expect.stringContaining('exit code 3') as string,
    });
    expect(errorOf(await client.call('articles.list', {}))?.code).toBe('transport');
    await client.close();
  });

  it('reports a worker that crashes on start', async () => {
    const path = await fixtureWorker('crashes', `throw new Error('native module mismatch');`);
    const client = start(await profile(), path);
    await expect(client.ready).rejects.toThrow(/crashed: native module mismatch/);
    expect(errorOf(await client.call('app.info', {}))?.code).toBe('transport');
  });

  it('answers a call in flight when the worker is terminated', async () => {
    const path = await fixtureWorker(
      'never-answers',
      `parentPort.postMessage({ kind: 'ready' }); parentPort.on('message', () => {});`,
    );
    const client = start(await profile(), path);
    await client.ready;
    const pending = client.call('articles.list', {});
    await client.terminate();
    expect(errorOf(await pending)?.code).toBe('transport');
  });

  it('terminates a worker that does not close in time, and says so', async () => {
    const path = await fixtureWorker(
      'ignores-close',
      `parentPort.postMessage({ kind: 'ready' }); parentPort.on('message', () => {});`,
    );
    const client = start(await profile(), path, 200);
    await client.ready;
    await expect(client.close()).rejects.toThrow(/did not close cleanly/);
    expect(errorOf(await client.call('app.info', {}))?.code).toBe('transport');
  });
});

describe('serveCore relay', () => {
  function relay(core: Promise<CoreHandle>) {
    const { port1, port2 } = new MessageChannel();
    const received: FromWorker[] = [];
    const exits: number[] = [];
    port2.on('message', (m: FromWorker) => received.push(m));
    serveCore(
      port1,
      () => core,
      (code) => exits.push(code),
    );
    const stop = () => {
      port1.close();
      port2.close();
    };
    return { port2, received, exits, stop };
  }

  it('answers with an internal error when a result cannot be cloned', async () => {
    // A core that breaks its own contract, which the real one cannot be made to do on purpose.
    const brokenCore: CoreHandle = {
      call: () => Promise.resolve({ ok: true, value: { toJSON: () => 1, fn: () => 1 } }),
      onEvent: () => () => undefined,
      close: () => Promise.resolve(),
    };
    const r = relay(Promise.resolve(brokenCore));
    r.port2.postMessage({ kind: 'call', id: 7, method: 'app.info', input: {} });
    await expect
      .poll(() => r.received.find((m) => m.kind === 'result'))
      .toMatchObject({
        kind: 'result',
        id: 7,
        result: { ok: false, error: { code: 'internal' } },
      });
    r.stop();
  });

  it('finishes calls already accepted before it closes the core', async () => {
    // The real core answers synchronously; a slow one shows the ordering a future async call needs.
    const steps: string[] = [];
    const slowCore: CoreHandle = {
      call: async (method) => {
        await new Promise((r) => setTimeout(r, 100));
        steps.push(`answered ${method}`);
        return { ok: true, value: null };
      },
      onEvent: () => () => undefined,
      close: () => {
        steps.push('closed');
        return Promise.resolve();
      },
    };
    const r = relay(Promise.resolve(slowCore));
    r.port2.postMessage({ kind: 'call', id: 1, method: 'articles.list', input: {} });
    r.port2.postMessage({ kind: 'close' });
    await expect.poll(() => r.exits).toEqual([0]);
    expect(steps).toEqual(['answered articles.list', 'closed']);
    await expect.poll(() => r.received.map((m) => m.kind)).toEqual(['ready', 'result', 'closed']);
    r.stop();
  });

  it('answers with an internal error when the core throws instead of answering', async () => {
    const throwingCore: CoreHandle = {
      call: () => Promise.reject(new Error('disk I/O error')),
      onEvent: () => () => undefined,
      close: () => Promise.resolve(),
    };
    const r = relay(Promise.resolve(throwingCore));
    r.port2.postMessage({ kind: 'call', id: 3, method: 'articles.list', input: {} });
    await expect
      .poll(() => r.received.find((m) => m.kind === 'result'))
      .toMatchObject({
        id: 3,
        result: {
          ok: false,
          error: { code: 'internal', message: expect.stringContaining('disk I/O error') as string },
        },
      });
    r.stop();
  });

  it('closes cleanly after an open that failed, and refuses calls once closing', async () => {
    const r = relay(Promise.reject(new Error('disk full')));
    r.port2.postMessage({ kind: 'call', id: 1, method: 'app.info', input: {} });
    r.port2.postMessage({ kind: 'close' });
    r.port2.postMessage({ kind: 'call', id: 2, method: 'app.info', input: {} });
    await expect.poll(() => r.exits).toEqual([0]);
    await expect.poll(() => r.received.length).toBe(4);
    expect(r.received).toContainEqual({ kind: 'failed', message: 'disk full' });
    expect(r.received).toContainEqual({ kind: 'closed' });
    const results = r.received.filter((m) => m.kind === 'result');
    expect(results.map((m) => [m.id, errorOf(m.result)?.code])).toEqual(
      expect.arrayContaining([
        [1, 'transport'],
        [2, 'transport'],
      ]),
    );
    r.stop();
  });
});
