/** How a workflow step's button looks and what its outcome says (pure, for the WorkflowStrip). */
import type { SyncStatus } from '../../src-shared/api';
import type { TransitionName, TransitionRule } from '../../src-shared/workflow';

/** Unpublish takes the article off the site: a danger button; asking for changes is secondary. */
export function stepButtonClass(name: TransitionName): string {
  if (name === 'unpublish') return 'button button--danger';
  if (name === 'request_changes') return 'button';
  return 'button button--primary';
}

/**
 * A step the desk queues (not server-only) while it cannot reach the server is not done yet:
 * returns the step's name then, so the message says "queued"; null when it goes out now.
 */
export function stepQueued(
  rule: Pick<TransitionRule, 'name' | 'serverOnly'>,
  status: Pick<SyncStatus, 'state' | 'user'> | null,
): 'submit' | 'request_changes' | null {
  if (rule.serverOnly) return null;
  if (rule.name !== 'submit' && rule.name !== 'request_changes') return null;
  const reachable =
    status !== null &&
    status.user !== null &&
    status.state !== 'offline' &&
    status.state !== 'error';
  return reachable ? null : rule.name;
}
