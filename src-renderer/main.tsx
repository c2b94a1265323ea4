import { articleAtStart, settingsAtStart } from './boot/startCalls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, resolveLanguage } from './i18n';
import { App } from './views/App';
import { applyTheme } from './ui/theme';
import './styles.css';

async function boot(): Promise<void> {
  // With a `#article=` link the first render shows the body: its answer is awaited here (both
  // calls went out from boot/early.ts; boot/startCalls.ts has checked what has arrived).
  const [settings] = await Promise.all([settingsAtStart, articleAtStart]);
  applyTheme(settings?.theme ?? 'system');
  await initI18n(resolveLanguage(settings?.language ?? 'system'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
