import { useEffect } from 'react';
import { create } from 'zustand';
import { api, transport } from '../api/transport';
import { afterStartup } from '../boot/startupGate';

interface ChangesRequestedState {
  /** Articles the signed-in author was told to revise (from the core's notices). */
  ids: ReadonlySet<string>;
  load: () => void;
}

/** Loaded once per window and again when a sync brings a notice; shared by every list row. */
export const useChangesRequestedStore = create<ChangesRequestedState>((set) => ({
  ids: new Set(),
  load: () => {
    afterStartup(() => void loadChangesRequested(set));
  },
}));

function loadChangesRequested(set: (s: Pick<ChangesRequestedState, 'ids'>) => void) {
  return api['notices.list']({}).then(
    (r) =>
      set({
        ids: new Set(r.items.filter((n) => n.kind === 'changes_requested').map((n) => n.articleId)),
      }),
    () => undefined,
  );
}

let watching = false;

/** Was this article sent back to its author with a request for changes? */
export function useChangesRequested(articleId: string): boolean {
  const has = useChangesRequestedStore((s) => s.ids.has(articleId));
  const load = useChangesRequestedStore((s) => s.load);
  useEffect(() => {
    if (watching) return;
    watching = true;
    load();
    transport.onEvent((e) => {
      if (e.type === 'notice') load();
    });
  }, [load]);
  return has;
}
