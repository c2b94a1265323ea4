import { useEffect, useState } from 'react';
import type { Role } from '../../src-shared/model';
import { isChief } from '../../src-shared/workflow';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { afterStartup } from '../boot/startupGate';

export interface CurrentUser {
  /** The server's role when signed in; a local user who is not signed in is an editor. */
  role: Role;
  chief: boolean;
  signedIn: boolean;
  /** The signed-in user's name (null when not signed in). */
  username: string | null;
  /** The signed-in user's id (null when not signed in). */
  id?: string | null;
  /** False until the core answered: the role above is only a guess until then. */
  known: boolean;
}

const LOCAL: CurrentUser = {
  role: 'editor',
  chief: false,
  signedIn: false,
  username: null,
  known: false,
};

function fromStatus(user: { id?: string; role: string; username: string } | null): CurrentUser {
  if (!user) return { ...LOCAL, known: true };
  const role = (['editor', 'photo_editor', 'desk_chief', 'admin'] as const).find(
    (r) => r === user.role,
  );
  const signedIn = { signedIn: true, username: user.username, id: user.id ?? null, known: true };
  if (!role) return { ...LOCAL, ...signedIn };
  return { role, chief: isChief(role), ...signedIn };
}

/** The signed-in user's role from sync.status (updated with every sync status event). */
export function useCurrentUser(): CurrentUser {
  const [user, setUser] = useState<CurrentUser>(LOCAL);
  useEffect(() => {
    let live = true;
    const cancel = afterStartup(
      () =>
        void api['sync.status']({}).then(
          (s) => live && setUser(fromStatus(s.user)),
          () => undefined,
        ),
    );
    return () => {
      live = false;
      cancel();
    };
  }, []);
  useCoreEvents((e) => {
    if (e.type === 'sync.status') setUser(fromStatus(e.status.user));
  });
  return user;
}
