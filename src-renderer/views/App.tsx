import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleHelp, Plus } from 'lucide-react';
import type { StoreHealth } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';
import { useUi, followWindowWidth, NARROW_WINDOW } from '../state/ui';
import { usePresenceFeed } from '../state/presence';
import { ArticleEditor } from './ArticleEditor';
import { ReviewNavButton } from '../review/ReviewNavButton';
import { SyncStatus } from './SyncStatus';
import { UserMenu } from './UserMenu';
import { EmptyState } from './EmptyState';
import { TrashToast } from './TrashToast';
import { Notices } from './Notices';
import { CrashProbe } from './CrashProbe';
import { ViewBoundary } from './ViewBoundary';
import { modalOpen } from '../ui/Modal';
import { lazyNamed } from '../ui/lazyNamed';
import { useThemeSetting } from '../ui/theme';
import {
  isFindKey,
  isReplaceKey,
  isHelpKey,
  isNewArticleKey,
  isSearchKey,
  isTextTarget,
} from '../editor/shortcuts';
import { afterStartup } from '../boot/startupGate';
import { openFindInArticle } from '../find/findRequests';
import { AfterStartup } from '../boot/AfterStartup';

// Not needed for the first screen: loaded when first shown.
const SettingsView = lazyNamed(() => import('./SettingsView'), 'SettingsView');
const ReviewQueue = lazyNamed(() => import('../review/ReviewQueue'), 'ReviewQueue');
const ImageLibrary = lazyNamed(() => import('./images/ImageLibrary'), 'ImageLibrary');
const ShortcutHelp = lazyNamed(() => import('./ShortcutHelp'), 'ShortcutHelp');
// With an article opened at start, the list comes after its body (boot/AfterStartup.tsx).
const ArticleList = lazyNamed(() => import('./ArticleList'), 'ArticleList');

/**
 * Keeps the hash in step with the open article. The article of a `#article=<id>` link at start
 * is open from the UI state's first value on (state/ui.ts), so the editor mounts in the app's
 * first render.
 */
function useArticleHash(): void {
  const openArticleId = useUi((s) => s.openArticleId);
  useEffect(() => {
    const hash = openArticleId ? `#article=${openArticleId}` : '';
    if (location.hash !== hash)
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }, [openArticleId]);
}

/**
 * App-wide keys: Alt+N new article; Ctrl/Cmd+F and Ctrl/Cmd+H find in the open article from
 * anywhere; Ctrl/Cmd+Shift+F or "/" list search (also Ctrl/Cmd+F when no article is open); F1
 * or "?" help.
 */
function useGlobalShortcuts(actions: { newArticle(): void; toggleHelp(): void }): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || modalOpen()) return;
      const inText = isTextTarget(e.target);
      if (isNewArticleKey(e)) {
        e.preventDefault();
        ref.current.newArticle();
      } else if ((isFindKey(e) || isReplaceKey(e)) && openFindInArticle(isReplaceKey(e))) {
        e.preventDefault(); // pressed outside the editor (in the list, say): still the article's
      } else if (isSearchKey(e, inText) || isFindKey(e)) {
        const box = document.querySelector<HTMLInputElement>('[data-shortcut-target="search"]');
        if (box) {
          e.preventDefault();
          box.focus();
          box.select();
        } else if (!inText) {
          e.preventDefault();
          useUi.getState().setView('articles');
          requestAnimationFrame(() =>
            document.querySelector<HTMLInputElement>('[data-shortcut-target="search"]')?.focus(),
          );
        }
      } else if (isHelpKey(e, inText)) {
        e.preventDefault();
        ref.current.toggleHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** One main view inside its own error boundary (see ViewBoundary). */
function Guarded({ view, children }: { view: string; children: ReactNode }) {
  return (
    <ViewBoundary view={view}>
      <CrashProbe view={view} />
      <Suspense fallback={null}>{children}</Suspense>
    </ViewBoundary>
  );
}

function HealthBanner() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<StoreHealth | null>(null);
  useCoreEvents((e) => e.type === 'store.health' && setHealth(e.health));
  useEffect(() => {
    // A recovery at start happened before this view listened for events.
    return afterStartup(
      () => void api['store.health']({}).then((h) => setHealth((now) => now ?? h)),
    );
  }, []);
  if (health?.state === 'recovered') {
    return (
      <div role="alert" className="banner banner--warning">
        <strong>{t('app.storeRecovered')}</strong> {health.message}
      </div>
    );
  }
  if (health?.state !== 'corrupt') return null;
  return (
    <div role="alert" className="banner banner--error">
      <strong>{t('app.storeCorrupt')}</strong> {health.message}
    </div>
  );
}

