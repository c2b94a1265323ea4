/** The shared SQL on a node-postgres connection: `?` placeholders become `$1, $2, …`. */
import type { ClientBase } from 'pg';
import type { Param, Row, SqlRunner } from '../sql/runner';

const converted = new Map<string, string>();

/** The shared SQL uses `?` (never inside a literal); pg wants numbered parameters. */
export function toPgSql(sql: string): string {
  let out = converted.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    converted.set(sql, out);
  }
  return out;
}

export class PgRunner implements SqlRunner {
  readonly dialect = 'postgres';

  constructor(
    private readonly client: ClientBase,
    private readonly writable: boolean,
  ) {}

  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    return (await this.client.query<Row>(toPgSql(sql), params as Param[])).rows;
  }
  async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<void> {
    await this.client.query(toPgSql(sql), params as Param[]);
  }
  inWriteTransaction(): boolean {
    return this.writable;
  }
}
