/**
 * The one Copydesk version: package.json's, read when the code is built (vite and tsx inline the
 * named JSON import), so the app, About, the logs, the server's health and the sync client header
 * can never disagree.
 */
import { version } from '../package.json';

export const APP_VERSION: string = version;
