/** The desk's copy of the newsroom's display names: cached as the server said, changes reported. */
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../../tests/support/tmp';
import { openStore } from '../store/db';
import { SyncStore } from './store';
import { cachedUserNames, storeUserNames } from './userNames';

let tmp: ReturnType<typeof tempDir>;
let db: ReturnType<typeof openStore>;
let store: SyncStore;

beforeEach(() => {
  tmp = tempDir();
  db = openStore(join(tmp.dir, 'copydesk.db'));
  store = new SyncStore(db.db);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

it('is empty before any answer, then maps usernames to display names; only a change is reported', () => {
  expect(cachedUserNames(store)).toEqual({});
  const list = [
    { username: 'photo', displayName: 'Jonas Licht' },
    { username: 'chief', displayName: 'Miriam Krause' },
  ];
  expect(storeUserNames(store, list)).toBe(true);
  expect(cachedUserNames(store)).toEqual({ chief: 'Miriam Krause', photo: 'Jonas Licht' });
  expect(storeUserNames(store, [...list].reverse())).toBe(false);
  expect(storeUserNames(store, [list[1]!])).toBe(true);
  expect(cachedUserNames(store)).toEqual({ chief: 'Miriam Krause' });
});
