/** Settings → About: version, where the profile and its logs are, and help for IT. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../src-shared/api';
import { api } from '../api/transport';
import { ComponentLicenses } from './ComponentLicenses';
import { diagnosticsText } from './diagnosticsText';

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

export function AboutSection({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [copyText, setCopyText] = useState<string | null>(null);

  const openLogs = async () => {
    try {
      const r = await api['app.openLogFolder']({});
      setFeedback(
        r.opened
          ? { kind: 'ok', text: t('about.logsOpened') }
          : { kind: 'error', text: t('about.logsNotOpened', { path: r.path }) },
      );
    } catch (e) {
      setFeedback({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const copyDiagnostics = async () => {
    const text = diagnosticsText(await api['app.diagnostics']({}));
    try {
      await navigator.clipboard.writeText(text);
      setCopyText(null);
      setFeedback({ kind: 'ok', text: t('about.copied') });
    } catch {
      // No clipboard access (an insecure origin, a denied permission): show it to copy by hand.
      setCopyText(text);
      setFeedback({ kind: 'error', text: t('about.copyByHand') });
    }
  };

  return (
    <section className="about" aria-labelledby="about-title">
      <h3 id="about-title">{t('about.title')}</h3>
      <dl className="settings__info">
        <dt>{t('about.version')}</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>{t('settings.profile')}</dt>
        <dd>{info.profileDir}</dd>
        <dt>{t('settings.database')}</dt>
        <dd>{info.databasePath}</dd>
        <dt>{t('about.logFolder')}</dt>
        <dd>{info.logFolder}</dd>
      </dl>
      <div className="about__actions">
        <button type="button" onClick={() => void openLogs()}>
          {t('about.openLogs')}
        </button>
        <button type="button" onClick={() => void copyDiagnostics()}>
          {t('about.copyDiagnostics')}
        </button>
      </div>
      <p className="about__hint">{t('about.diagnosticsHint')}</p>
      <ComponentLicenses />
      {feedback && (
        <p role="status" className={`about__feedback about__feedback--${feedback.kind}`}>
          {feedback.text}
        </p>
      )}
      {copyText && (
        <textarea
          className="about__copy"
          aria-label={t('about.copyDiagnostics')}
          readOnly
          rows={10}
          value={copyText}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </section>
  );
}
