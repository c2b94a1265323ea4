/**
 * The JSON text of a pull page. An article upsert carries the article's stored JSON text
 * (JSON.stringify of its ArticleState, written by this server) spliced in as `data`, so the hot
 * path neither parses nor re-serialises the bulk of the page. Everything else goes through
 * JSON.stringify. The result is exactly a PullResponse (src-shared/protocol.ts), key order
 * included; tests/server/sync.test.ts checks it against the schema.
 */
import type {
  ChangeActor,
  ConflictRecord,
  PullChange,
  RejectedMutation,
} from '../../src-shared/protocol';

/** An article upsert whose `data` is still the stored JSON text. */
export interface RawArticleChange {
  seq: number;
  entity: 'article';
  id: string;
  op: 'upsert';
  version: number;
  /** Absent for clients that do not accept it (see acceptsPullActor). */
  actor?: ChangeActor | null;
  json: string;
}

export type PullPageChange =
  Exclude<PullChange, { entity: 'article'; op: 'upsert' }> | RawArticleChange;

export interface PullPage {
  changes: PullPageChange[];
  cursor: number;
  hasMore: boolean;
  lastMutationId: number;
  conflicts: ConflictRecord[];
  rejected: RejectedMutation[];
}

function changeJson(c: PullPageChange): string {
  if ('json' in c) {
    const actor = c.actor === undefined ? '' : `,"actor":${JSON.stringify(c.actor)}`;
    return `{"seq":${c.seq},"entity":"article","id":${JSON.stringify(c.id)},"op":"upsert","version":${c.version}${actor},"data":${c.json}}`;
  }
  return JSON.stringify(c);
}

export function serializePullPage(page: PullPage): string {
  const parts: string[] = [];
  for (const c of page.changes) parts.push(changeJson(c));
  return (
    `{"changes":[${parts.join(',')}],"cursor":${page.cursor},"hasMore":${page.hasMore}` +
    `,"lastMutationId":${page.lastMutationId},"conflicts":${JSON.stringify(page.conflicts)}` +
    `,"rejected":${JSON.stringify(page.rejected)}}`
  );
}
