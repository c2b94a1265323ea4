/**
 * A fault-injecting HTTP proxy for sync tests: between clients and the backend it drops
 * requests, drops responses after the backend committed, duplicates requests, delays, answers
 * 500 and cuts response bodies — each with a probability, from a seeded PRNG (replayable when
 * requests arrive in the same order).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = [
  'drop_request',
  'drop_response',
  'duplicate',
  'delay',
  'error_500',
  'cut_body',
] as const;
export type Fault = (typeof FAULTS)[number];

/** mulberry32: small, fast, good enough for test workloads. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy {
  url: string;
  /** Probability per request of each fault (0 = off). */
  rates: Partial<Record<Fault, number>>;
  /** Extra latency for every response (ms), e.g. to make a pull slow. */
  latencyMs: number;
  readonly counts: Record<Fault | 'pass', number>;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    delete headers['content-length'];
    const up = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (res) => {
        readAll(res).then(
          (b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }),
          reject,
        );
      },
    );
    up.on('error', reject);
    up.end(body);
  });
}

function send(res: ServerResponse, u: Upstream): void {
  const headers = { ...u.headers };
  delete headers['transfer-encoding'];
  delete headers.connection;
  headers['content-length'] = String(u.body.length);
  res.writeHead(u.status, headers);
  res.end(u.body);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(targetUrl: string, seed: number): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const random = prng(seed);
  const counts = Object.fromEntries([...FAULTS, 'pass'].map((f) => [f, 0])) as FaultProxy['counts'];
  const proxy: FaultProxy = {
    url: '',
    rates: {},
    latencyMs: 0,
    counts,
    close: async () => undefined,
  };

  const pick = (): Fault | 'pass' => {
    const r = random();
    let acc = 0;
    for (const f of FAULTS) {
      acc += proxy.rates[f] ?? 0;
      if (r < acc) return f;
    }
    return 'pass';
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const fault = pick();
      counts[fault] += 1;
      if (proxy.latencyMs > 0) await sleep(proxy.latencyMs);
      try {
        switch (fault) {
          case 'drop_request':
            req.socket.destroy();
            return;
          case 'error_500':
            res.writeHead(500, { 'content-type': 'application/json', 'retry-after': '0' });
            res.end(JSON.stringify({ error: { code: 'internal', message: 'injected fault' } }));
            return;
          case 'drop_response':
            await forward(target, req, body);
            req.socket.destroy();
            return;
          case 'duplicate': {
            await forward(target, req, body);
            send(res, await forward(target, req, body));
            return;
          }
          case 'delay':
            await sleep(Math.floor(random() * 300));
            send(res, await forward(target, req, body));
            return;
          case 'cut_body': {
            const u = await forward(target, req, body);
            const headers: Upstream['headers'] = {
              ...u.headers,
              'content-length': String(u.body.length),
            };
            delete headers['transfer-encoding'];
            res.writeHead(u.status, headers);
            res.write(u.body.subarray(0, Math.floor(u.body.length / 2)));
            setTimeout(() => req.socket.destroy(), 5);
            return;
          }
          default:
            send(res, await forward(target, req, body));
        }
      } catch {
        req.socket.destroy();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}
