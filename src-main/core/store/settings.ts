import type { Db } from './db';
import { lazyStatements } from './statements';
import { DEFAULT_SETTINGS, Settings } from '../../../src-shared/api';

/** Per-profile settings as one JSON value per key, validated on the way in and out. */
export class SettingsRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = lazyStatements(db, {
      getAll: 'SELECT key, value FROM settings',
      put: 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    });
  }

  get(): Settings {
    const stored: Record<string, unknown> = {};
    for (const { key, value } of this.stmts.getAll.all() as { key: string; value: string }[]) {
      stored[key] = JSON.parse(value);
    }
    // A stored value that no longer validates (older app, hand edit) falls back to its default.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [k, v] of Object.entries(stored)) {
      const field = Settings.shape[k as keyof Settings];
      if (field && field.safeParse(v).success) merged[k] = v;
    }
    return Settings.parse(merged);
  }

  update(patch: Partial<Settings>): Settings {
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(patch))
        if (v !== undefined) this.stmts.put.run(k, JSON.stringify(v));
    })();
    return this.get();
  }
}
