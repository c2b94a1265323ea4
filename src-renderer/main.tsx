import './boot/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/transport';
import { initI18n, resolveLanguage } from './i18n';
import { App } from './views/App';
import { applyTheme } from './ui/theme';
import { startArticle } from './editor/prefetch';
import './styles.css';

async function boot(): Promise<void> {
  // With a `#article=` link the first render shows the body: its answer is awaited here (both
  // calls went out from boot/early.ts before this bundle loaded).
  const [settings] = await Promise.all([api['settings.get']({}).catch(() => null), startArticle()]);
  applyTheme(settings?.theme ?? 'system');
  await initI18n(resolveLanguage(settings?.language ?? 'system'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
