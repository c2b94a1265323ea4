/**
 * "Updated by <name>" (the display name, the username on hover) over the open article when sync brought someone else's change: what
 * changed, and "Merge now" (it also merges by itself when the user pauses).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteState } from './remoteUpdates';
import { useNameOf } from '../state/userNames';

export function RemoteUpdateBanner({
  state,
  self,
  onMerge,
}: {
  state: RemoteState;
  /** The signed-in user: their own changes coming back merge without a banner. */
  self: string | null;
  onMerge: () => void;
}) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const [open, setOpen] = useState(false);
  const { pending, merging, error } = state;
  if (!pending || (self !== null && pending.name === self)) return null;
  const changed = [
    ...pending.fields.map((f) => t(`conflicts.fields.${f}`)),
    ...(pending.body ? [t('conflicts.remote.changedBody')] : []),
  ];
  return (
    <div className="banner remote-update" role="status" data-testid="remote-update">
      <p className="remote-update__title">
        <strong
          title={pending.name && nameOf(pending.name) !== pending.name ? pending.name : undefined}
        >
          {pending.name
            ? t('conflicts.remote.updatedBy', { name: nameOf(pending.name) })
            : t('conflicts.remote.updatedOnServer')}
        </strong>{' '}
        <span className="hint">{t('conflicts.remote.hint')}</span>
      </p>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? t('conflicts.remote.hideChanges') : t('conflicts.remote.showChanges')}
      </button>{' '}
      <button type="button" disabled={merging} onClick={onMerge}>
        {merging ? t('conflicts.remote.merging') : t('conflicts.remote.mergeNow')}
      </button>
      {open && (
        <p className="remote-update__changes">
          {changed.length > 0
            ? t('conflicts.remote.changedFields', { fields: changed.join(', ') })
            : t('conflicts.remote.nothing')}
        </p>
      )}
      {error && <p className="banner--error">{error}</p>}
    </div>
  );
}
