/** The shared SQL on a node-postgres connection: `?` placeholders become `$1, $2, …`. */
import type { ClientBase } from 'pg';
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

export class PgRunner implements SqlRunner {
  readonly dialect = 'postgres';

  constructor(
    private readonly client: ClientBase,
    private readonly writable: boolean,
  ) {}

  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    return (await this.client.query<Row>({ ...prepared(sql), values: params as Param[] })).rows;
  }
  async get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return (await this.all(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<void> {
    await this.client.query({ ...prepared(sql), values: params as Param[] });
  }
  inWriteTransaction(): boolean {
    return this.writable;
  }
}
