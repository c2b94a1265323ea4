/** Fetches an article's timeline from the server (GET /api/v1/articles/:id/timeline). */
import { SCHEMA_VERSION } from '../../../src-shared/protocol';
import { TimelineResponse, type TimelineEntry } from '../../../src-shared/timeline';

export type RemoteTimeline = { ok: true; items: TimelineEntry[] } | { ok: false; message: string };

export async function fetchTimeline(
  serverUrl: string,
  token: string,
  articleId: string,
  timeoutMs = 10_000,
): Promise<RemoteTimeline> {
  let res: Response;
  try {
    const url = new URL(`/api/v1/articles/${articleId}/timeline`, serverUrl);
    // Entries newer than this desk's parser (suggestion decisions) only when asked for.
    url.searchParams.set('schemaVersion', SCHEMA_VERSION);
    res = await fetch(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    return {
      ok: false,
      message: `Cannot reach the server: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  // Not on the server yet (never synced): nothing confirmed so far.
  if (res.status === 404) return { ok: true, items: [] };
  if (!res.ok) return { ok: false, message: `The server answered HTTP ${res.status}.` };
  const parsed = TimelineResponse.safeParse(await res.json().catch(() => null));
  if (!parsed.success)
    return { ok: false, message: 'The server sent a timeline this version does not understand.' };
  return { ok: true, items: parsed.data.items };
}
