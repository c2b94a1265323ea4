/**
 * Passwords for the command lines, never as an argument (visible in `ps` and shell history):
 * asked at a terminal without echo, else read as the first line of standard input (scripts pipe
 * it). `--password` is still accepted, for tests, with a warning.
 */
import { createInterface } from 'node:readline';

export const PASSWORD_FLAG_WARNING =
  'WARNING: --password makes the password visible to other users (process list) and in shell ' +
  'history. Leave it out to be asked for it, or pipe it on standard input.';

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

function askWithoutEcho(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('cancelled'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    input.on('data', onData);
  });
}

/** The password from the terminal (no echo) or from standard input. */
export function readPassword(prompt = 'Password: '): Promise<string> {
  return process.stdin.isTTY ? askWithoutEcho(prompt) : firstLine();
}
