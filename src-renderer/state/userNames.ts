/**
 * The newsroom's display names (username → "Miriam Krause"), as the desk last synced them: loaded
 * once after start-up and again when the core says they changed. `useNameOf` turns a username
 * into what the UI shows: the display name, else the username.
 */
import { useCallback, useEffect } from 'react';
import { create } from 'zustand';
import { api, transport } from '../api/transport';
import { afterStartup } from '../boot/startupGate';

const useUserNames = create<{ names: Record<string, string> }>(() => ({ names: {} }));

function load(): void {
  void api['users.names']({}).then(
    (r) => useUserNames.setState({ names: r.names }),
    () => undefined,
  );
}

// One subscription for all the components that show names, kept while any of them is mounted.
let followers = 0;
let stop: (() => void) | null = null;
function follow(): () => void {
  if (followers++ === 0) {
    const cancel = afterStartup(load);
    const off = transport.onEvent((e) => {
      if (e.type === 'users.names') load();
    });
    stop = () => {
      cancel();
      off();
    };
  }
  return () => {
    if (--followers === 0) {
      stop?.();
      stop = null;
    }
  };
}

/** What to show for a username: its display name where the newsroom has one. */
export function useNameOf(): (username: string) => string {
  useEffect(follow, []);
  const names = useUserNames((s) => s.names);
  return useCallback((username: string) => names[username] ?? username, [names]);
}
