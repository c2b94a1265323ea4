/**
 * The shared SQL on a node-postgres connection: `?` placeholders become `$1, $2, …`.
 *
 * Round trips are what a PostgreSQL transaction pays for (node-postgres sends one statement, then
 * waits for its answer), and a write transaction holds the change-feed counter for all of them
 * (sql/feed.ts). So a runner can hold statements back and send them together, in one simple-query
 * message, with the next statement that needs an answer: writes (`run`) of a write transaction
 * and the transaction control the store queues (BEGIN, SAVEPOINT, …) wait in `pending` until a
 * read needs the database or the store calls `flush`. A shared statement then travels as
 * `EXECUTE name('literal', …)` of a statement prepared once on the connection (SQL `PREPARE`, in
 * the message that first uses it), so PostgreSQL neither parses nor (once a generic plan is as
 * good) plans it again; the quoted literals are typed from the prepared statement's parameters,
 * which PostgreSQL infers from their context exactly as for node-postgres's untyped parameters. A held-back write that fails makes that later call fail. In a batch, a job's last
 * writes go with the next job's SAVEPOINT and first read (`startJob`); if that message fails,
 * `split` finds out whose part failed, so that the job at fault fails alone (index.ts). Reads
 * asked for in the same turn of the event loop (`Promise.all`) travel together in one message
 * too, and a read can be held back like a write (`queueRead`, the store's feed lock) to go with
 * the next one.
 */
import pg from 'pg';
import type { ClientBase, QueryResult } from 'pg';
import type { Param, Row, SqlRunner } from '../sql/runner';
import { isConnectionError } from './connectionErrors';

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

/**
 * A statement held back, and who waits for its rows (a queued read) if anyone: complete SQL text
 * (`text`), or one of the shared statements with its parameters (`sql`, `params`), sent as
 * `EXECUTE` of a statement prepared on the connection (see `send`).
 */
type Held = ({ text: string; sql?: undefined } | { sql: string; params: readonly Param[] }) & {
  rows?: { resolve(rows: Row[]): void; reject(error: unknown): void };
};

/**
 * The shared statements prepared (SQL `PREPARE`) on each connection, by SQL text → name. In a
 * simple-query message every statement with its parameters written in is parsed and planned
 * anew each time; `EXECUTE` of a prepared one reuses its parse and, once PostgreSQL finds a
 * generic plan as good, its plan. A name is recorded only after the message that prepared it
 * went through; after a failed message the statement is prepared again under a new name (a
 * prepared statement outlives a rollback, so the old name may or may not exist).
 */
const preparedOn = new WeakMap<ClientBase, { names: Map<string, string>; next: number }>();

/** The statement prepared as `name` on this connection, as PostgreSQL got it (tests read it). */
export function preparedSql(client: ClientBase, name: string): string | undefined {
  for (const [sql, n] of preparedOn.get(client)?.names ?? []) if (n === name) return toPgSql(sql);
  return undefined;
}

function executeSql(name: string, params: readonly Param[]): string {
  return params.length === 0
    ? `EXECUTE ${name}`
    : `EXECUTE ${name}(${params.map(literal).join(', ')})`;
}

/** The count of `?` placeholders must match the parameters (as `inlineSql` checks). */
function checkParams(sql: string, params: readonly Param[]): void {
  let n = 0;
  for (const ch of sql) if (ch === '?') n++;
  if (n > params.length) throw new Error(`too few parameters for: ${sql}`);
  if (n < params.length) throw new Error(`too many parameters for: ${sql}`);
}

/** A job that has ended but whose last writes are still held back (they go with the next job's). */
export interface UnconfirmedJob {
  /** Its savepoint, still open: rolling back to it undoes the job. */
  savepoint: string;
  /** Called when its held-back writes failed (the job has been rolled back to its savepoint). */
  failed(error: unknown): void;
}

/** Where the previous job's held-back statements end and the next job's (its SAVEPOINT) begin. */
interface Boundary {
  at: number;
  previous: UnconfirmedJob;
  next: string;
}

export class PgRunner implements SqlRunner {
  readonly dialect = 'postgres';
  /** Statements (complete SQL text) not sent yet, in order. */
  private pending: Held[] = [];
  /** How many of `pending` were queued before the running job's own statements. */
  private marked = 0;
  /** Reads asked for in this turn of the event loop: they go out together (see `all`). */
  private reads: { sql: string; params: readonly Param[]; rows: NonNullable<Held['rows']> }[] = [];
  /** Set while the previous job's writes wait in `pending` before the running job's own. */
  private boundary: Boundary | undefined;

  constructor(
    private readonly client: ClientBase,
    private readonly writable: boolean,
  ) {}

  /** Holds a statement back until the next read or flush (complete SQL, no placeholders). */
  queue(...statements: string[]): void {
    for (const text of statements) this.pending.push({ text });
  }

