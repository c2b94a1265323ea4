/**
 * Asks for a date and a time on the newsroom's clocks (reschedule, embargo): two native inputs,
 * the zone named in the label, the reason when the entry cannot be a time (timeEntry.ts), a note
 * when the time happens twice (autumn), and the core's refusal when it refuses.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../ui/Modal';
import { formatNewsroomTime } from '../i18n/format';
import { entryFields, readTimeEntry } from './timeEntry';

export function NewsroomTimeDialog({
  title,
  zone,
  initialUtc,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: string;
  zone: string;
  /** The time the fields start with (null: empty). */
  initialUtc: string | null;
  submitLabel: string;
  /** Saves the UTC time; resolves to the refusal to show, or null when it is done. */
  onSubmit: (utc: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const start = initialUtc ? entryFields(initialUtc, zone) : { date: '', time: '' };
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const dateId = useId();
  const timeId = useId();
  const errorId = useId();
  const entry = readTimeEntry(date, time, zone, Date.now());
  const problem = !entry.ok && shown ? t(`schedule.entry.${entry.error}`, { zone }) : refusal;

  const submit = async () => {
    setShown(true);
    setRefusal(null);
    if (!entry.ok) return;
    setBusy(true);
    try {
      setRefusal(await onSubmit(entry.utc));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      className="newsroom-time-dialog"
      label={title}
      onClose={onCancel}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{title}</h2>
      <div className="newsroom-time-dialog__fields">
        <label className="field" htmlFor={dateId}>
          <span>{t('schedule.dialog.date')}</span>
          <input
            id={dateId}
            type="date"
            value={date}
            data-autofocus
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            onChange={(e) => {
              setDate(e.target.value);
              setRefusal(null);
            }}
          />
        </label>
        <label className="field" htmlFor={timeId}>
          <span>{t('schedule.dialog.time', { zone })}</span>
          <input
            id={timeId}
            type="time"
            value={time}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            onChange={(e) => {
              setTime(e.target.value);
              setRefusal(null);
            }}
          />
        </label>
      </div>
      {entry.ok && !problem && (
        <p className="hint" data-testid="newsroom-time-preview">
          {formatNewsroomTime(entry.utc, i18n.language, zone)}
          {entry.repeated && ` — ${t('schedule.entry.repeated')}`}
        </p>
      )}
      {problem && (
        <p id={errorId} role="alert" className="field__error">
          {problem}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('schedule.dialog.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Modal>
  );
}
