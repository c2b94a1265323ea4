/**
 * Local conflict records, and the one module that writes the `conflicts` table and makes their
 * ids: field conflicts and body regions the server reported, mutations it rejected (with the full
 * payload), queued changes that can never sync, body regions a local save could not merge, and
 * edits to articles whose access was revoked. Insertion is idempotent (a pull page may be
 * delivered twice). What "keep mine" / "keep theirs" do is in ./resolve.ts.
 */
import { v4 as uuidv4 } from 'uuid';
import type { SyncConflict } from '../../../src-shared/api';
import type { ConflictRecord, RejectedMutation } from '../../../src-shared/protocol';
import type { BodyConflictRegion } from '../../../src-shared/merge';
import type { Db } from '../store/db';
import { lazyStatements } from '../store/statements';

interface ConflictRow {
  id: string;
  entity_type: string;
  entity_id: string;
  kind: SyncConflict['kind'];
  field: string;
  base_json: string | null;
  mine_json: string | null;
  theirs_json: string | null;
  region_json: string | null;
  mutation_name: string | null;
  mutation_id: number | null;
  code: string | null;
  reason: string | null;
  created_at: string;
  resolved_at: string | null;
}

const parse = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));
const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export interface StoredConflict extends SyncConflict {
  mutationName: string | null;
  resolved: boolean;
}

function toConflict(r: ConflictRow): StoredConflict {
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    kind: r.kind,
    field: r.field,
    base: parse(r.base_json),
    mine: parse(r.mine_json),
    theirs: parse(r.theirs_json),
    region: parse(r.region_json) as SyncConflict['region'],
    code: r.code,
    reason: r.reason,
    createdAt: r.created_at,
    mutationName: r.mutation_name,
    resolved: r.resolved_at !== null,
  };
}

/** The conflict id of this client's rejected mutation (one per client and mutation). */
export function rejectedId(clientId: string, mutationId: number): string {
  return `rejected:${clientId}:${mutationId}`;
}

/** The conflict id of the edits kept when access to an article was revoked. */
export function revokedId(entityId: string, lastMutationId: number): string {
  return `revoked:${entityId}:${lastMutationId}`;
}

export class ConflictRepository {
  private readonly s;
  constructor(db: Db) {
    this.s = lazyStatements(db, {
      insert: `INSERT OR IGNORE INTO conflicts (id, entity_type, entity_id, kind, field, base_json,
                 mine_json, theirs_json, region_json, mutation_name, mutation_id, code, reason,
                 server_conflict_id, created_at)
               VALUES (@id, @entity_type, @entity_id, @kind, @field, @base_json, @mine_json,
                 @theirs_json, @region_json, @mutation_name, @mutation_id, @code, @reason,
                 @server_conflict_id, @created_at)`,
      open: 'SELECT * FROM conflicts WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT 1000',
      openFor: `SELECT * FROM conflicts WHERE resolved_at IS NULL AND entity_id = ?
                 ORDER BY created_at, id`,
      get: 'SELECT * FROM conflicts WHERE id = ?',
      resolveOpenByCode: `UPDATE conflicts SET resolved_at = ?, resolution = 'auto'
        WHERE entity_type = ? AND entity_id = ? AND code = ? AND resolved_at IS NULL`,
      resolve:
        'UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL',
      countOpen: `SELECT COUNT(*) AS n FROM conflicts
                   WHERE resolved_at IS NULL AND entity_type = ? AND entity_id = ?`,
    });
  }

  addServerConflict(c: ConflictRecord): void {
    this.s.insert.run({
      id: c.id,
      entity_type: c.entityType,
      entity_id: c.entityId,
      kind: c.field === 'body' ? 'body' : 'field',
      field: c.field,
      base_json: json(c.base),
      mine_json: json(c.mine),
      theirs_json: json(c.theirs),
      region_json: json(c.region),
      mutation_name: null,
      mutation_id: c.mutationId,
      code: null,
      reason: null,
      server_conflict_id: c.id,
      created_at: c.createdAt,
    });
  }

