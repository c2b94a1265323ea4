/** The newsroom dictionary through the DesktopApi: queued mutations, validation, role check. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ApiError } from '../../src-shared/api';
import { databasePath } from './core';
import { useTestCore } from '../../tests/support/testCore';

const desk = useTestCore();

function rows(sql: string): unknown[] {
  const db = new Database(databasePath(desk.dir), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('newsroom dictionary on the desk', () => {
  it('adds a word with its dictionary.addWord outbox row, once, and lists words alphabetically', async () => {
    const w = await desk.api['dictionary.add']({ word: 'citeq' });
    expect(w).toMatchObject({ word: 'citeq', addedBy: null, pending: true });
    await desk.api['dictionary.add']({ word: 'Vitako' });
    await desk.api['dictionary.add']({ word: 'citeq' }); // known: nothing new queued
    await desk.api['dictionary.add']({ word: 'Ärztekammer' });
    expect((await desk.api['dictionary.list']({})).items.map((i) => i.word)).toEqual([
      'Ärztekammer',
      'citeq',
      'Vitako',
    ]);
    expect(rows('SELECT name, entity_type, entity_id, args_json FROM outbox')).toEqual([
      {
        name: 'dictionary.addWord',
        entity_type: 'word',
        entity_id: 'citeq',
        args_json: '{"word":"citeq"}',
      },
      {
        name: 'dictionary.addWord',
        entity_type: 'word',
        entity_id: 'Vitako',
        args_json: '{"word":"Vitako"}',
      },
      {
        name: 'dictionary.addWord',
        entity_type: 'word',
        entity_id: 'Ärztekammer',
        args_json: '{"word":"Ärztekammer"}',
      },
    ]);
    expect(desk.events.filter((e) => e.type === 'dictionary.updated')).toHaveLength(3);
  });

  it('refuses what is not one word with a clear error and writes nothing', async () => {
    for (const word of ['zwei Wörter', 'x', '-citeq', 'a'.repeat(65)]) {
      const e: unknown = await desk.api['dictionary.add']({ word }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('invalid_input');
    }
    expect(rows('SELECT * FROM dictionary_words')).toEqual([]);
    expect(rows('SELECT * FROM outbox')).toEqual([]);
    expect(desk.events).toEqual([]);
  });

  it('refuses a removal by someone who is not a signed-in desk chief, and changes nothing', async () => {
    await desk.api['dictionary.add']({ word: 'citeq' });
    const e: unknown = await desk.api['dictionary.remove']({ word: 'citeq' }).catch(
      (x: unknown) => x,
    );
    expect((e as ApiError).code).toBe('unauthorized');
    expect((e as ApiError).message).toMatch(/desk chief/);
    expect((await desk.api['dictionary.list']({})).items.map((i) => i.word)).toEqual(['citeq']);
    expect(rows("SELECT name FROM outbox WHERE name = 'dictionary.removeWord'")).toEqual([]);
  });
});
