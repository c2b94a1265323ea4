/**
 * `publish ID --at TIME` and `embargo ID TIME|none`: a desk chief's schedule and embargo. TIME
 * is "2027-01-15 06:00" in the newsroom's time zone (the server's `--time-zone`, as the desk last
 * heard it; Europe/Berlin before) or ISO 8601 with an offset; `none` takes the schedule back /
 * clears the embargo. Times are printed in UTC and in the newsroom's zone.
 * Signed in, the server's verdict comes back at once: a refusal exits non-zero.
 */
import type { DesktopApi } from '../../src-shared/api';
import { parseNewsroomTime, toWallTimeInput } from '../../src-shared/time/newsroomTime';

export class ScheduleUsageError extends Error {}

export const SCHEDULE_USAGE = `  publish ID --at TIME|none                  the server publishes at TIME ("2027-01-15 06:00" in
                                             the newsroom's time zone, or ISO 8601 with an
                                             offset); none takes the schedule back
  embargo ID TIME|none                       no publication before TIME (none clears it)`;

function timeArg(raw: string, zone: string): string | null {
  if (raw === 'none') return null;
  const r = parseNewsroomTime(raw, zone);
  if (!r.ok) throw new ScheduleUsageError(r.reason);
  return r.utc;
}

/** "2099-01-15T05:30:00.000Z (2099-01-15 06:30 Europe/Berlin)". */
function shown(utc: string, zone: string): string {
  return `${utc} (${toWallTimeInput(utc, zone).replace('T', ' ')} ${zone})`;
}

export async function runScheduleCommand(
  api: DesktopApi,
  cmd: 'publish' | 'embargo',
  id: string | undefined,
  raw: string | undefined,
): Promise<{ json: unknown; text: string }> {
  if (!id || raw === undefined) {
    throw new ScheduleUsageError(
      cmd === 'publish' ? 'usage: publish ID --at TIME|none' : 'usage: embargo ID TIME|none',
    );
  }
  const zone = (await api['sync.status']({})).timeZone;
  const when = timeArg(raw, zone);
  const before = new Set((await api['sync.conflicts']({ entityId: id })).items.map((c) => c.id));
  const mutation = cmd === 'publish' ? 'article.schedule' : 'article.setEmbargo';
  const a =
    cmd === 'publish'
      ? await api['articles.schedule']({ id, at: when })
      : await api['articles.setEmbargo']({ id, until: when });
  const refused = (await api['sync.conflicts']({ entityId: id })).items.find(
    (c) =>
      !before.has(c.id) &&
      c.kind === 'rejected' &&
      (c.field === mutation || c.field === 'article.unschedule'),
  );
  if (refused) throw new Error(refused.reason ?? `The server refused to ${cmd} ${id}.`);
  const text =
    cmd === 'publish'
      ? a.scheduledAt
        ? `${a.id} is scheduled for ${shown(a.scheduledAt, zone)}.`
        : `${a.id} is not scheduled.`
      : a.embargoUntil
        ? `${a.id} is under embargo until ${shown(a.embargoUntil, zone)}.`
        : `${a.id} has no embargo.`;
  return { json: a, text };
}
