/**
 * Light / dark colours: the stylesheet follows prefers-color-scheme unless the root carries
 * data-theme="light" or "dark" (the Settings choice, stored with the other profile settings).
 */
import { useEffect } from 'react';
import type { Settings } from '../../src-shared/api';
import { api } from '../api/transport';
import { useCoreEvents } from '../api/events';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Keeps the root's theme in step with the stored setting. */
export function useThemeSetting(): void {
  const refresh = () =>
    void api['settings.get']({})
      .then((s) => applyTheme(s.theme))
      .catch(() => undefined);
  useEffect(refresh, []);
  useCoreEvents((e) => e.type === 'settings.updated' && refresh());
}
