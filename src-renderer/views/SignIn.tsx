/** Sign-in dialog: server URL, user name, password → sync.login. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/transport';
import { Modal } from '../ui/Modal';

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
    <Modal
      className="signin"
      label={t('sync.signIn.title')}
      onClose={onClose}
      onSubmit={(e) => void submit(e)}
    >
      <h2>{t('sync.signIn.title')}</h2>
      <label>
        {t('sync.signIn.server')}
        <input
          data-autofocus
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
        <button type="button" className="button" onClick={onClose}>
          {t('sync.signIn.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('sync.signIn.busy') : t('sync.signIn.submit')}
        </button>
      </div>
    </Modal>
  );
}
