/** Who is signed in, on which server, and "Sign out": in the app header. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { afterStartup } from '../boot/startupGate';
import { shownUserName } from './userName';

type Account = Pick<SyncStatus, 'user' | 'serverUrl'>;

/** The server's host name and port: the part a person recognises. */
function serverName(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function UserMenu() {
  const { t } = useTranslation();
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    api['sync.status']({}).then(setAccount, () => undefined);
  }, []);
  useEffect(() => afterStartup(refresh), [refresh]);
  useCoreEvents((e) => {
    if (e.type === 'sync.status') setAccount(e.status);
  });
  if (!account?.user) return null;
  const shown = shownUserName(account.user);
  const signOut = () => {
    setError(null);
    api['sync.logout']({}).then(refresh, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="user-menu" aria-label={t('state.user.label')} data-testid="user-menu">
      <span className="user-menu__name" title={shown.title}>
        {t('state.user.signedInAs', { name: shown.name })}
      </span>
      {/* Where the header is tight: the name alone, the rest in its title (styles.css). */}
      <span
        className="user-menu__short"
        title={[
          t('state.user.signedInAs', { name: shown.name }),
          shown.title && `(${shown.title})`,
          account.serverUrl &&
            `· ${t('state.user.server', { url: serverName(account.serverUrl) })}`,
        ]
          .filter(Boolean)
          .join(' ')}
      >
        {shown.name}
      </span>{' '}
      <span className="user-menu__server hint" title={account.serverUrl ?? undefined}>
        {t('state.user.server', { url: serverName(account.serverUrl) })}
      </span>{' '}
      <button type="button" className="button" onClick={signOut}>
        {t('state.user.signOut')}
      </button>
      {error && (
        <span role="alert" className="field__error">
          {error}
        </span>
      )}
    </section>
  );
}
