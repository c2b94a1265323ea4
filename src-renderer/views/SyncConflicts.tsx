/**
 * The conflicts a sync left for a person to decide: field conflicts, body regions and rejected
 * changes, each with both versions and "Keep mine" / "Keep theirs".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../src-shared/api';
import { api } from '../api/transport';
import { Modal } from '../ui/Modal';

function preview(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') texts.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return texts.length ? texts.join(' ') : JSON.stringify(value);
}

export function SyncConflicts({
  items,
  onChanged,
  onClose,
}: {
  items: SyncConflict[];
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
      setError(e instanceof Error ? e.message : String(e));
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
            <p>
              <strong>{t(`sync.conflicts.kind.${c.kind}`)}</strong>{' '}
              {c.kind === 'rejected' ? c.reason : c.field}
            </p>
            <dl>
              <dt>{t('sync.conflicts.mine')}</dt>
              <dd>
                {preview(
                  c.kind === 'rejected'
                    ? ((c.mine as { values?: unknown })?.values ?? c.mine)
                    : c.mine,
                )}
              </dd>
              {c.kind !== 'rejected' && (
                <>
                  <dt>{t('sync.conflicts.theirs')}</dt>
                  <dd>{preview(c.theirs)}</dd>
                </>
              )}
            </dl>
            <button type="button" className="button" onClick={() => void resolve(c.id, 'mine')}>
              {c.kind === 'rejected' ? t('sync.conflicts.resend') : t('sync.conflicts.keepMine')}
            </button>{' '}
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