/** The list's column, empty, while the list waits (the canvas beside it stays put). */
function ListPlaceholder() {
  const { t } = useTranslation();
  return <section className="list" aria-label={t('list.label')} aria-busy="true" />;
}

export function App() {
  const { t } = useTranslation();
  const { view, setView, openArticleId, openNewArticle } = useUi();
  const [error, setError] = useState<string | null>(null);
  const [help, setHelp] = useState(false);

  const newArticle = async () => {
    try {
      const a = await api['articles.create']({});
      openNewArticle(a.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useCoreEvents((e) => {
    if (e.type !== 'app.command') return;
    if (e.command === 'shortcuts') setHelp(true);
    else setView('settings'); // About is the last part of Settings
  });
  useArticleHash();
  usePresenceFeed();
  useThemeSetting();
  useEffect(() => followWindowWidth(window.matchMedia(NARROW_WINDOW)), []);
  useGlobalShortcuts({
    newArticle: () => void newArticle(),
    toggleHelp: () => setHelp((h) => !h),
  });

  return (
    <div className="app">
      <header className="app__bar">
        <h1 className="app__name">{t('app.name')}</h1>
        <button
          type="button"
          className="button button--primary"
          aria-keyshortcuts="Alt+N"
          onClick={() => void newArticle()}
        >
          <Plus aria-hidden size={16} />
          {t('app.newArticle')}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-keyshortcuts="F1"
          aria-label={t('editor.shortcuts.title')}
          title={`${t('editor.shortcuts.title')} (F1)`}
          onClick={() => setHelp(true)}
        >
          <CircleHelp aria-hidden size={20} />
        </button>
        <SyncStatus />
        <UserMenu />
      </header>
      <nav className="app__nav" aria-label={t('app.nav.label')}>
        <button
          type="button"
          aria-current={view === 'articles' ? 'page' : undefined}
          onClick={() => setView('articles')}
        >
          {t('app.nav.articles')}
        </button>
        <button
          type="button"
          aria-current={view === 'images' ? 'page' : undefined}
          onClick={() => setView('images')}
        >
          {t('app.nav.images')}
        </button>
        <ReviewNavButton />
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
        <Notices />
        {error && (
          <div role="alert" className="banner banner--error">
            {t('app.error')}: {error}{' '}
            <button type="button" onClick={() => setError(null)}>
              {t('app.dismiss')}
            </button>
          </div>
        )}
        {view === 'settings' ? (
          <Guarded view="settings">
            <SettingsView />
          </Guarded>
        ) : view === 'review' ? (
          <Guarded view="review">
            <ReviewQueue />
          </Guarded>
        ) : view === 'images' ? (
          <Guarded view="images">
            <ImageLibrary />
          </Guarded>
        ) : (
          <div className={`workspace${openArticleId ? ' workspace--editing' : ''}`}>
            <Guarded view="list">
              <AfterStartup placeholder={<ListPlaceholder />}>
                <Suspense fallback={<ListPlaceholder />}>
                  <ArticleList />
                </Suspense>
              </AfterStartup>
            </Guarded>
            {openArticleId ? (
              <Guarded key={openArticleId} view="editor">
                <ArticleEditor id={openArticleId} />
              </Guarded>
            ) : (
              <EmptyState />
            )}
          </div>
        )}
      </main>
      <TrashToast />
      {help && (
        <Suspense fallback={null}>
          <ShortcutHelp onClose={() => setHelp(false)} />
        </Suspense>
      )}
    </div>
  );
}
