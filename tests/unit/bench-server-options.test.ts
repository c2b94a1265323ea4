/** The server bench's environment options: which databases and how long; bad values are refused. */
import { expect, it } from 'vitest';
import { benchDatabases, benchSeconds } from '../../bench/server';

it('runs both databases unless one is named', () => {
  expect(benchDatabases(undefined)).toEqual({ sqlite: true, postgres: true });
  expect(benchDatabases('both')).toEqual({ sqlite: true, postgres: true });
  expect(benchDatabases('sqlite')).toEqual({ sqlite: true, postgres: false });
  expect(benchDatabases('postgres')).toEqual({ sqlite: false, postgres: true });
  expect(() => benchDatabases('mysql')).toThrow(/sqlite, postgres or both, not "mysql"/);
});

it('takes the load phase length in seconds, 20 by default', () => {
  expect(benchSeconds(undefined)).toBe(20);
  expect(benchSeconds('5')).toBe(5);
  for (const bad of ['0', '-3', 'abc', '601'])
    expect(() => benchSeconds(bad)).toThrow(/COPYDESK_BENCH_SECONDS/);
});
