/**
 * React.lazy for a named export: views that are not needed to show the first screen (settings,
 * review queue, image library, history…) load with their own chunk when first shown, so the
 * bundle parsed at start is smaller. Render inside <Suspense>.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own constraint
type AnyComponent = ComponentType<any>;

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
