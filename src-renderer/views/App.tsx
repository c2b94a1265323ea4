import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreHealth } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi } from '../state/ui';
import { ArticleList } from './ArticleList';
import { EditorStub } from './EditorStub';
import { SettingsView } from './SettingsView';

function HealthBanner() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<StoreHealth | null>(null);
  useCoreEvents((e) => e.type === 'store.health' && setHealth(e.health));
  if (health?.state !== 'corrupt') return null;
  return (
    <div role="alert" className="banner banner--error">
      <strong>{t('app.storeCorrupt')}</strong> {health.message}
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const { view, setView, openArticleId, openArticle } = useUi();
  const [error, setError] = useState<string | null>(null);

  const newArticle = async () => {
    try {
      const a = await api['articles.create']({});
      openArticle(a.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="app">
      <header className="app__bar">
        <h1 className="app__name">{t('app.name')}</h1>
        <button type="button" className="primary" onClick={() => void newArticle()}>
          {t('app.newArticle')}
        </button>
      </header>
      <nav className="app__nav" aria-label={t('app.nav.label')}>
        <button
          type="button"
          aria-current={view === 'articles' ? 'page' : undefined}
          onClick={() => setView('articles')}
        >
          {t('app.nav.articles')}
        </button>
        <button type="button" disabled title={t('app.nav.soon')}>
          {t('app.nav.images')}
        </button>
        <button type="button" disabled title={t('app.nav.soon')}>
          {t('app.nav.review')}
        </button>
        <button
          type="button"
          aria-current={view === 'settings' ? 'page' : undefined}
          onClick={() => setView('settings')}
        >
          {t('app.nav.settings')}
        </button>
      </nav>
      <main className="app__main">
        <HealthBanner />
        {error && (
          <div role="alert" className="banner banner--error">
            {t('app.error')}: {error}{' '}
            <button type="button" onClick={() => setError(null)}>
              {t('app.dismiss')}
            </button>
          </div>
        )}
        {view === 'settings' ? (
          <SettingsView />
        ) : (
          <div className="workspace">
            <ArticleList />
            {openArticleId && <EditorStub key={openArticleId} id={openArticleId} />}
          </div>
        )}
      </main>
    </div>
  );
}
