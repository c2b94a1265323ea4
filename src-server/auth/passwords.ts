/**
 * Password hashing with scrypt from node:crypto. Format: scrypt$N$r$p$salt$hash (base64url).
 *
 * The cost is OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1: 128 MiB and a few hundred
 * milliseconds per hash). Hashes with a lower cost still verify, and `verify` says when one should
 * be replaced (the login does that). At most `maxConcurrent` hashes run at once so that a burst of
 * logins queues instead of allocating 128 MiB each.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

export const DEFAULT_LOG2N = 17;
/** The lowest cost accepted by configuration (tests use it to keep hashing cheap). */
export const MIN_LOG2N = 10;
const MAX_LOG2N = 20;
const R = 8;
const P = 1;
const KEYLEN = 32;

export interface PasswordHasherOptions {
  /** log2 of scrypt's N (default 17). Lower only in tests. */
  log2N?: number;
  /** Hashes computed at once (default 2). */
  maxConcurrent?: number;
}

export interface Verified {
  ok: boolean;
  /** The hash is valid but weaker than the current cost: store a new one. */
  needsRehash: boolean;
}

/** A counting semaphore: `run` waits until fewer than `max` tasks are running. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(
      password.normalize('NFC'),
      salt,
      KEYLEN,
      // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is too small for N = 2^17.
      { N: n, r, p, maxmem: 2 * 128 * n * r },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export class PasswordHasher {
  readonly log2N: number;
  private readonly gate: Gate;
  private dummy: Promise<string> | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    const log2N = options.log2N ?? DEFAULT_LOG2N;
    if (!Number.isInteger(log2N) || log2N < MIN_LOG2N || log2N > MAX_LOG2N) {
      throw new Error(`The scrypt cost must be an integer ${MIN_LOG2N}…${MAX_LOG2N} (log2 N).`);
    }
    this.log2N = log2N;
    this.gate = new Gate(options.maxConcurrent ?? 2);
  }

  async hash(password: string): Promise<string> {
    const n = 2 ** this.log2N;
    const salt = randomBytes(16);
    const key = await this.gate.run(() => scrypt(password, salt, n, R, P));
    return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<Verified> {
    const parts = stored.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return { ok: false, needsRehash: false };
    const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
    if (!n || !r || !p || n > 2 ** MAX_LOG2N || r > 32 || p > 16) {
      return { ok: false, needsRehash: false };
    }
    const expected = Buffer.from(parts[5] as string, 'base64url');
    const salt = Buffer.from(parts[4] as string, 'base64url');
    const key = await this.gate.run(() => scrypt(password, salt, n, r, p));
    const ok = key.length === expected.length && timingSafeEqual(key, expected);
    return { ok, needsRehash: ok && (n < 2 ** this.log2N || r !== R || p !== P) };
  }

  /** A hash of a random password, verified against when the user does not exist (same timing). */
  dummyHash(): Promise<string> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'));
    return this.dummy;
  }
}

/** Names the cost for tests only: hashing at the production cost would make them slow. */
export const TEST_COST_ENV = 'COPYDESK_TEST_PASSWORD_COST';

/** Hasher options from COPYDESK_TEST_PASSWORD_COST (with a warning), else the defaults. */
export function passwordOptionsFromEnv(warn: (line: string) => void): PasswordHasherOptions {
  const raw = process.env[TEST_COST_ENV];
  if (raw === undefined || raw === '') return {};
  const log2N = Number(raw);
  warn(
    `WARNING: ${TEST_COST_ENV}=${raw} lowers password hashing to scrypt N = 2^${log2N}. Tests only.`,
  );
  return { log2N };
}
