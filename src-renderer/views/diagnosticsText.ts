/** The plain text "Copy diagnostics" puts on the clipboard: for a ticket to IT, no content. */
import type { Diagnostics } from '../../src-shared/api';

export function diagnosticsText(d: Diagnostics): string {
  const lines = [
    `Copydesk ${d.version} (${d.host})`,
    `System: ${d.os.platform} ${d.os.release} ${d.os.arch}`,
    `Runtime: ${Object.entries(d.runtime)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `Schema: local database ${d.schemaVersion}, sync ${d.syncSchemaVersion}, protocol ${d.protocolVersion}`,
    `Local database check: ${d.store.state}${d.store.checkedAt ? ` (${d.store.checkedAt})` : ''}`,
    `Sync: ${d.sync.state}, ${d.sync.signedIn ? `signed in to ${d.sync.serverUrl ?? '?'}` : 'signed out'}, ` +
      `${d.sync.pending} pending, ${d.sync.conflicts} conflicts, last sync ${d.sync.lastSyncAt ?? 'never'}`,
    `Profile: ${d.profileDir}`,
    `Logs: ${d.logFolder}`,
    `Recent errors: ${d.recentErrors.length === 0 ? 'none' : ''}`,
    ...d.recentErrors.map((e) => `  ${e.at} ${e.source} ${e.event}: ${e.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
