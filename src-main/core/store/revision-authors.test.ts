/** Each revision names who saved it: the desk's user for local saves, the actor for synced ones. */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../src-shared/richtext/plainText';
import { tempDir } from '../../../tests/support/tmp';
import { ArticleRepository } from './articles';
import { openStore } from './db';
import { LocalWriter } from './local-writer';
import { OutboxRepository } from './outbox';

const tmp = tempDir('copydesk-revision-authors-');
const store = openStore(join(tmp.dir, 'copydesk.db'));
afterEach(() => {
  store.db.close();
  tmp.cleanup();
});

it('records the signed-in user on local revisions and the pulled change’s actor on synced ones', () => {
  let user: string | null = 'anna';
  const articles = new ArticleRepository(store.db, {
    writer: new LocalWriter(store.db, new OutboxRepository(store.db)),
    currentUser: () => user,
  });
  const a = articles.create({ fields: { headline: 'Eins' } });
  user = null; // signed out, never signed in on this profile: unknown
  articles.save(a.id, { fields: { headline: 'Zwei' } });
  const synced = (text: string, updatedBy?: string | null) =>
    store.db.transaction(() =>
      articles.putSynced(
        { ...articles.get(a.id), body: bodyFromParagraphs([text]) },
        { serverVersion: 5, serverBodyVersion: 5, hasConflict: false, updatedBy },
      ),
    )();
  synced('Vom Chef', 'chief');
  synced('Ohne Namen'); // the server named nobody
  expect(articles.revisions(a.id).map((r) => [r.revision, r.reason, r.author])).toEqual([
    [4, 'synced', null],
    [3, 'synced', 'chief'],
    [2, 'saved', null],
    [1, 'created', 'anna'],
  ]);
});
