/**
 * Start-up order: when the app opens an article (a `#article=` link), the calls of the shell
 * around it (sync status, notices, presence, the list, review counts, the dictionary…) wait
 * until the body is shown and editable, so that they compete neither with the article's answer
 * for the core nor with the editor for the renderer's main thread. They wait at most
 * STARTUP_WAIT_MS (an article that does not load must not keep the shell empty). Without an
 * article to open, nothing waits.
 */

export const STARTUP_WAIT_MS = 3000;

export class StartupGate {
  private open: boolean;
  private readonly waiting = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(opts: { waitForEditor: boolean; maxWaitMs?: number }) {
    this.open = !opts.waitForEditor;
    if (!this.open)
      this.timer = setTimeout(() => this.release(), opts.maxWaitMs ?? STARTUP_WAIT_MS);
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Runs `fn` now when start-up is over, else when it is; the result cancels a waiting run. */
  after(fn: () => void): () => void {
    if (this.open) {
      fn();
      return () => undefined;
    }
    const run = () => fn();
    this.waiting.add(run);
    return () => this.waiting.delete(run);
  }

  /** Start-up is over (the editor is ready, or it failed): everything waiting runs. */
  release(): void {
    if (this.open) return;
    this.open = true;
    clearTimeout(this.timer);
    const runs = [...this.waiting];
    this.waiting.clear();
    for (const run of runs) run();
  }
}

const opensArticle = /^#article=[0-9a-f-]{36}$/i.test(globalThis.location?.hash ?? '');
const gate = new StartupGate({ waitForEditor: opensArticle });

/** Runs `fn` once the article opened at start is shown (or at once); returns a cancel function. */
export function afterStartup(fn: () => void): () => void {
  return gate.after(fn);
}

/** Called when the editor opened at start is ready, or could not load. */
export function startupDone(): void {
  gate.release();
}

/** Whether start-up is over (always, when no article was opened at start). */
export function startupOver(): boolean {
  return gate.isOpen;
}

/** Waits this long at most for a frame (no frames come while the window is hidden). */
export const PAINT_WAIT_MS = 100;

/**
 * Runs `fn` after start-up and after the next frame is painted (a task after the next
 * animation frame), so that what it renders comes after the body is on screen. The result
 * cancels a waiting run.
 */
export function afterStartupPainted(fn: () => void, on: StartupGate = gate): () => void {
  let done = false;
  let timers: ReturnType<typeof setTimeout>[] = [];
  const run = () => {
    if (done) return;
    done = true;
    timers.forEach(clearTimeout);
    fn();
  };
  const cancelWait = on.after(() => {
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => timers.push(setTimeout(run, 0)));
    timers.push(setTimeout(run, PAINT_WAIT_MS));
  });
  return () => {
    done = true;
    cancelWait();
    timers.forEach(clearTimeout);
    timers = [];
  };
}
