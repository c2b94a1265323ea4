/** Users and sessions, in SQL both databases run. */
import type { Role } from '../../../src-shared/model';
import type { AuthStore, SessionRow, UserRow } from '../types';
import { num, strOrNull, type Row, type SqlRunner } from './runner';

function toUser(r: Row): UserRow {
  return {
    id: String(r.id),
    username: String(r.username),
    displayName: strOrNull(r.display_name) ?? '',
    role: String(r.role) as Role,
    passwordHash: String(r.password_hash),
    disabled: num(r.disabled) === 1,
    createdAt: String(r.created_at),
  };
}

function toSession(r: Row): SessionRow {
  return {
    tokenHash: String(r.token_hash),
    userId: String(r.user_id),
    createdAt: String(r.created_at),
    expiresAt: String(r.expires_at),
    revokedAt: strOrNull(r.revoked_at),
  };
}

export function authStore(db: SqlRunner): AuthStore {
  return {
    async getUserByName(username) {
      const r = await db.get('SELECT * FROM users WHERE username = ?', [username]);
      return r ? toUser(r) : undefined;
    },
    async getUserById(id) {
      const r = await db.get('SELECT * FROM users WHERE id = ?', [id]);
      return r ? toUser(r) : undefined;
    },
    async listUsers() {
      return (await db.all('SELECT * FROM users ORDER BY username')).map(toUser);
    },
    insertUser(u) {
      return db.run(
        'INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [
          u.id,
          u.username,
          u.displayName ?? '',
          u.role,
          u.passwordHash,
          u.disabled ? 1 : 0,
          u.createdAt,
        ],
      );
    },
    insertUserIfAbsent(u) {
      return db.run(
        `INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
        [
          u.id,
          u.username,
          u.displayName ?? '',
          u.role,
          u.passwordHash,
          u.disabled ? 1 : 0,
          u.createdAt,
        ],
      );
    },
    async updateUser(id, patch) {
      if (patch.role !== undefined)
        await db.run('UPDATE users SET role = ? WHERE id = ?', [patch.role, id]);
      if (patch.disabled !== undefined)
        await db.run('UPDATE users SET disabled = ? WHERE id = ?', [patch.disabled ? 1 : 0, id]);
      if (patch.displayName !== undefined)
        await db.run('UPDATE users SET display_name = ? WHERE id = ?', [patch.displayName, id]);
      if (patch.passwordHash !== undefined)
        await db.run('UPDATE users SET password_hash = ? WHERE id = ?', [patch.passwordHash, id]);
    },
    insertSession(s) {
      return db.run(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)',
        [s.tokenHash, s.userId, s.createdAt, s.expiresAt, s.revokedAt],
      );
    },
    async getSession(tokenHash) {
      const r = await db.get('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
      return r ? toSession(r) : undefined;
    },
    revokeSession(tokenHash, at) {
      return db.run(
        'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
        [at, tokenHash],
      );
    },
    revokeUserSessions(userId, at) {
      return db.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [
        at,
        userId,
      ]);
    },
  };
}
