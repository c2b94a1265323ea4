/**
 * The newsroom's display names (GET /api/v1/users/names), cached in sync_state so that a desk
 * offline still shows "Miriam Krause" rather than "chief" beside her suggestions and comments.
 */
import type { SyncStore } from './store';

export const USER_NAMES_KEY = 'user_names';

/** username → display name, as last cached ({} before any server answered). */
export function cachedUserNames(store: SyncStore): Record<string, string> {
  return store.getJson<Record<string, string>>(USER_NAMES_KEY) ?? {};
}

/** Caches the server's list; whether the cached names changed. */
export function storeUserNames(
  store: SyncStore,
  items: readonly { username: string; displayName: string }[],
): boolean {
  const names: Record<string, string> = {};
  for (const { username, displayName } of [...items].sort((a, b) =>
    a.username.localeCompare(b.username),
  ))
    names[username] = displayName;
  const json = JSON.stringify(names);
  if (store.get(USER_NAMES_KEY) === json) return false;
  store.set(USER_NAMES_KEY, json);
  return true;
}
