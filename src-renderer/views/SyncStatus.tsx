/**
 * The sync status line: "All changes synced", "Offline — N changes waiting", "Syncing k of N"
 * with a progress bar, the last sync time, errors with a Retry button, and sign-in.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedConflict, SyncStatus as Status } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { SignIn } from './SignIn';
import { SyncConflicts } from './SyncConflicts';
import { formatClockTime, formatTime } from '../i18n/format';
import { afterStartup } from '../boot/startupGate';

export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [signIn, setSignIn] = useState(false);
  const [conflicts, setConflicts] = useState<ListedConflict[]>([]);
  const [showConflicts, setShowConflicts] = useState(false);
  const refresh = useCallback(() => {
    api['sync.status']({}).then(setStatus, () => undefined);
    api['sync.conflicts']({}).then(
      (r) => setConflicts(r.items),
      () => undefined,
    );
  }, []);
  useEffect(() => afterStartup(refresh), [refresh]);
  // Network regained: sync at once instead of waiting for the next backoff retry.
  useEffect(() => {
    const online = () => void api['sync.now']({}).then(setStatus, () => undefined);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  useCoreEvents((e) => {
    if (e.type === 'sync.status') {
      setStatus(e.status);
      if (e.status.state !== 'syncing') refresh();
    } else if (e.type.startsWith('article.') || e.type.startsWith('image.')) refresh();
  });
  if (!status) return null;

  const retry = () => {
    api['sync.now']({}).then(setStatus, refresh);
  };
  let text: string;
  if (!status.user) text = t('sync.status.local', { count: status.pending });
  else if (status.state === 'syncing')
    text =
      status.total !== undefined && status.total > 0
        ? t('sync.status.syncingOf', { done: status.done ?? 0, total: status.total })
        : status.done
          ? t('sync.status.syncingReceived', { count: status.done })
          : t('sync.status.syncing');
  else if (status.state === 'offline') text = t('sync.status.offline', { count: status.pending });
  else if (status.state === 'error') text = t('sync.status.error');
  else if (status.pending > 0) text = t('sync.status.waiting', { count: status.pending });
  else text = t('sync.status.synced');

  return (
    <div className={`sync-status sync-status--${status.state}`} role="status" aria-live="polite">
      <span className="sync-status__text">{text}</span>
      {status.state === 'syncing' && status.total !== undefined && status.total > 0 && (
        <progress
          className="sync-status__progress"
          value={status.done ?? 0}
          max={status.total}
          aria-label={text}
        />
      )}
      {status.lastSyncAt && status.state !== 'syncing' && (
        <span
          className="sync-status__last"
          title={t('sync.status.last', { time: formatTime(status.lastSyncAt, i18n.language) })}
        >
          {t('sync.status.last', {
            time: formatClockTime(new Date(status.lastSyncAt), i18n.language),
          })}
        </span>
      )}
      {status.state === 'error' && status.lastError && (
        <span className="sync-status__detail" title={status.lastError}>
          {status.lastError}
        </span>
      )}
      {status.user && (status.state === 'error' || status.state === 'offline') && (
        <button type="button" onClick={retry}>
          {t('sync.status.retry')}
        </button>
      )}
      {status.massDelete && (
        <button
          type="button"
          onClick={() => {
            api['sync.confirmMassDelete']({}).then(setStatus, refresh);
          }}
        >
          {t('sync.status.confirmMassDelete', { count: status.massDelete.articles })}
        </button>
      )}
      {conflicts.length > 0 && (
        <button
          type="button"
          className="sync-status__conflicts"
          onClick={() => setShowConflicts(true)}
        >
          {t('sync.conflicts.count', { count: conflicts.length })}
        </button>
      )}
      {showConflicts && (
        <SyncConflicts
          items={conflicts}
          onChanged={refresh}
          onClose={() => setShowConflicts(false)}
        />
      )}
      {!status.user && (
        <button type="button" onClick={() => setSignIn(true)}>
          {t('sync.status.signIn')}
        </button>
      )}
      {signIn && (
        <SignIn
          initialUrl={status.serverUrl}
          onClose={() => {
            setSignIn(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
