/**
 * The renderer's CSP allows no `eval` (src-shared/csp.ts), so zod's compiled fast path for
 * objects can never run here. Saying so up front skips zod's probe for it (a `new Function`
 * that the CSP refuses and reports as a violation) when the first schema is built. Imported
 * first in main.tsx, before any module builds a schema.
 */
import { config } from 'zod';

config({ jitless: true });
