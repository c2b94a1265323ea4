/**
 * "Keep mine" / "keep theirs" for a body conflict region, pure: the merged body holds one side's
 * blocks for the region; swapping in the other side replaces those blocks at their position.
 */
import { blockContentKey, blockIdOf } from '../../../src-shared/merge';
import type { BodyJson } from '../../../src-shared/model';

/** As the merge keys blocks (src-shared/merge/body.ts keyBlocks), without the `#n` suffixes. */
const keyOf = (b: unknown): string => blockIdOf(b) ?? `h:${blockContentKey(b)}`;

export function swapRegion(
  body: BodyJson,
  remove: readonly unknown[],
  insert: readonly unknown[],
): BodyJson {
  const drop = new Set(remove.map(keyOf));
  const children = body.root.children;
  let at = children.findIndex((c) => drop.has(keyOf(c)));
  const kept = children.filter((c) => !drop.has(keyOf(c)));
  if (at < 0) at = kept.length;
  else at = children.slice(0, at).filter((c) => !drop.has(keyOf(c))).length;
  // Blocks of the other side that are still in the body elsewhere are not duplicated.
  const present = new Set(kept.map(keyOf));
  const add = insert.filter((b) => !present.has(keyOf(b)));
  return {
    ...body,
    root: { ...body.root, children: [...kept.slice(0, at), ...add, ...kept.slice(at)] },
  };
}
