/**
 * The desk's one write path. Every local change is a list of typed mutations on one entity
 * (src-shared/mutations); `LocalWriter.write` runs them in ONE transaction: validates the args
 * with the server's zod schemas, loads the entity's local state, computes the new state with the
 * shared `apply` (the same transition the server and the rebase run), has the entity's repository
 * persist that state, and queues the outbox rows. A refused mutation throws and writes nothing.
 *
 * Where the desk differs from the server, it is explicit here or in the mutation definition:
 * - permissions (`authorize`) and server checks (`serverCheck`, e.g. the publication checklist)
 *   are not run: the desk may not be signed in; the server decides when the mutation is pushed;
 * - a server-only mutation (`serverOnly(args)`, e.g. approve, publish) is queued without changing
 *   the local state: its effect arrives with the pull that brings the server's verdict;
 * - the desk assigns no versions: a local change keeps the entity's last server version (the
 *   server gives the change its version on push); repositories do not write version columns.
 */
import { ApiError } from '../../../src-shared/api';
import type { BodyJson } from '../../../src-shared/model';
import {
  parseMutation,
  type AnyMutationDef,
  type ApplyContext,
  type ArgsOf,
  type EntityStates,
  type EntityType,
  type MutationName,
} from '../../../src-shared/mutations';
import type { Db } from './db';
import type { OutboxRepository } from './outbox';
import type { ArticleRow } from './rows';

/** One mutation as a caller writes it (args checked by the writer). */
export type LocalMutation = { [M in MutationName]: { name: M; args: ArgsOf<M> } }[MutationName];

/** What an article write may pass to its repository beyond the state. */
export interface ArticleWriteHint {
  /**
   * The write is a saved version: the local revision goes up by one and a revision row with this
   * reason keeps the text (the local revision counts saved versions; the server's, changes).
   */
  revisionReason?: string;
  /** The row as the caller read it in this transaction (spares reading the body again). */
  row?: ArticleRow;
  /** The new body's JSON if the caller already wrote it (spares writing it again). */
  body?: { value: BodyJson; json: string };
}

/** What an image's first local write needs beyond its state: the file it came from. */
export interface ImageWriteHint {
  byteSize: number;
  blobPath: string;
  keywords: string[];
}

export interface LocalWriteHints {
  article: ArticleWriteHint;
  image: ImageWriteHint;
  comment: undefined;
  word: undefined;
}

/** How one repository gives the writer an entity's local state and keeps the computed one. */
export interface LocalStateStore<E extends EntityType> {
  /** The entity's local (visible) state in the shared state shape, or null. */
  load(id: string): EntityStates[E] | null;
  /** Writes the state a local write computed (visible columns, index, revision; no versions). */
  persist(before: EntityStates[E] | null, after: EntityStates[E], hint?: LocalWriteHints[E]): void;
  /** The base version the outbox row records for this mutation (null: not synced yet). */
  outboxBase(name: MutationName, id: string, before: EntityStates[E] | null): number | null;
}

export interface LocalWriteOptions<E extends EntityType> {
  /** The state as the caller already loaded it in this transaction (null: known not to exist). */
  before?: EntityStates[E] | null;
  hint?: LocalWriteHints[E];
  /** Who a created entity is recorded as created by (the signed-in user, or null). */
  authorId?: string | null;
  /** The local time of the write; default now. */
  at?: string;
}

export interface LocalWrite<E extends EntityType> {
  before: EntityStates[E] | null;
  /** The state after the write (the same object as `before` when nothing changed locally). */
  state: EntityStates[E] | null;
  /** Whether the state changed (and was persisted). */
  changed: boolean;
  /** The outbox rows written or updated, in order. */
  queued: number[];
}

/** A mutation the shared transition refused on the desk: nothing was written. */
export class LocalWriteRefused extends ApiError {
  constructor(
    /** The mutation's machine code (e.g. status_mismatch, published). */
    readonly mutationCode: string,
    reason: string,
  ) {
    super(mutationCode === 'not_found' ? 'not_found' : 'conflict', reason);
    this.name = 'LocalWriteRefused';
  }
}

