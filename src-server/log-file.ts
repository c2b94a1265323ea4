/**
 * A rotating log file for a backend embedded in another process (the launcher's local backend),
 * which has no terminal of its own: the request log and the diagnostics lines (5xx stacks) go to
 * DATA/logs/server.N.log, rotated at 10 MB, five kept.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pinoRoll from 'pino-roll';
import type { DestinationStream } from 'pino';

export interface ServerLogFile {
  folder: string;
  /** For ServerOptions.requestLog. */
  stream: DestinationStream;
  /** For ServerOptions.log: one JSON line per diagnostics message. */
  line: (text: string) => void;
}

export async function openServerLogFile(dataDir: string): Promise<ServerLogFile> {
  const folder = join(dataDir, 'logs');
  // Checked here, because pino-roll reports an unusable folder only as an unhandled error.
  mkdirSync(folder, { recursive: true });
  accessSync(folder, constants.W_OK);
  const stream = await pinoRoll({
    file: join(folder, 'server'),
    extension: '.log',
    size: '10m',
    limit: { count: 5, removeOtherLogFiles: true },
    mkdir: true,
  });
  return {
    folder,
    stream,
    line: (text) => {
      stream.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: text })}\n`);
    },
  };
}
