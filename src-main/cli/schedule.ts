/**
 * `publish ID --at TIME` and `embargo ID TIME|none`: a desk chief's schedule and embargo. TIME
 * is "2027-01-15 06:00" in the newsroom's time zone (COPYDESK_TIME_ZONE, default
 * Europe/Berlin) or ISO 8601 with an offset; `none` takes the schedule back / clears the embargo.
 * Signed in, the server's verdict comes back at once: a refusal exits non-zero.
 */
import type { DesktopApi } from '../../src-shared/api';
import { DEFAULT_NEWSROOM_TIME_ZONE, parseNewsroomTime } from '../../src-shared/time/newsroomTime';

export class ScheduleUsageError extends Error {}

export const SCHEDULE_USAGE = `  publish ID --at TIME|none                  the server publishes at TIME ("2027-01-15 06:00" in
                                             the newsroom's time zone, or ISO 8601 with an
                                             offset); none takes the schedule back
  embargo ID TIME|none                       no publication before TIME (none clears it)`;

export function newsroomTimeZone(): string {
  return process.env.COPYDESK_TIME_ZONE || DEFAULT_NEWSROOM_TIME_ZONE;
}

function timeArg(raw: string): string | null {
  if (raw === 'none') return null;
  const r = parseNewsroomTime(raw, newsroomTimeZone());
  if (!r.ok) throw new ScheduleUsageError(r.reason);
  return r.utc;
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
  const when = timeArg(raw);
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
        ? `${a.id} is scheduled for ${a.scheduledAt}.`
        : `${a.id} is not scheduled.`
      : a.embargoUntil
        ? `${a.id} is under embargo until ${a.embargoUntil}.`
        : `${a.id} has no embargo.`;
  return { json: a, text };
}
