/** Login, logout, bearer-token authentication and user management (admin API and CLI). */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src-shared/model';
import type { AdminUser, LoginResponse, PublicUser } from '../../src-shared/protocol';
import type { SessionRow, Storage, UserRow } from '../storage/types';
import { HttpError } from '../http/errors';
import { PasswordHasher, type PasswordHasherOptions } from './passwords';
import { LoginRateLimiter, type LoginLimiter, type RateLimitOptions } from './rateLimit';
import { hashToken, newToken } from './tokens';

const CACHE_MS = 5_000;

export interface AuthOptions {
  tokenTtlMs?: number;
  rateLimit?: RateLimitOptions;
  /** The failed-login limiter (default: in memory, with `rateLimit`). */
  limiter?: LoginLimiter;
  passwords?: PasswordHasherOptions;
}

export function publicUser(u: UserRow): PublicUser {
  return { id: u.id, username: u.username, role: u.role };
}

export function adminUser(u: UserRow): AdminUser {
  return { ...publicUser(u), disabled: u.disabled, createdAt: u.createdAt };
}

export class AuthService {
  private readonly limiter: LoginLimiter;
  readonly passwords: PasswordHasher;
  private readonly ttl: number;
  /**
   * Verified sessions by token hash, kept for CACHE_MS so that a busy client does not cost a
   * database read per request. Logout, disabling and password changes through this server drop
   * entries at once; a change made by another process (the CLI) is seen within CACHE_MS.
   */
  private readonly cache = new Map<string, { user: UserRow; expiresAt: number; until: number }>();
  /** Counts invalidations: a lookup that began before one must not fill the cache. */
  private generation = 0;
  private readonly lookups = new Map<
    string,
    Promise<{ session: SessionRow; user: UserRow } | undefined>
  >();

  constructor(
    private readonly storage: Storage,
    options: AuthOptions = {},
  ) {
    this.limiter = options.limiter ?? new LoginRateLimiter(options.rateLimit);
    this.passwords = new PasswordHasher(options.passwords);
    this.ttl = options.tokenTtlMs ?? 30 * 24 * 3600_000;
  }

  async login(username: string, password: string, ip: string): Promise<LoginResponse> {
    const key = `${username.toLowerCase()}|${ip}`;
    const wait = await this.limiter.attempt(key);
    if (wait > 0) {
      throw new HttpError(
        429,
        'rate_limited',
        `Too many failed logins; try again in ${wait} s.`,
        { retryAfter: wait },
        { 'retry-after': String(wait) },
      );
    }
    const user = await this.storage.read((tx) => tx.getUserByName(username));
    const check = user
      ? await this.passwords.verify(password, user.passwordHash)
      : await this.passwords
          .verify(password, await this.passwords.dummyHash())
          .then(() => ({ ok: false, needsRehash: false }));
    if (!user || !check.ok || user.disabled) {
      throw new HttpError(401, 'unauthorized', 'Wrong user name or password.');
    }
    await this.limiter.succeed(key);
    if (check.needsRehash) {
      const passwordHash = await this.passwords.hash(password);
      await this.storage.write((tx) => tx.updateUser(user.id, { passwordHash }));
    }
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.ttl).toISOString();
    await this.storage.write((tx) =>
      tx.insertSession({
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now.toISOString(),
        expiresAt,
        revokedAt: null,
      }),
    );
    return { token, expiresAt, user: publicUser(user) };
  }

  async logout(token: string): Promise<void> {
    this.forgetSessions((key) => key === hashToken(token));
    await this.storage.write((tx) => tx.revokeSession(hashToken(token), new Date().toISOString()));
    this.forgetSessions((key) => key === hashToken(token));
  }

  /** The user behind a bearer token, or a 401. */
  async authenticate(authorization: string | undefined): Promise<{ user: UserRow; token: string }> {
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
    if (!m) throw new HttpError(401, 'unauthorized', 'A bearer token is required.');
    const token = m[1] as string;
    const key = hashToken(token);
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now && cached.expiresAt > now) return { user: cached.user, token };
    // Concurrent requests of one session share one lookup (when its cache entry runs out under
    // load, they would otherwise all read the same rows).
    const generation = this.generation;
    let lookup = this.lookups.get(key);
    if (!lookup) {
      lookup = this.storage
        .read(async (tx) => {
          const session = await tx.getSession(key);
          if (!session) return undefined;
          const user = await tx.getUserById(session.userId);
          return user ? { session, user } : undefined;
        })
        .finally(() => this.lookups.delete(key));
      this.lookups.set(key, lookup);
    }
    const found = await lookup;
    if (!found) throw new HttpError(401, 'unauthorized', 'The token is not valid.');
    if (found.session.revokedAt !== null) {
      throw new HttpError(401, 'unauthorized', 'The token was revoked; log in again.');
    }
    if (Date.parse(found.session.expiresAt) <= Date.now()) {
      throw new HttpError(401, 'unauthorized', 'The token expired; log in again.');
    }
    if (found.user.disabled) throw new HttpError(401, 'unauthorized', 'The user is disabled.');
    // A logout or user change since the lookup began: answer, but do not keep what it read.
    if (generation !== this.generation) return { user: found.user, token };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, {
      user: found.user,
      expiresAt: Date.parse(found.session.expiresAt),
      until: now + CACHE_MS,
    });
    return { user: found.user, token };
  }

  async createUser(
    username: string,
    password: string,
    role: Role,
    displayName = '',
  ): Promise<UserRow> {
    const passwordHash = await this.passwords.hash(password);
    return this.storage.write(async (tx) => {
      if (await tx.getUserByName(username)) {
        throw new HttpError(409, 'conflict', `The user name ${username} is taken.`);
      }
      const user: UserRow = {
        id: randomUUID(),
        username,
        displayName,
        role,
        passwordHash,
        disabled: false,
        createdAt: new Date().toISOString(),
      };
      await tx.insertUser(user);
      await tx.insertAudit({
        userId: null,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        detail: { username, role, ...(displayName ? { displayName } : {}) },
        createdAt: user.createdAt,
      });
      return user;
    });
  }

  async updateUser(
    actorId: string | null,
    id: string,
    patch: { role?: Role; disabled?: boolean; password?: string; displayName?: string },
  ): Promise<UserRow> {
    const passwordHash =
      patch.password !== undefined ? await this.passwords.hash(patch.password) : undefined;
    const updated = await this.storage.write(async (tx) => {
      const user = await tx.getUserById(id);
      if (!user) throw new HttpError(404, 'not_found', `There is no user ${id}.`);
      if (actorId === id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
        throw new HttpError(400, 'invalid_input', 'Admins cannot disable or demote themselves.');
      }
      const now = new Date().toISOString();
      await tx.updateUser(id, {
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      });
      if (patch.disabled === true || passwordHash !== undefined)
        await tx.revokeUserSessions(id, now);
      await tx.insertAudit({
        userId: actorId,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        detail: {
          role: patch.role,
          disabled: patch.disabled,
          password: passwordHash !== undefined,
          displayName: patch.displayName,
        },
        createdAt: now,
      });
      return (await tx.getUserById(id)) as UserRow;
    });
    // After the commit: drop cached sessions of this user so the change applies at once.
    this.forgetSessions((_key, user) => user.id === id);
    return updated;
  }

  /** Drops cached sessions, and lookups still running, so the next request reads again. */
  private forgetSessions(which: (key: string, user: UserRow) => boolean): void {
    this.generation++;
    this.lookups.clear();
    for (const [k, v] of this.cache) if (which(k, v.user)) this.cache.delete(k);
  }
}