  /** Holds a read back like `queue`; its rows arrive when it has been sent with the next message. */
  queueRead(sql: string): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.pending.push({ text: sql, rows: { resolve, reject } });
    });
  }

  /** Marks where the running job's own statements begin (after its SAVEPOINT). */
  mark(): void {
    this.marked = this.pending.length;
  }

  /**
   * Starts a job in its own savepoint. The previous job's writes still held back go with this
   * job's first message (one message per job instead of two); if they fail there, `send` splits
   * the message (see `split`) so that only the previous job fails.
   */
  async startJob(savepoint: string, previous: UnconfirmedJob | undefined): Promise<void> {
    // The job before this one sent nothing of its own and failed: settle its predecessor first.
    if (this.boundary) await this.flush();
    if (previous && this.pending.length > 0)
      this.boundary = { at: this.pending.length, previous, next: savepoint };
    this.queue(`SAVEPOINT ${savepoint}`);
    this.mark();
  }

  /** Whether the previous job's writes are still held back behind the running job's. */
  hasUnconfirmedPrevious(): boolean {
    return this.boundary !== undefined;
  }

  /** Whether anything waits to be sent. */
  hasPending(): boolean {
    return this.pending.length > 0 || this.reads.length > 0;
  }

  /** Forgets the running job's statements not sent yet (the job failed); keeps those before. */
  discard(): void {
    this.pending = this.pending.slice(0, this.marked);
  }

  /** Sends the held-back statements, then `after`, in one message. */
  async flush(...after: string[]): Promise<void> {
    this.holdReads();
    this.queue(...after);
    await this.send();
  }

  /**
   * A read. Reads asked for in the same turn (e.g. `Promise.all` of two lookups) travel in one
   * message with whatever is held back, so they cost one round trip together.
   */
  all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.reads.push({ sql, params, rows: { resolve, reject } });
      if (this.reads.length === 1) queueMicrotask(() => void this.sendReads());
    });
  }

  /** Moves the reads asked for so far behind the held-back statements, in the order asked. */
  private holdReads(): void {
    for (const r of this.reads.splice(0)) {
      try {
        checkParams(r.sql, r.params);
        this.pending.push({ sql: r.sql, params: r.params, rows: r.rows });
      } catch (e) {
        r.rows.reject(e);
      }
    }
  }

  private async sendReads(): Promise<void> {
    const only = this.reads[0];
    if (this.reads.length === 1 && this.pending.length === 0 && only) {
      // Nothing else to send: a named prepared statement (parsed once per connection).
      this.reads = [];
      try {
        const r = await this.client.query<Row>({ ...prepared(only.sql), values: [...only.params] });
        only.rows.resolve(r.rows);
      } catch (e) {
        only.rows.reject(e);
      }
      return;
    }
    this.holdReads();
    // A write queued after a read took the read along already (`run`); send only if a read waits.
    if (this.pending.some((s) => s.rows)) await this.send().catch(() => undefined);
  }

  /**
   * Sends what is held back plus `extra` in one simple-query message. Each queued read gets its
   * statement's rows; if the message fails, every read in it gets the error (and so does the
   * caller, for held-back writes: the store flushes them at the end of each job).
   */
  private async send(): Promise<void> {
    const statements = this.pending;
    const boundary = this.boundary;
    this.pending = [];
    this.marked = 0;
    this.boundary = undefined;
    if (statements.length === 0) return;
    const onConnection = preparedOn.get(this.client) ?? {
      names: new Map<string, string>(),
      next: 0,
    };
    preparedOn.set(this.client, onConnection);
    // Each PREPARE goes right before its first EXECUTE (not at the head of the message: a
    // transaction's isolation level must be set before any statement in it).
    const fresh = new Map<string, string>();
    const texts: string[] = [];
    const resultOf: number[] = [];
    for (const s of statements) {
      if (s.sql === undefined) {
        resultOf.push(texts.push(s.text) - 1);
        continue;
      }
      let name = onConnection.names.get(s.sql) ?? fresh.get(s.sql);
      if (name === undefined) {
        name = `copydesk_exec_${++onConnection.next}`;
        fresh.set(s.sql, name);
        texts.push(`PREPARE ${name} AS ${toPgSql(s.sql)}`);
      }
      resultOf.push(texts.push(executeSql(name, s.params)) - 1);
    }
    let results: QueryResult<Row>[];
    try {
      const r = (await this.client.query<Row>(texts.join(';\n'))) as
        QueryResult<Row> | QueryResult<Row>[];
      results = Array.isArray(r) ? r : [r];
    } catch (e) {
      if (boundary && !isConnectionError(e)) return this.split(statements, boundary, e);
      for (const s of statements) s.rows?.reject(e);
      throw e;
    }
    for (const [sql, name] of fresh) onConnection.names.set(sql, name);
    statements.forEach((s, i) => s.rows?.resolve(results[resultOf[i] as number]?.rows ?? []));
  }

  /**
   * A message with the previous job's writes and the running job's first statements failed: which
   * part failed? PostgreSQL ran it in order and stopped at the error, so the running job's
   * SAVEPOINT exists only if the previous job's part went through. Rolling back to it tells: if
   * that works, the previous job stands and the running job's part is sent again on its own (its
   * reads get their rows or their own error); if not, the previous job is rolled back to its
   * savepoint and fails, and the running job's part (with its SAVEPOINT) is sent again.
   */
  private async split(statements: Held[], b: Boundary, error: unknown): Promise<void> {
    const again = this.pending;
    let previousStands = true;
    try {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${b.next}`);
    } catch {
      previousStands = false;
    }
    // A read the previous job asked for without waiting for it: its rows are lost with the message.
    for (const s of statements.slice(0, b.at)) s.rows?.reject(error);
    if (previousStands) {
      this.pending = [...statements.slice(b.at + 1), ...again];
    } else {
      try {
        await this.client.query(`ROLLBACK TO SAVEPOINT ${b.previous.savepoint}`);
      } catch (e) {
        // The transaction is lost as a whole (the store rolls it back and fails the batch).
        for (const s of statements) s.rows?.reject(error);
        throw e;
      }
      b.previous.failed(error);
      this.pending = [...statements.slice(b.at), ...again];
    }
    await this.send();
  }

  async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<void> {
    if (this.writable) {
      this.holdReads(); // a read asked for before this write runs before it
      checkParams(sql, params);
      this.pending.push({ sql, params });
      return;
    }
    await this.all(sql, params);
  }
  inWriteTransaction(): boolean {
    return this.writable;
  }
}
