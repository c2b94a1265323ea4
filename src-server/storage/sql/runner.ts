/**
 * What the area stores need from a database connection inside one transaction. The SQL they run
 * is written once, with `?` placeholders, in the dialect both SQLite and PostgreSQL accept; each
 * database supplies a runner (prepared-statement cache for SQLite, `$n` placeholders for pg).
 */
export type Row = Record<string, unknown>;
export type Param = string | number | null;

export interface SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  get(sql: string, params?: readonly Param[]): Promise<Row | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<void>;
  /** True inside a write transaction (the feed refuses to hand out positions elsewhere). */
  inWriteTransaction(): boolean;
}

export const json = (v: unknown): string => JSON.stringify(v ?? null);
export const parse = <T>(v: unknown): T => JSON.parse(typeof v === 'string' ? v : 'null') as T;
/** Numbers from either driver (pg returns BIGINT and COUNT as strings). */
export const num = (v: unknown): number => Number(v);
export const strOrNull = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
