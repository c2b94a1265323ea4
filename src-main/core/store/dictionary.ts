/**
 * The newsroom dictionary in the local store. A word is added or removed by the local writer
 * (the shared `dictionary.addWord` / `dictionary.removeWord` transition and its outbox row in one
 * transaction); this repository keeps the states, and the server's copy replaces a word when a
 * pull brings a newer one.
 */
import type { NewsroomWord } from '../../../src-shared/api';
import type { WordState } from '../../../src-shared/mutations';
import type { Db } from './db';
import type { LocalStateStore, LocalWriter } from './local-writer';
import { lazyStatements } from './statements';

interface WordRow {
  word: string;
  added_by: string | null;
  added_at: string;
  removed: 0 | 1;
  server_version: number | null;
}

function toWord(r: WordRow): NewsroomWord {
  return {
    word: r.word,
    addedBy: r.added_by,
    addedAt: r.added_at,
    pending: r.server_version === null,
  };
}

export class DictionaryRepository {
  private readonly s;

  constructor(
    db: Db,
    private readonly writer: LocalWriter,
  ) {
    this.s = lazyStatements(db, {
      list: 'SELECT * FROM dictionary_words WHERE removed = 0',
      get: 'SELECT * FROM dictionary_words WHERE word = ?',
      insert: `INSERT INTO dictionary_words (word, added_by, added_at, removed, server_version)
            VALUES (?, ?, ?, ?, NULL)`,
      update: 'UPDATE dictionary_words SET added_by = ?, added_at = ?, removed = ? WHERE word = ?',
      upsert: `INSERT INTO dictionary_words (word, added_by, added_at, removed, server_version)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (word) DO UPDATE SET added_by = excluded.added_by,
                 added_at = excluded.added_at, removed = excluded.removed,
                 server_version = excluded.server_version
               WHERE dictionary_words.server_version IS NULL
                  OR dictionary_words.server_version < excluded.server_version`,
    });
    this.writer.register('word', this.localStates);
  }

  /** How the local writer reads and keeps word states (versions stay the server's). */
  readonly localStates: LocalStateStore<'word'> = {
    load: (word) => {
      const r = this.s.get.get(word) as WordRow | undefined;
      return r
        ? {
            word: r.word,
            addedBy: r.added_by,
            addedAt: r.added_at,
            removed: r.removed === 1,
            version: r.server_version ?? 0,
          }
        : null;
    },
    persist: (before, after) => {
      const removed = after.removed ? 1 : 0;
      if (before) this.s.update.run(after.addedBy, after.addedAt, removed, after.word);
      else this.s.insert.run(after.word, after.addedBy, after.addedAt, removed);
    },
    outboxBase: () => null,
  };

  /** The words in use (not removed), alphabetically as a German reader expects. */
  list(): NewsroomWord[] {
    const collator = new Intl.Collator('de');
    return (this.s.list.all() as WordRow[])
      .map(toWord)
      .sort((a, b) => collator.compare(a.word, b.word));
  }

  get(word: string): NewsroomWord | undefined {
    const r = this.s.get.get(word) as WordRow | undefined;
    return r && r.removed === 0 ? toWord(r) : undefined;
  }

  /** Adds a word and queues `dictionary.addWord`; a word in use already is left as it is. */
  add(word: string, by: string | null, at: string): NewsroomWord {
    const known = this.get(word);
    if (known) return known;
    // The writer validates the word first: an invalid one throws before anything is written.
    this.writer.writeOne('word', 'dictionary.addWord', { word }, { authorId: by, at });
    return { word, addedBy: by, addedAt: at, pending: true };
  }

  /** Removes a word and queues `dictionary.removeWord`; false when the word is not in use. */
  remove(word: string, at: string): boolean {
    if (!this.get(word)) return false;
    this.writer.writeOne('word', 'dictionary.removeWord', { word }, { at });
    return true;
  }

  /** Stores the server's copy of a word (inside the pull's transaction). */
  putSynced(w: WordState): void {
    this.s.upsert.run(w.word, w.addedBy, w.addedAt, w.removed ? 1 : 0, w.version);
  }
}
