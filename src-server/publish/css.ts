/**
 * The stylesheet of the published site, served from /static/site.css (no inline styles: strict
 * CSP). The file lives in src-shared/publish so the desktop preview loads the very same sheet.
 */
import { readFileSync } from 'node:fs';

export const SITE_CSS = readFileSync(
  new URL('../../src-shared/publish/site.css', import.meta.url),
  'utf8',
);
