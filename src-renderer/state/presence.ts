/**
 * Who else has which article open right now (a hint from the server's live socket, never a
 * lock). Fed once per window by `usePresenceFeed`; read per article by `usePresenceOf`.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PresenceList, PresenceUser } from '../../src-shared/live';
import { api, callOnExit } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { afterStartup } from '../boot/startupGate';

const NOBODY: readonly PresenceUser[] = [];

interface PresenceState {
  byArticle: ReadonlyMap<string, readonly PresenceUser[]>;
  set: (list: PresenceList) => void;
}

export const usePresenceStore = create<PresenceState>((set) => ({
  byArticle: new Map(),
  set: (list) => set({ byArticle: new Map(list.map((a) => [a.articleId, a.users])) }),
}));

/** Keeps the store current: the list at start, then every change the core reports. */
export function usePresenceFeed(): void {
  const setList = usePresenceStore((s) => s.set);
  useEffect(() => {
    let live = true;
    const cancel = afterStartup(
      () =>
        void api['presence.list']({}).then(
          (r) => live && setList(r.articles),
          () => undefined,
        ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, [setList]);
  useCoreEvents((e) => {
    if (e.type === 'presence.changed') setList(e.articles);
  });
}

export function usePresenceOf(articleId: string): readonly PresenceUser[] {
  return usePresenceStore((s) => s.byArticle.get(articleId) ?? NOBODY);
}

/** Tells the other desks that this window has the article open, until it closes it. */
export function useAnnouncePresence(articleId: string): void {
  useEffect(() => {
    const cancel = afterStartup(
      () => void api['presence.open']({ articleId }).catch(() => undefined),
    );
    // Closing the window unmounts nothing: say it on the way out.
    const leave = () => callOnExit('presence.open', { articleId: null });
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      cancel();
      void api['presence.open']({ articleId: null }).catch(() => undefined);
    };
  }, [articleId]);
}
