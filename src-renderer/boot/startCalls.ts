/**
 * The start stage: loaded as a module script of its own, `async`, in a chunk that also holds every
 * library the first screen uses and the translations (scripts/start-stage-plugin.ts); the
 * app's own chunk (main.tsx, the views) comes beside it. It takes the answers the early script
 * (boot/early.ts) asked for, the settings and the article of an `#article=` link, and checks
 * them, so the app finds them ready. Split this way, an article opens about a tenth sooner than
 * from one chunk: docs/performance.md, "Opening, tenth step".
 */
import './zodJitless';
import type { Settings } from '../../src-shared/api';
import { api } from '../api/transport';
import { startArticle } from '../editor/prefetch';

/** The desk's settings, checked; null when the core could not answer (defaults apply). */
export const settingsAtStart: Promise<Settings | null> = api['settings.get']({}).catch(() => null);

/** Resolves once the article of an `#article=` link has arrived (or failed, or took too long). */
export const articleAtStart: Promise<void> = startArticle();