type Stores = { [E in EntityType]?: LocalStateStore<E> };

interface Parsed {
  def: AnyMutationDef;
  name: MutationName;
  args: unknown;
  entityId: string;
}

export class LocalWriter {
  private readonly stores: Stores = {};

  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxRepository,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Each repository that owns an entity table registers how to load and keep its state. */
  register<E extends EntityType>(entity: E, store: LocalStateStore<E>): void {
    (this.stores as Record<E, LocalStateStore<E>>)[entity] = store;
  }

  /**
   * Applies the mutations (all on one entity, in order) to its local state and queues them, in
   * one transaction. A no-op mutation is neither persisted nor queued.
   */
  write<E extends EntityType>(
    entity: E,
    mutations: readonly LocalMutation[],
    opts: LocalWriteOptions<E> = {},
  ): LocalWrite<E> {
    const parsed = mutations.map((m) => this.parse(entity, m));
    const id = parsed[0]?.entityId;
    if (id === undefined) throw new Error('A local write needs at least one mutation.');
    if (parsed.some((p) => p.entityId !== id)) {
      throw new Error('A local write changes one entity: every mutation must name the same id.');
    }
    const store = this.store(entity);
    const at = opts.at ?? this.now();
    const run = (): LocalWrite<E> => {
      const before = opts.before !== undefined ? opts.before : store.load(id);
      let state = before;
      const toQueue: { p: Parsed; base: number | null }[] = [];
      for (const p of parsed) {
        const base = store.outboxBase(p.name, id, state);
        if (p.def.serverOnly(p.args)) {
          toQueue.push({ p, base });
          continue;
        }
        const r = p.def.apply(state, p.args, this.context(state, opts.authorId ?? null, at));
        if (!r.ok) throw new LocalWriteRefused(r.code, r.reason);
        if (r.outcome === 'noop') continue;
        state = r.state as EntityStates[E];
        toQueue.push({ p, base });
      }
      const changed = state !== before && state !== null;
      if (changed) store.persist(before, state as EntityStates[E], opts.hint);
      const queued = toQueue.map(({ p, base }) => this.outbox.queueParsed(p, base, at));
      return { before, state, changed, queued };
    };
    return this.db.transaction(run).immediate();
  }

  /** One mutation: shorthand for `write` with a list of one. */
  writeOne<E extends EntityType, M extends MutationName>(
    entity: E,
    name: M,
    args: ArgsOf<M>,
    opts: LocalWriteOptions<E> = {},
  ): LocalWrite<E> {
    return this.write(entity, [{ name, args } as LocalMutation], opts);
  }

  private parse(entity: EntityType, m: LocalMutation): Parsed {
    const parsed = parseMutation(m.name, m.args);
    if (!parsed.ok) throw new ApiError('invalid_input', parsed.reason);
    if (parsed.def.entity !== entity) {
      throw new Error(`${m.name} changes an ${parsed.def.entity}, not an ${entity}.`);
    }
    return { def: parsed.def, name: m.name, args: parsed.args, entityId: parsed.entityId };
  }

  private store<E extends EntityType>(entity: E): LocalStateStore<E> {
    const store = this.stores[entity];
    if (!store) throw new Error(`No repository keeps ${entity} states.`);
    return store;
  }

  /** The lookups of a local apply: the desk's own copies. */
  private context(
    state: EntityStates[EntityType] | null,
    authorId: string | null,
    now: string,
  ): ApplyContext {
    return {
      authorId,
      now,
      version: state?.version ?? 0,
      getImage: (id) => this.stores.image?.load(id) ?? undefined,
      getArticle: (id) => this.stores.article?.load(id) ?? undefined,
      // Assignment is checked on the server (the desk has no user directory).
      userExists: () => true,
      // A local edit is always based on the entity's current local state: no merge base needed.
      baseBody: () => undefined,
    };
  }
}
