/**
 * The desk's log file: pino JSON lines in the profile's logs/ folder, rotated by size (pino-roll),
 * the last few files kept. Start, version, sync rounds, errors with stacks, migrations and
 * integrity checks go in; article text and tokens never do (see ./scrub.ts).
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { APP_VERSION } from '../../../src-shared/version';
import { scrubError, scrubFields, type LogFields } from './scrub';

export const LOG_FOLDER = 'logs';

/** Which process writes: the core (app or browser mode), the CLI, or Electron's main process. */
export type LogSource = 'desk' | 'cli' | 'main';

export interface DeskLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, err: unknown, fields?: LogFields): void;
  /** Writes out what is buffered and closes the file. */
  close(): Promise<void>;
}

export interface DeskLogOptions {
  source: LogSource;
  /** A file is rotated when it reaches this size (default 5 MB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one (default 5). */
  keep?: number;
  /** Secrets to mask wherever they appear (the sign-in token). */
  secrets?: () => readonly (string | null)[];
}

export function logFolder(profileDir: string): string {
  return join(profileDir, LOG_FOLDER);
}

/** A log that writes nothing (tests that do not look at the log, tools). */
export const silentLog: DeskLog = {
  info: () => {},
  warn: () => {},
  error: () => {},
  close: () => Promise.resolve(),
};

export async function openDeskLog(profileDir: string, opts: DeskLogOptions): Promise<DeskLog> {
  // Checked here, because pino-roll reports an unusable folder only as an unhandled error.
  const folder = logFolder(profileDir);
  mkdirSync(folder, { recursive: true });
  accessSync(folder, constants.W_OK);
  const stream = await pinoRoll({
    file: join(folder, opts.source),
    extension: '.log',
    size: `${Math.max(1, Math.ceil((opts.maxBytes ?? 5 * 1024 * 1024) / 1024))}k`,
    limit: { count: opts.keep ?? 5, removeOtherLogFiles: true },
    mkdir: true,
  });
  const logger: Logger = pino(
    { base: { pid: process.pid, source: opts.source, version: APP_VERSION } },
    stream,
  );
  const secrets = () => (opts.secrets?.() ?? []).filter((s): s is string => !!s);
  let closed = false;
  stream.on('error', (e: unknown) => {
    // A full disk or a removed folder: stop logging, never take the desk down with it.
    if (!closed) console.error('copydesk: the log file stopped working:', e);
    closed = true;
  });
  return {
    info: (event, fields = {}) => {
      if (!closed) logger.info(scrubFields(fields, secrets()), event);
    },
    warn: (event, fields = {}) => {
      if (!closed) logger.warn(scrubFields(fields, secrets()), event);
    },
    error: (event, err, fields = {}) => {
      if (!closed)
        logger.error({ ...scrubFields(fields, secrets()), err: scrubError(err, secrets()) }, event);
    },
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise<void>((resolve) => {
        stream.flush(() => {
          stream.once('close', () => resolve());
          stream.end();
        });
      });
    },
  };
}
