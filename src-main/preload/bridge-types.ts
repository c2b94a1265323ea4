/**
 * `window.copydesk` as the Electron preload exposes it. Absent in browser mode, hence optional.
 * Reference this file (or import it for its side effect on types) from the renderer.
 */
import type { DesktopTransport } from '../../src-shared/api';

declare global {
  interface Window {
    copydesk?: DesktopTransport;
  }
}

export {};
