/** The shared SQL on a better-sqlite3 connection: each statement prepared once and cached. */
import type Database from 'better-sqlite3';
import type { Param, Row, SqlRunner } from '../sql/runner';

export class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    return Promise.resolve(this.prepare(sql).all(...params) as Row[]);
  }
  get(sql: string, params: readonly Param[] = []): Promise<Row | undefined> {
    return Promise.resolve(this.prepare(sql).get(...params) as Row | undefined);
  }
  run(sql: string, params: readonly Param[] = []): Promise<void> {
    this.prepare(sql).run(...params);
    return Promise.resolve();
  }
  inWriteTransaction(): boolean {
    return this.db.inTransaction && !this.db.readonly;
  }
}
