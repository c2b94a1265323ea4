/**
 * The newsroom's time zone, as the server says (GET /api/v1/newsroom), cached in sync_state so
 * that a desk offline still shows times in it. Until a server has answered (never signed in, or
 * a server that predates the endpoint) the zone is Europe/Berlin.
 */
import { NewsroomInfo } from '../../../src-shared/newsroom';
import { DEFAULT_NEWSROOM_TIME_ZONE, isTimeZone } from '../../../src-shared/time/newsroomTime';
import { CLIENT_AGENT } from './http';
import type { SyncStore } from './store';

export const NEWSROOM_TIME_ZONE_KEY = 'newsroom_time_zone';

/** The cached zone, or the default (a cached zone this runtime does not know counts as none). */
export function cachedTimeZone(store: SyncStore): string {
  const z = store.get(NEWSROOM_TIME_ZONE_KEY);
  return z && isTimeZone(z) ? z : DEFAULT_NEWSROOM_TIME_ZONE;
}

/**
 * Asks the server and caches its answer: 'changed' or 'unchanged' when the server said (an old
 * server's 404 says there is nothing to know), else 'unknown' (offline, an error, an answer that
 * does not parse); the cache stays unless the answer changed it.
 */
export async function refreshTimeZone(
  store: SyncStore,
  serverUrl: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<'changed' | 'unchanged' | 'unknown'> {
  let body: unknown;
  try {
    const timeout = AbortSignal.timeout(timeoutMs);
    const res = await fetch(new URL('/api/v1/newsroom', serverUrl), {
      headers: { accept: 'application/json', 'user-agent': CLIENT_AGENT },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    // A server that predates the endpoint has no zone to give: asking again will not help.
    if (res.status === 404) return 'unchanged';
    if (!res.ok) return 'unknown';
    body = await res.json();
  } catch {
    return 'unknown';
  }
  const info = NewsroomInfo.safeParse(body);
  if (!info.success) return 'unknown';
  if (store.get(NEWSROOM_TIME_ZONE_KEY) === info.data.timeZone) return 'unchanged';
  store.set(NEWSROOM_TIME_ZONE_KEY, info.data.timeZone);
  return 'changed';
}
