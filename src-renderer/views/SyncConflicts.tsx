/**
 * The conflicts a sync left for a person to decide: field conflicts, body regions and rejected
 * changes, each with both versions (differences marked word by word) and "Keep mine" /
 * "Keep theirs".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedConflict } from '../../src-shared/api';
import { api } from '../api/transport';
import { errorText, serverCodeText } from '../i18n/errors';
import { Modal } from '../ui/Modal';
import { useUi } from '../state/ui';
import { ConflictSides, conflictText, rejectedText } from './ConflictPanel';

export function SyncConflicts({
  items,
  onChanged,
  onClose,
}: {
  items: ListedConflict[];
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const resolve = async (id: string, keep: 'mine' | 'theirs') => {
    try {
      await api['sync.resolveConflict']({ id, keep });
      onChanged();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Modal className="sync-conflicts" label={t('sync.conflicts.title')} onClose={onClose}>
      <h2>{t('sync.conflicts.title')}</h2>
      {error && (
        <p role="alert" className="banner banner--error">
          {error}
        </p>
      )}
      {items.length === 0 && <p>{t('sync.conflicts.none')}</p>}
      <ul>
        {items.map((c) => (
          <li key={c.id} className="sync-conflicts__item">
            <ConflictSubject conflict={c} onOpen={onClose} />
            <p>
              <strong>{t(`sync.conflicts.kind.${c.kind}`)}</strong>{' '}
              {c.kind === 'rejected' || c.kind === 'revoked'
                ? serverCodeText(t, c.code)
                : t(`conflicts.fields.${c.field}`, { defaultValue: c.field })}
            </p>
            {c.kind === 'field' || c.kind === 'body' ? (
              <ConflictSides
                className="conflict-panel__sides"
                sideLabels={{ mine: t('sync.conflicts.mine'), theirs: t('sync.conflicts.theirs') }}
                mine={conflictText(c.mine)}
                theirs={conflictText(c.theirs)}
              />
            ) : (
              <dl>
                <dt>{t('sync.conflicts.mine')}</dt>
                <dd>
                  {(c.kind === 'rejected' ? rejectedText(c.mine) : conflictText(c.mine)) ||
                    t('conflicts.empty')}
                </dd>
                {c.kind !== 'rejected' && (
                  <>
                    <dt>{t('sync.conflicts.theirs')}</dt>
                    <dd>{conflictText(c.theirs) || t('conflicts.empty')}</dd>
                  </>
                )}
              </dl>
            )}
            {c.resendRefused ? (
              <p className="hint">{t('sync.conflicts.resendLater')}</p>
            ) : (
              <button type="button" className="button" onClick={() => void resolve(c.id, 'mine')}>
                {c.kind === 'rejected' ? t('sync.conflicts.resend') : t('sync.conflicts.keepMine')}
              </button>
            )}{' '}
            <button type="button" className="button" onClick={() => void resolve(c.id, 'theirs')}>
              {c.kind === 'rejected' ? t('sync.conflicts.dismiss') : t('sync.conflicts.keepTheirs')}
            </button>
          </li>
        ))}
      </ul>
      <div className="modal__actions">
        <button data-autofocus type="button" className="button" onClick={onClose}>
          {t('sync.conflicts.close')}
        </button>
      </div>
    </Modal>
  );
}

/** Which article or image the conflict is about; an article opens from here. */
function ConflictSubject({ conflict, onOpen }: { conflict: ListedConflict; onOpen: () => void }) {
  const { t } = useTranslation();
  const openArticle = useUi((s) => s.openArticle);
  if (conflict.entityType === 'image') {
    return (
      <p className="sync-conflicts__subject">
        {t('sync.conflicts.image', { name: conflict.subject ?? t('sync.conflicts.unknown') })}
      </p>
    );
  }
  if (conflict.entityType !== 'article') return null;
  return (
    <p className="sync-conflicts__subject">
      <span className="sync-conflicts__headline">
        {conflict.subject ?? t('sync.conflicts.untitled')}
      </span>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          openArticle(conflict.entityId);
          onOpen();
        }}
      >
        {t('sync.conflicts.openArticle')}
      </button>
    </p>
  );
}
