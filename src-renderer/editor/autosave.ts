/**
 * Autosave for one open article, independent of React and Lexical.
 *
 * Edits only mark what changed (a field value, "the body is dirty"); nothing is serialized on a
 * keystroke. `delayMs` after the last change — or at once on blur, close or unmount — one save
 * sends the changed fields and, if dirty, the body read once through `readBody`. Saves never
 * overlap: changes made while one is in flight go in the next. A failed save keeps its changes
 * pending and retries. Typing never waits for any of this.
 */
import type { ArticleFieldsPatch, BodyJson } from '../../src-shared/model';

export type SaveStatus = 'saved' | 'saving' | 'error';

export interface SaveRequest {
  fields?: ArticleFieldsPatch;
  body?: BodyJson;
}

export interface AutosaverOptions {
  delayMs?: number;
  retryMs?: number;
  save(request: SaveRequest): Promise<void>;
  /** Best effort while the page unloads (must not wait). */
  saveOnExit?(request: SaveRequest): void;
  readBody(): BodyJson;
  onStatus(status: SaveStatus, error?: string): void;
}

export class Autosaver {
  private fields: ArticleFieldsPatch = {};
  private bodyDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private status: SaveStatus = 'saved';
  private failures = 0;

  constructor(private readonly options: AutosaverOptions) {}

  get pending(): boolean {
    return this.bodyDirty || Object.keys(this.fields).length > 0;
  }

  setField<K extends keyof ArticleFieldsPatch>(key: K, value: ArticleFieldsPatch[K]): void {
    this.fields[key] = value;
    this.changed();
  }

  markBodyDirty(): void {
    this.bodyDirty = true;
    this.changed();
  }

  /** Saves everything pending now; resolves when it (and any save before it) is stored. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (!this.pending) {
      // Nothing to store: no "saved" news (its time would claim a save that did not happen),
      // unless the line still says "saving". An error stays until a save succeeds.
      if (this.status === 'saving') this.setStatus('saved');
      return;
    }
    const request = this.take();
    if (this.status !== 'saving') this.setStatus('saving');
    const attempt = this.options.save(request);
    this.inFlight = attempt;
    try {
      await attempt;
      this.inFlight = null;
      this.failures = 0;
      if (this.pending) this.schedule(0);
      else this.setStatus('saved');
    } catch (error) {
      this.inFlight = null;
      this.giveBack(request);
      this.setStatus('error', error instanceof Error ? error.message : String(error));
      // Keep trying (nothing is dropped), backing off up to 30 s.
      this.failures++;
      this.schedule(Math.min((this.options.retryMs ?? 2000) * this.failures, 30_000));
      throw error;
    }
  }

  /** For pagehide/beforeunload: hands whatever is pending to `saveOnExit` synchronously. */
  flushOnExit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending || !this.options.saveOnExit) {
      void this.flush().catch(() => undefined);
      return;
    }
    this.options.saveOnExit(this.take());
  }

  private changed(): void {
    if (this.status !== 'saving') this.setStatus('saving');
    this.schedule(this.options.delayMs ?? 500);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), ms);
  }

  private take(): SaveRequest {
    const request: SaveRequest = {};
    if (Object.keys(this.fields).length > 0) request.fields = this.fields;
    if (this.bodyDirty) request.body = this.options.readBody();
    this.fields = {};
    this.bodyDirty = false;
    return request;
  }

  /** A failed save's changes become pending again unless newer edits replaced them. */
  private giveBack(request: SaveRequest): void {
    this.fields = { ...request.fields, ...this.fields };
    if (request.body) this.bodyDirty = true;
  }

  private setStatus(status: SaveStatus, error?: string): void {
    this.status = status;
    this.options.onStatus(status, error);
  }
}
