import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/transport';
import { initI18n, resolveLanguage } from './i18n';
import { App } from './views/App';
import { applyTheme } from './ui/theme';
import './styles.css';

async function boot(): Promise<void> {
  const settings = await api['settings.get']({}).catch(() => null);
  applyTheme(settings?.theme ?? 'system');
  await initI18n(resolveLanguage(settings?.language ?? 'system'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
