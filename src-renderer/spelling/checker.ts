/**
 * The renderer's side of the spelling worker: one worker per language, started on first use and
 * kept for the session. Verdicts are cached per word, so a word is sent to the worker once.
 */
import { type SpellLanguage, type SpellRequest, SpellResponse } from './protocol';

type Pending = { resolve: (words: string[]) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class SpellChecker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** word → misspelled? */
  private readonly verdicts = new Map<string, boolean>();

  /** Words accepted in this session (personal dictionary, "Ignore"). */
  private readonly accepted = new Set<string>();

  constructor(readonly language: SpellLanguage) {
    this.worker = new Worker(new URL('./spell.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = SpellResponse.safeParse(event.data);
      if (!reply.success) return;
      const waiting = this.pending.get(reply.data.id);
      this.pending.delete(reply.data.id);
      if (reply.data.type === 'ok') waiting?.resolve(reply.data.words);
      else waiting?.reject(new Error(reply.data.message));
    };
    // A checker that cannot start (no dictionary) leaves the text unmarked and says so once.
    this.request({ type: 'open', language }).catch((e: unknown) =>
      console.error(`Spelling (${language}) is not available:`, e),
    );
  }

  private request(message: DistributiveOmit<SpellRequest, 'id'>): Promise<string[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** The cached verdict for `word`: true misspelled, false correct, undefined not asked yet. */
  known(word: string): boolean | undefined {
    return this.verdicts.get(word);
  }

  /** Asks the worker about the words not cached yet; resolves once all are cached. */
  async check(words: Iterable<string>): Promise<void> {
    const unknown = [...new Set(words)].filter((w) => !this.verdicts.has(w));
    if (unknown.length === 0) return;
    const wrong = new Set(await this.request({ type: 'check', words: unknown }));
    // A word accepted while the worker was busy stays accepted.
    for (const w of unknown) this.verdicts.set(w, wrong.has(w) && !this.accepted.has(w));
  }

  suggest(word: string): Promise<string[]> {
    return this.request({ type: 'suggest', word });
  }

  /** Accepts `words` for this session; true if any was new. */
  accept(words: Iterable<string>): boolean {
    const added = [...words].filter((w) => !this.accepted.has(w));
    if (added.length === 0) return false;
    for (const w of added) {
      this.accepted.add(w);
      this.verdicts.set(w, false);
    }
    void this.request({ type: 'add', words: added });
    return true;
  }

  /** Stops accepting `words` (they are checked again); true if any was accepted. */
  forget(words: Iterable<string>): boolean {
    const gone = [...words].filter((w) => this.accepted.has(w));
    if (gone.length === 0) return false;
    for (const w of gone) {
      this.accepted.delete(w);
      this.verdicts.delete(w);
    }
    void this.request({ type: 'remove', words: gone });
    return true;
  }
}

const checkers = new Map<SpellLanguage, SpellChecker>();
/** The dictionaries' words (personal and newsroom), accepted by every checker. */
let dictionaryWords = new Set<string>();

/** The session's checker for `language`, started on first use. */
export function spellChecker(language: SpellLanguage): SpellChecker {
  let checker = checkers.get(language);
  if (!checker) {
    checker = new SpellChecker(language);
    checker.accept(dictionaryWords);
    checkers.set(language, checker);
  }
  return checker;
}

/**
 * Sets the dictionaries' words for every checker, started or not: new words are accepted, words
 * no longer listed (removed from the newsroom dictionary) are checked again. True if any
 * started checker changed its verdicts.
 */
export function setDictionaryWords(words: Iterable<string>): boolean {
  const next = new Set(words);
  const gone = [...dictionaryWords].filter((w) => !next.has(w));
  dictionaryWords = next;
  let changed = false;
  for (const checker of checkers.values()) {
    changed = checker.forget(gone) || changed;
    changed = checker.accept(next) || changed;
  }
  return changed;
}

/** Accepts `word` in every checker started so far (the personal dictionary has no language). */
export function acceptEverywhere(word: string): void {
  for (const checker of checkers.values()) checker.accept([word]);
}
