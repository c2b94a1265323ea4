/** About, diagnostics and the log folder: what the Settings "About" part and IT need. */
import { arch, platform, release } from 'node:os';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src-shared/protocol';
import type { HandlerFor } from './context';
import { recentErrors } from './log/recent-errors';

type AppMethods = 'app.info' | 'app.diagnostics' | 'app.openLogFolder' | 'app.reportError';

/** Node, and Electron's and Chromium's versions where the core runs inside Electron. */
function runtimeVersions(): Record<string, string> {
  const v = process.versions as Record<string, string | undefined>;
  const out: Record<string, string> = { node: process.versions.node };
  for (const k of ['electron', 'chrome', 'sqlite'] as const) if (v[k]) out[k] = v[k];
  return out;
}

export const appHandlers: { [M in AppMethods]: HandlerFor<M> } = {
  'app.info': (_i, ctx) => ctx.info,
  'app.diagnostics': (_i, ctx) => {
    const health = ctx.health();
    const sync = ctx.sync.status();
    return {
      version: ctx.info.version,
      host: ctx.info.host,
      os: { platform: platform(), release: release(), arch: arch() },
      runtime: runtimeVersions(),
      schemaVersion: ctx.info.schemaVersion,
      syncSchemaVersion: SCHEMA_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      profileDir: ctx.info.profileDir,
      logFolder: ctx.info.logFolder,
      store: { state: health.state, checkedAt: health.checkedAt },
      sync: {
        state: sync.state,
        signedIn: sync.user !== null,
        serverUrl: sync.serverUrl,
        pending: sync.pending,
        conflicts: ctx.conflicts.list().length,
        lastSyncAt: sync.lastSyncAt,
      },
      recentErrors: recentErrors(ctx.info.profileDir),
    };
  },
  'app.reportError': (input, ctx) => {
    const error = new Error(input.message);
    error.name = 'RendererError';
    error.stack = input.stack ?? input.message;
    ctx.log.error('renderer.error', error, { view: input.view });
    return { ok: true };
  },
  'app.openLogFolder': async (_i, ctx) => ({
    opened: ctx.openFolder ? await ctx.openFolder(ctx.info.logFolder) : false,
    path: ctx.info.logFolder,
  }),
};
