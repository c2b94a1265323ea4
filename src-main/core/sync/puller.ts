/**
 * Pull and rebase: fetches change pages from the cursor until caught up, each checked by the
 * mass-deletion fail-safe and applied in one local transaction (./apply.ts), which rebases the
 * still-pending local mutations on the new server state.
 */
import type { PublicUser } from '../../../src-shared/protocol';
import { applyPullPage, type ApplyDeps, type PageResult } from './apply';
import type { MassDeleteGuard } from './failsafe';
import { SyncHttpError, type SyncHttp } from './http';
import type { SyncStore } from './store';

export type PullDeps = Omit<ApplyDeps, 'clientId' | 'actor'>;

export class Puller {
  constructor(
    private readonly deps: PullDeps,
    private readonly store: SyncStore,
    private readonly guard: MassDeleteGuard,
    private readonly pageSize: number,
    private readonly stopped: () => boolean,
  ) {}

  /**
   * Pulls every page after the cursor. `allowMassDelete`: the user confirmed the deletions the
   * fail-safe stopped. `onPage` sees each applied page and the server's acknowledged mutation id.
   */
  async pull(
    http: SyncHttp,
    clientId: string,
    allowMassDelete: boolean,
    onPage: (result: PageResult, lastMutationId: number) => void,
  ): Promise<void> {
    const user = this.store.getJson<PublicUser>('user');
    if (!user) return;
    let resynced = false;
    this.guard.begin();
    for (let page = 0; page < 1_000_000 && !this.stopped(); page++) {
      const cursor = this.store.getNumber('cursor');
      let res;
      try {
        res = await http.pull(clientId, cursor, this.pageSize);
      } catch (e) {
        if (e instanceof SyncHttpError && e.status === 410 && !resynced) {
          // Unknown cursor: pull everything again; the outbox and conflicts stay.
          resynced = true;
          this.store.set('cursor', 0);
          continue;
        }
        throw e;
      }
      if (this.stopped()) return;
      this.guard.check(res, allowMassDelete);
      const result = applyPullPage(
        { ...this.deps, clientId, actor: { id: user.id, role: user.role } },
        res,
      );
      onPage(result, res.lastMutationId);
      if (!res.hasMore) return;
    }
  }
}
