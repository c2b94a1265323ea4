/**
 * The newsroom's time zone from sync.status (the server's, cached by the core), loaded once per
 * window and kept current by sync status events; shared by every list row and dialog.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { DEFAULT_NEWSROOM_TIME_ZONE } from '../../src-shared/time/newsroomTime';
import { api, transport } from '../api/transport';
import { afterStartup } from '../boot/startupGate';

const useZoneStore = create<{ zone: string }>(() => ({ zone: DEFAULT_NEWSROOM_TIME_ZONE }));

let watching = false;

export function useNewsroomZone(): string {
  const zone = useZoneStore((s) => s.zone);
  useEffect(() => {
    if (watching) return;
    watching = true;
    // Not before the article opened at start is editable (boot/startupGate.ts): until then the
    // default zone shows, as it does until any answer comes.
    afterStartup(
      () =>
        void api['sync.status']({}).then(
          (s) => useZoneStore.setState({ zone: s.timeZone }),
          () => undefined,
        ),
    );
    transport.onEvent((e) => {
      if (e.type === 'sync.status' && e.status.timeZone !== useZoneStore.getState().zone)
        useZoneStore.setState({ zone: e.status.timeZone });
    });
  }, []);
  return zone;
}
