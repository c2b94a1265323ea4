import type { CustomScheme, Protocol } from 'electron';
import { contentSecurityPolicy } from '../../src-shared/csp';
import { APP_SCHEME } from './app-origin';
import { serveAppFile } from './app-files';

/**
 * `standard` gives app:// real origins and relative URL resolution, `secure` makes it a secure
 * context. No bypassCSP, no service workers, no CORS from elsewhere.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
    codeCache: true,
  },
};

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves `rendererRoot` on app://copydesk with the strict CSP on every response. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, (request) => serveAppFile(request, rendererRoot, csp));
}
