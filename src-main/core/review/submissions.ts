/** Fetches who submitted articles and when (GET /api/v1/review-queue/submissions), for the queue. */
import {
  MAX_SUBMISSION_IDS,
  SubmissionsResponse,
  type Submission,
} from '../../../src-shared/timeline';
import { SCHEMA_VERSION } from '../../../src-shared/protocol';

/** By article id; empty when the server cannot be reached or does not know the route. */
export async function fetchSubmissions(
  serverUrl: string,
  token: string,
  articleIds: readonly string[],
  timeoutMs = 5_000,
): Promise<Map<string, Submission>> {
  const out = new Map<string, Submission>();
  for (let i = 0; i < articleIds.length; i += MAX_SUBMISSION_IDS) {
    const ids = articleIds.slice(i, i + MAX_SUBMISSION_IDS).join(',');
    try {
      const url = new URL('/api/v1/review-queue/submissions', serverUrl);
      url.searchParams.set('ids', ids);
      url.searchParams.set('schemaVersion', SCHEMA_VERSION);
      const res = await fetch(url, {
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) return out;
      const parsed = SubmissionsResponse.safeParse(await res.json().catch(() => null));
      if (!parsed.success) return out;
      for (const s of parsed.data.items) out.set(s.articleId, s);
    } catch {
      return out;
    }
  }
  return out;
}