  /** A rejected mutation, kept with the user's payload; returns false if already known. */
  addRejected(
    clientId: string,
    r: RejectedMutation,
    entityType: string,
    entityId: string,
    theirs: unknown,
  ): boolean {
    return (
      this.s.insert.run({
        id: rejectedId(clientId, r.mutationId),
        entity_type: entityType,
        entity_id: entityId,
        kind: 'rejected',
        field: r.name,
        base_json: null,
        mine_json: json(r.args),
        theirs_json: json(theirs),
        region_json: null,
        mutation_name: r.name,
        mutation_id: r.mutationId,
        code: r.code,
        reason: r.reason,
        server_conflict_id: null,
        created_at: r.createdAt,
      }).changes === 1
    );
  }

  /**
   * A queued mutation that can never reach the server (e.g. an image whose file is gone from
   * this computer and from the server), taken out of the queue and kept here with its payload.
   */
  addUnsyncable(
    m: { entityType: string; entityId: string; name: string; args: unknown; mutationId: number },
    code: string,
    reason: string,
    at: string,
  ): void {
    this.s.insert.run({
      id: `unsyncable:${m.entityId}:${uuidv4()}`,
      entity_type: m.entityType,
      entity_id: m.entityId,
      kind: 'rejected',
      field: m.name,
      base_json: null,
      mine_json: json(m.args),
      theirs_json: null,
      region_json: null,
      mutation_name: m.name,
      mutation_id: null,
      code,
      reason,
      server_conflict_id: null,
      created_at: at,
    });
  }

  addRevoked(
    entityType: string,
    entityId: string,
    lastMutationId: number,
    mine: unknown,
    at: string,
  ): void {
    this.s.insert.run({
      id: revokedId(entityId, lastMutationId),
      entity_type: entityType,
      entity_id: entityId,
      kind: 'revoked',
      field: '',
      base_json: null,
      mine_json: json(mine),
      theirs_json: null,
      region_json: null,
      mutation_name: null,
      mutation_id: null,
      code: 'revoked',
      reason: 'You no longer have access to this article; your unsynced changes are kept here.',
      server_conflict_id: null,
      created_at: at,
    });
  }

  /** A body region a local save could not merge with a synced change (SaveChange.baseRevision). */
  addLocalBody(articleId: string, region: BodyConflictRegion, at: string): void {
    this.s.insert.run({
      id: `local:${uuidv4()}`,
      entity_type: 'article',
      entity_id: articleId,
      kind: 'body',
      field: 'body',
      base_json: json(region.base),
      mine_json: json(region.mine),
      theirs_json: json(region.theirs),
      region_json: json({ kind: region.kind, blockIds: region.blockIds, kept: region.kept }),
      mutation_name: null,
      mutation_id: null,
      code: null,
      reason: null,
      server_conflict_id: null,
      created_at: at,
    });
  }

  list(entityId?: string): StoredConflict[] {
    const rows = (entityId ? this.s.openFor.all(entityId) : this.s.open.all()) as ConflictRow[];
    return rows.map(toConflict);
  }

  /** The server's verdict on one of this client's mutations, if it rejected it. */
  rejection(clientId: string, mutationId: number): StoredConflict | null {
    return this.get(rejectedId(clientId, mutationId));
  }

  get(id: string): StoredConflict | null {
    const r = this.s.get.get(id) as ConflictRow | undefined;
    return r ? toConflict(r) : null;
  }

  /** Closes the rejection of this client's mutation as answered (the user saw the refusal). */
  resolveRejection(clientId: string, mutationId: number, at: string): boolean {
    return this.resolve(rejectedId(clientId, mutationId), 'theirs', at);
  }

  resolve(id: string, resolution: 'mine' | 'theirs' | 'auto', at: string): boolean {
    return this.s.resolve.run(at, resolution, id).changes === 1;
  }

  /** Closes an entity's open conflicts of one code as settled by the desk itself; how many. */
  resolveOpenByCode(entityType: string, entityId: string, code: string, at: string): number {
    return this.s.resolveOpenByCode.run(at, entityType, entityId, code).changes;
  }

  openCount(entityType: string, entityId: string): number {
    return (this.s.countOpen.get(entityType, entityId) as { n: number }).n;
  }
}
