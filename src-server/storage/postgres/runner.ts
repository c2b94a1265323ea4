/**
 * The shared SQL on a node-postgres connection: `?` placeholders become `$1, $2, …`.
 *
 * Round trips are what a PostgreSQL transaction pays for (node-postgres sends one statement, then
 * waits for its answer), and a write transaction holds the change-feed counter for all of them
 * (sql/feed.ts). So a runner can hold statements back and send them together, in one simple-query
 * message, with the next statement that needs an answer: writes (`run`) of a write transaction
 * and the transaction control the store queues (BEGIN, SAVEPOINT, …) wait in `pending` until a
 * read needs the database or the store calls `flush`. Parameters then travel as quoted literals,
 * which PostgreSQL types from their context exactly as it types node-postgres's untyped
 * parameters. A held-back write that fails makes that later call fail, so the store flushes at
 * the end of every job, before it counts the job as done (index.ts).
 */
import pg from 'pg';
import type { ClientBase, QueryResult } from 'pg';
import type { Param, Row, SqlRunner } from '../sql/runner';

interface Prepared {
  name: string;
  text: string;
}
const converted = new Map<string, Prepared>();

/**
 * The shared SQL uses `?` (never inside a literal); pg wants numbered parameters. Each distinct
 * statement also gets a name: node-postgres then parses and plans it once per connection and
 * afterwards only binds and executes it (the SQL texts are a fixed set, so the names are too).
 */
function prepared(sql: string): Prepared {
  let out = converted.get(sql);
  if (out === undefined) {
    let n = 0;
    out = { name: `copydesk_${converted.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    converted.set(sql, out);
  }
  return out;
}

export function toPgSql(sql: string): string {
  return prepared(sql).text;
}

/** A literal for a parameter: untyped ('…'), like the parameters node-postgres sends. */
const literal = (p: Param): string => (p === null ? 'NULL' : pg.escapeLiteral(String(p)));

/** The statement with its parameters written in as literals (for a multi-statement message). */
export function inlineSql(sql: string, params: readonly Param[]): string {
  let i = 0;
  const text = sql.replace(/\?/g, () => {
    if (i >= params.length) throw new Error(`too few parameters for: ${sql}`);
    return literal(params[i++] as Param);
  });
  if (i !== params.length) throw new Error(`too many parameters for: ${sql}`);
  return text;
}

export class PgRunner implements SqlRunner {
  readonly dialect = 'postgres';
  /** Statements (complete SQL text) not sent yet, in order. */
  private pending: string[] = [];
  /** How many of `pending` were queued before the running job's own statements. */
  private marked = 0;

  constructor(
    private readonly client: ClientBase,
    private readonly writable: boolean,
  ) {}

  /** Holds a statement back until the next read or flush (complete SQL, no placeholders). */
  queue(...statements: string[]): void {
    this.pending.push(...statements);
  }

  /** Marks where the running job's own statements begin (after its SAVEPOINT). */
  mark(): void {
    this.marked = this.pending.length;
  }

  /** Forgets the running job's statements not sent yet (the job failed); keeps those before. */
  discard(): void {
    this.pending = this.pending.slice(0, this.marked);
  }

  /** Sends the held-back statements, then `after`, in one message. */
  async flush(...after: string[]): Promise<void> {
    const statements = [...this.pending, ...after];
    this.pending = [];
    this.marked = 0;
    if (statements.length > 0) await this.client.query(statements.join(';\n'));
  }

  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    if (this.pending.length === 0) {
      return (await this.client.query<Row>({ ...prepared(sql), values: params as Param[] })).rows;
    }
    const statements = [...this.pending, inlineSql(sql, params)];
    this.pending = [];
    this.marked = 0;
    const results = (await this.client.query<Row>(statements.join(';\n'))) as
      QueryResult<Row> | QueryResult<Row>[];
    // Several statements answer with one result each; the read is the last.
    const last = Array.isArray(results) ? results[results.length - 1] : results;
    return last?.rows ?? [];
  }
  async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<void> {
    if (this.writable) {
      this.pending.push(inlineSql(sql, params));
      return;
    }
    await this.all(sql, params);
  }
  inWriteTransaction(): boolean {
    return this.writable;
  }
}
