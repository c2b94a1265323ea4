/**
 * The editor's embargo panel (details column): the time before which the server refuses to
 * publish, on the newsroom's clocks; desk chiefs set, change or lift it. Published articles can
 * only have it lifted (the shared mutation refuses a new one).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../src-shared/model';
import { formatNewsroomTime } from '../i18n/format';
import { NewsroomTimeDialog } from './NewsroomTimeDialog';
import { embargoUntil } from './scheduleActions';
import { useCurrentUser } from './useRole';
import { useNewsroomZone } from './useNewsroomZone';
import { useStoredArticle } from './useStoredArticle';
import './schedule.css';

type Message = { tone: 'ok' | 'error'; text: string };

export function EmbargoPanel({ article: initial }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const zone = useNewsroomZone();
  const [article, setArticle] = useStoredArticle(initial);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const titleId = useId();
  const until = article.embargoUntil ?? null;
  const when = (iso: string) => formatNewsroomTime(iso, i18n.language, zone);
  const canSet = user.chief && article.status !== 'published' && article.deletedAt === null;

  const save = async (utc: string | null): Promise<string | null> => {
    setMessage(null);
    const r = await embargoUntil(t, article.id, utc);
    if (!r.ok) return r.text;
    setArticle(r.article);
    setEditing(false);
    setMessage({
      tone: 'ok',
      text: r.article.embargoUntil
        ? t('schedule.embargoPanel.set', { time: when(r.article.embargoUntil) })
        : t('schedule.embargoPanel.cleared'),
    });
    return null;
  };

  const lift = async () => {
    const refusal = await save(null);
    if (refusal) setMessage({ tone: 'error', text: refusal });
  };

  return (
    <section className="embargo-panel" aria-labelledby={titleId} data-testid="embargo-panel">
      <h3 id={titleId} className="embargo-panel__title">
        {t('schedule.embargoPanel.title')}
      </h3>
      <p className="embargo-panel__value" data-testid="embargo-value">
        {until ? (
          <>
            {t('schedule.embargoPanel.until')}{' '}
            <time dateTime={until}>
              <strong>{when(until)}</strong>
            </time>
          </>
        ) : (
          t('schedule.embargoPanel.none')
        )}
      </p>
      <p className="hint">{t('schedule.embargoPanel.hint', { zone })}</p>
      {user.chief ? (
        <div className="embargo-panel__actions">
          {canSet && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {until ? t('schedule.embargoPanel.change') : t('schedule.embargoPanel.setButton')}
            </button>
          )}
          {until && (
            <button type="button" className="button" onClick={() => void lift()}>
              {t('schedule.embargoPanel.lift')}
            </button>
          )}
        </div>
      ) : (
        user.known && <p className="hint">{t('schedule.embargoPanel.chiefOnly')}</p>
      )}
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={`scheduled-queue__message scheduled-queue__message--${message.tone}`}
        >
          {message.text}
        </p>
      )}
      {editing && (
        <NewsroomTimeDialog
          title={t('schedule.embargoPanel.dialogTitle', {
            headline: article.headline || t('review.queue.untitled'),
          })}
          zone={zone}
          initialUtc={until}
          submitLabel={t('schedule.embargoPanel.save')}
          onSubmit={(utc) => save(utc)}
          onCancel={() => setEditing(false)}
        />
      )}
    </section>
  );
}
