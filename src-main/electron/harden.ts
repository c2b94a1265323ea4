/**
 * Per-webContents and per-session lockdown: the Electron security baseline. Electron objects come
 * in as
 * parameters so that main.ts owns the runtime import and this file stays testable.
 */
import type { Session, WebContents } from 'electron';
import { decideNavigation, decideWindowOpen } from './external-links';

export type OpenExternal = (url: string) => void;

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenableContents, openExternal: OpenExternal): void {
  const onNavigate = (event: { preventDefault(): void; url: string }) => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternal) openExternal(decision.openExternal);
  };
  // will-frame-navigate also covers subframes; will-navigate is kept for the main frame in
  // case a future Electron stops emitting the former for it.
  contents.on('will-navigate', onNavigate);
  contents.on('will-frame-navigate', onNavigate);
  contents.on('will-redirect', (event) => {
    if (!decideNavigation(event.url).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternal) openExternal(decision.openExternal);
    return { action: 'deny' };
  });
}

type LockableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** Camera, microphone, notifications, geolocation, HID, serial…: Copydesk needs none. */
export function denyAllPermissions(session: LockableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
