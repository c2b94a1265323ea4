/**
 * A desk older than schemaVersion 2026-12-v pulls bodies with every open suggestion rejected
 * (src-server/sync/pull.ts). When it pushes a body back, the blocks it did not change are the
 * as-rejected form of the base's blocks; taking them as they are would drop those suggestions.
 * `keepSuggestionsOfUnchangedBlocks` puts the base's block back for every block the old desk
 * left as it got it, and the base's blocks that held only suggested insertions (which the old desk
 * never saw) back after the block they followed. Blocks the old desk changed stay its version.
 */
import { blockContentKey, blockIdOf } from './body';
import { hasSuggestions, withSuggestionsRejected } from '../richtext/suggestions';

interface BodyShape {
  root: { children: unknown[] } & Record<string, unknown>;
}

export function keepSuggestionsOfUnchangedBlocks<B extends BodyShape>(
  base: BodyShape | undefined,
  incoming: B,
): B {
  if (!base || !Array.isArray(base.root.children) || !hasSuggestions(base)) return incoming;
  const incomingIds = new Set(incoming.root.children.map(blockIdOf));
  /** Base blocks with suggestions, by id: the block and what the old desk saw of it. */
  const seen = new Map<string, { block: unknown; asRejected: string | null }>();
  /** Base blocks the old desk never saw, by the id of the base block before them ('' = start). */
  const hidden = new Map<string, unknown[]>();
  let previous = '';
  for (const block of base.root.children) {
    const id = blockIdOf(block);
    if (id === undefined) continue;
    if (hasSuggestions({ root: { children: [block] } })) {
      const rejected = withSuggestionsRejected({ root: { children: [block] } }).root.children;
      if (rejected.length === 0) {
        if (!incomingIds.has(id)) hidden.set(previous, [...(hidden.get(previous) ?? []), block]);
        continue;
      }
      seen.set(id, { block, asRejected: blockContentKey(rejected[0]) });
    }
    previous = id;
  }
  if (seen.size === 0 && hidden.size === 0) return incoming;
  const children: unknown[] = [...(hidden.get('') ?? [])];
  for (const block of incoming.root.children) {
    const id = blockIdOf(block);
    const kept = id === undefined ? undefined : seen.get(id);
    children.push(kept && kept.asRejected === blockContentKey(block) ? kept.block : block);
    if (id !== undefined) children.push(...(hidden.get(id) ?? []));
  }
  return { ...incoming, root: { ...incoming.root, children } };
}
