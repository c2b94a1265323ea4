/** Sign-in dialog: server URL, user name, password → sync.login. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/transport';

export function SignIn({
  initialUrl,
  onClose,
}: {
  initialUrl: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(initialUrl ?? 'http://127.0.0.1:8787');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api['sync.login']({ serverUrl: serverUrl.trim(), username: username.trim(), password });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className="overlay__panel signin"
        role="dialog"
        aria-modal="true"
        aria-label={t('sync.signIn.title')}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2>{t('sync.signIn.title')}</h2>
        <label>
          {t('sync.signIn.server')}
          <input
            ref={first}
            type="url"
            required
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
          />
        </label>
        <label>
          {t('sync.signIn.username')}
          <input
            required
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('sync.signIn.password')}
          <input
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="banner banner--error">
            {error}
          </p>
        )}
        <div className="signin__actions">
          <button type="button" onClick={onClose}>
            {t('sync.signIn.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('sync.signIn.busy') : t('sync.signIn.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
