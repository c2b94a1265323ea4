/** Shared set-up of the PostgreSQL-only tests: a fresh database on the run's test cluster. */
import pg from 'pg';
import { afterAll, beforeAll, vi } from 'vitest';
import {
  createTestDatabase,
  PG_BIN_ENV,
  type PgCluster,
  startPgCluster,
} from '../support/postgres';
import { testPgAdminUrl } from '../support/pgTestRun';
import { preparedSql } from '../../src-server/storage/postgres/runner';

let privateCluster: PgCluster | undefined;

export async function freshDatabase(): Promise<string> {
  const adminUrl = privateCluster?.adminUrl ?? testPgAdminUrl();
  if (!adminUrl) throw new Error('no test cluster: run these tests in the server-pg project');
  return createTestDatabase(adminUrl);
}

/**
 * Gives the calling test file a cluster of its own (for its freshDatabase calls). The feed is cut
 * at the oldest writer running in the whole cluster (storage/postgres/feed.ts): a file that holds
 * writing transactions open on purpose would hold back every other file's feed on the run's
 * shared cluster, and a file that reads the feed right after writing (or counts messages) would
 * be held back by theirs.
 */
export function usePrivateCluster(): void {
  beforeAll(async () => {
    const bin = process.env[PG_BIN_ENV];
    if (!bin) throw new Error(`${PG_BIN_ENV} is not set (vitest.config.ts sets it)`);
    privateCluster = await startPgCluster(bin);
  }, 60_000);
  afterAll(() => {
    const cluster = privateCluster;
    privateCluster = undefined;
    cluster?.stop();
  });
}

/** The literals of an `EXECUTE name(…)` as the runner writes them: 'text' (E'…' with backslashes) or NULL. */
function executeArgs(list: string): string[] {
  const args: string[] = [];
  const literal = /\s*(NULL|E?'(?:[^']|'')*')\s*(?:,|$)/gy;
  for (let m = literal.exec(list); m; m = literal.exec(list)) {
    args.push(m[1] as string);
    if (literal.lastIndex >= list.length) break;
  }
  return args;
}

/**
 * Records the text of every message sent to PostgreSQL from now on (vi.restoreAllMocks ends it),
 * as if every statement were sent whole: the runner's `PREPARE` lines are left out and each
 * `EXECUTE name(…)` is shown as the statement it runs with its literals written in (so tests
 * read which statements a message carries). `raw` keeps the messages as sent.
 */
export function recordMessages(): string[] & { raw: string[] } {
  const sent = Object.assign([] as string[], { raw: [] as string[] });
  const preparedByClient = new WeakMap<object, Map<string, string>>();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the client as `this`
  const query = pg.Client.prototype.query;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args) {
    const first = args[0] as string | { text: string };
    const text = typeof first === 'string' ? first : first.text;
    sent.raw.push(text);
    const prepared = preparedByClient.get(this) ?? new Map<string, string>();
    preparedByClient.set(this, prepared);
    const shown: string[] = [];
    for (const statement of text.split(';\n')) {
      const prepare = /^PREPARE (\w+) AS ([\s\S]*)$/.exec(statement);
      if (prepare) {
        prepared.set(prepare[1] as string, prepare[2] as string);
        continue;
      }
      const execute = /^EXECUTE (\w+)(?:\(([\s\S]*)\))?$/.exec(statement);
      const name = execute?.[1] as string;
      const sql = execute ? (prepared.get(name) ?? preparedSql(this, name)) : undefined;
      if (execute && sql !== undefined) {
        const values = executeArgs(execute[2] ?? '');
        shown.push(sql.replace(/\$(\d+)/g, (_, n: string) => values[Number(n) - 1] ?? `$${n}`));
      } else {
        shown.push(statement);
      }
    }
    sent.push(shown.join(';\n'));
    return (query as (...a: unknown[]) => unknown).apply(this, args) as never;
  });
  return sent;
}
